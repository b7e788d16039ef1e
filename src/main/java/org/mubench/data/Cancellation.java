package org.mubench.data;

import java.util.concurrent.atomic.AtomicBoolean;

/** A cancel flag checked by long jobs between units of work (batches, images, tensors). */
public final class Cancellation {
	private final AtomicBoolean cancelled = new AtomicBoolean();

	public void cancel() {
		cancelled.set(true);
	}

	public boolean isCancelled() {
		return cancelled.get();
	}

	public static final Cancellation NEVER = new Cancellation();
}
