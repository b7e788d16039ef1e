package org.mubench.data;

import org.mubench.base.Fix;
import org.mubench.base.FixableException;

/** A problem with the user's data, described in one line that names the file or item and what to do. */
public class DatasetException extends FixableException {
	public DatasetException(String message) {
		super(message, null);
	}

	public DatasetException(String message, Throwable cause) {
		super(message, null, cause);
	}

	public DatasetException(String reason, Fix fix, Throwable cause) {
		super(reason, fix, cause);
	}
}
