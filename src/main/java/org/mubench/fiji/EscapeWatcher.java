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
