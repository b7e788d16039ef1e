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
 * Progress of a long job (download, run, merge), reported by the core and shown by the CLI (a terminal bar) or Fiji
 * (the status bar). Implementations must be cheap and thread-safe.
 */
public interface ProgressListener {
	/**
	 * @param done units finished so far
	 * @param total units in all, or -1 when unknown
	 * @param message what is being done, for a status line
	 */
	void progress(long done, long total, String message);

	/** A one-line notice for the user (skipped item, chosen device, …). */
	default void log(String message) {}

	ProgressListener SILENT = (done, total, message) -> {};
}
