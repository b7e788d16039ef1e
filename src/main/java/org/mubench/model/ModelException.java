package org.mubench.model;

/** A model that cannot be loaded or run, described in one line naming the file and the fix. */
public class ModelException extends RuntimeException {
	public ModelException(String message) {
		super(message);
	}

	public ModelException(String message, Throwable cause) {
		super(message, cause);
	}
}
