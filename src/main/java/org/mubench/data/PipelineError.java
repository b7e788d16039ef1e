package org.mubench.data;

/**
 * A thread of a run died of something no item-level handling covers (an {@link Error} such as
 * {@code NoClassDefFoundError} or {@code OutOfMemoryError}, or a bug): the run must stop at once, not skip the item or
 * wait for work that will never come. The message names the thread and the cause in one line.
 */
public class PipelineError extends RuntimeException {
	public PipelineError(String message, Throwable cause) {
		super(message, cause);
	}

	/** {@code "<where> failed: <cause's class>: <message>"}, e.g. "The reader thread failed: NoClassDefFoundError: …". */
	public static PipelineError of(String where, Throwable cause) {
		if (cause instanceof PipelineError) return (PipelineError) cause;
		return new PipelineError(where + " failed: " + describe(cause), cause);
	}

	/** The class and message of {@code t}, one line. */
	public static String describe(Throwable t) {
		String m = t.getMessage();
		return t.getClass().getSimpleName() + (m == null || m.isEmpty() ? "" : ": " + m.replace('\n', ' ').trim());
	}
}
