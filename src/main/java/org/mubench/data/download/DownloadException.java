package org.mubench.data.download;

import org.mubench.data.DatasetException;

/** A download that failed; {@link #notFound()} tells a missing file (HTTP 404) from other failures. */
public class DownloadException extends DatasetException {
	private final int status;

	public DownloadException(String message, int status, Throwable cause) {
		super(message, cause);
		this.status = status;
	}

	/** The HTTP status that caused the failure; 0 for other failures, -1 when the server could not be reached. */
	public int status() {
		return status;
	}

	public boolean notFound() {
		return status == 404;
	}

	public boolean unreachable() {
		return status == HttpDownloader.UNREACHABLE;
	}
}
