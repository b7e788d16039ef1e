package org.mubench.base;

/**
 * Progress of a long job (download, run, merge), reported by the core and shown by the CLI (a terminal bar) or Fiji
 * (the status bar). Implementations must be cheap and thread-safe.
 */
public interface ProgressListener {
	/**
	 * @param done units finished so far
	 * @param total units in all, or -1 when unknown
	 * @param message what is being done, for a status line
	 */
	void progress(long done, long total, String message);

	/** A one-line notice for the user (skipped item, chosen device, …). */
	default void log(String message) {}

	ProgressListener SILENT = (done, total, message) -> {};
}
