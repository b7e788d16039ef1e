package org.mubench.base;

/** An exception's message made fit for one line of a log, a dialog or the terminal (the message itself says what to fix). */
public final class Messages {
	private Messages() {}

	/** The message with its lines joined by spaces, or the exception's class name when it has no message. */
	public static String oneLine(Throwable e) {
		return text(e).replace('\n', ' ').trim();
	}

	/** The first line of the message (stack-trace-like detail dropped), or the class name when there is none. */
	public static String firstLine(Throwable e) {
		String m = text(e);
		int nl = m.indexOf('\n');
		return (nl >= 0 ? m.substring(0, nl) : m).trim();
	}

	private static String text(Throwable e) {
		String m = e.getMessage();
		return m == null || m.isEmpty() ? e.getClass().getSimpleName() : m;
	}
}
