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

import java.nio.file.Path;

/** A byte range of a file: where a tensor's data or a protobuf field lies, so it can be read or copied later. */
public final class FileRegion {
	public final Path file;
	public final long offset;
	public final long length;

	public FileRegion(Path file, long offset, long length) {
		this.file = file;
		this.offset = offset;
		this.length = length;
	}

	@Override
	public String toString() {
		return file + "[" + offset + "+" + length + "]";
	}
}
