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
package org.mubench.eval.run;

import org.mubench.base.Cancellation;
import org.mubench.base.ProgressListener;

/** What an answerer may use while answering a batch: the run's options, its log and its cancel flag. */
public final class AnswerContext {
	public final RunOptions options;
	public final ProgressListener listener;
	public final Cancellation cancellation;

	public AnswerContext(RunOptions options, ProgressListener listener, Cancellation cancellation) {
		this.options = options;
		this.listener = listener;
		this.cancellation = cancellation;
	}

	/** A one-line notice for the user (a failed request, …). */
	public void log(String message) {
		listener.log(message);
	}
}
