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
package org.mubench.fiji;

import java.awt.GraphicsEnvironment;

import org.mubench.base.Cancellation;

import ij.IJ;

/**
 * Turns ImageJ's Esc key into a cancellation of a running job: ImageJ 1 only raises a flag when Esc is pressed over one
 * of its windows, so a daemon thread polls that flag while the job runs. Does nothing without a display.
 */
final class EscapeWatcher implements AutoCloseable {
	private static final long POLL_MILLIS = 200;
	private final Thread thread;
	private volatile boolean running = true;

	EscapeWatcher(Cancellation cancellation) {
		if (GraphicsEnvironment.isHeadless()) {
			thread = null;
			return;
		}
		IJ.resetEscape();
		thread = new Thread(() -> {
			while (running && !cancellation.isCancelled()) {
				if (IJ.escapePressed()) {
					IJ.showStatus("Micro-Bench: stopping after the current batch (Esc)…");
					cancellation.cancel();
					break;
				}
				try {
					Thread.sleep(POLL_MILLIS);
				}
				catch (InterruptedException e) {
					return;
				}
			}
		}, "Micro-Bench Esc watcher");
		thread.setDaemon(true);
		thread.start();
	}

	@Override
	public void close() {
		running = false;
		if (thread != null) thread.interrupt();
	}
}
