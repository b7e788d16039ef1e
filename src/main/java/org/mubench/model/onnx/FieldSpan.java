/*-
 * #%L
 * The microscopy vision-language benchmark Micro-Bench (uBench) as a Fiji plugin suite and command line.
 * %%
 * Copyright (C) 2026 Micro-Bench for Fiji developers
 * %%
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 * 
 *      http://www.apache.org/licenses/LICENSE-2.0
 * 
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 * #L%
 */
package org.mubench.model.onnx;

/**
 * One top-level field of a message read from a file: its field number and where its encoding (tag included) lies, so a
 * rewrite can copy the fields it does not change byte for byte.
 */
public final class FieldSpan {
	public final int field;
	public final long start;
	public final long end;
	/** The parsed value for fields the reader understands (tensor, node, value info), else null. */
	public final Object value;

	FieldSpan(int field, long start, long end, Object value) {
		this.field = field;
		this.start = start;
		this.end = end;
		this.value = value;
	}

	public long length() {
		return end - start;
	}
}
