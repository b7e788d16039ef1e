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
package org.mubench.base;

/**
 * A thread of a run died of something no item-level handling covers (an {@link Error} such as
 * {@code NoClassDefFoundError} or {@code OutOfMemoryError}, or a bug): the run must stop at once, not skip the item or
 * wait for work that will never come. The message names the thread and the cause in one line.
 */
public class PipelineError extends RuntimeException {
	public PipelineError(String message, Throwable cause) {
		super(message, cause);
	}

	/** {@code "<where> failed: <cause's class>: <message>"}, e.g. "The reader thread failed: NoClassDefFoundError: …". */
	public static PipelineError of(String where, Throwable cause) {
		if (cause instanceof PipelineError) return (PipelineError) cause;
		return new PipelineError(where + " failed: " + describe(cause), cause);
	}

	/** The class and message of {@code t}, one line. */
	public static String describe(Throwable t) {
		String m = t.getMessage();
		return t.getClass().getSimpleName() + (m == null || m.isEmpty() ? "" : ": " + m.replace('\n', ' ').trim());
	}
}
