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
