package org.mubench.data;

/** A problem with the user's data, described in one line that names the file or item and what to do. */
public class DatasetException extends RuntimeException {
	public DatasetException(String message) {
		super(message);
	}

	public DatasetException(String message, Throwable cause) {
		super(message, cause);
	}
}
