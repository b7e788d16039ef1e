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

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A cancel flag checked by long jobs between units of work (batches, images, tensors). Each job that can be cancelled
 * gets its own instance; {@link #NEVER} stands for "cannot be cancelled" and refuses {@link #cancel()}, so no stray
 * call can cancel every job in the JVM that shares it.
 */
public class Cancellation {
	private final AtomicBoolean cancelled = new AtomicBoolean();

	/** For a job nobody can cancel. */
	public static final Cancellation NEVER = new Cancellation() {
		@Override
		public void cancel() {
			throw new UnsupportedOperationException("Cancellation.NEVER cannot be cancelled: give the job its own new Cancellation()");
		}
	};

	public void cancel() {
		cancelled.set(true);
	}

	public boolean isCancelled() {
		return cancelled.get();
	}
}
