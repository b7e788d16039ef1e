package org.mubench.model.merge;

import org.mubench.model.ModelException;

/** Two models that cannot be merged (different tensors or graphs, bad α, unreadable file), in one line. */
public class MergeException extends ModelException {
	public MergeException(String message) {
		super(message);
	}

	public MergeException(String message, Throwable cause) {
		super(message, cause);
	}
}
