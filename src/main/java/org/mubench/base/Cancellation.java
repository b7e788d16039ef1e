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
