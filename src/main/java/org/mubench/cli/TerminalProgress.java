package org.mubench.cli;

import java.io.PrintWriter;
<<<<<<< HEAD
=======
import java.util.ArrayDeque;
>>>>>>> runner
import java.util.Locale;

import org.mubench.data.ProgressListener;

/**
<<<<<<< HEAD
 * A one-line progress bar on the terminal ({@code \r}-redrawn): done/total, percentage, rate and ETA. For bytes it
 * prints sizes (KB, MB, GB); otherwise plain counts with a unit. Notices ({@link #log}) go on their own lines.
 * Disabled (silent apart from notices) when output is not a terminal, so pipes and logs stay clean.
 */
final class TerminalProgress implements ProgressListener {
	private final PrintWriter out;
	private final boolean bytes;
	private final String unit;
	private final boolean enabled;
	private final long start = System.nanoTime();
	private long lastDraw;
	private int lastWidth;

	TerminalProgress(PrintWriter out, boolean bytes, String unit, boolean enabled) {
		this.out = out;
		this.bytes = bytes;
		this.unit = unit;
		this.enabled = enabled;
	}

	/** A bar on standard error when the process has a terminal. */
	static TerminalProgress forTerminal(PrintWriter err, boolean bytes, String unit) {
		return new TerminalProgress(err, bytes, unit, System.console() != null);
=======
 * Progress on a terminal: a redrawn bar with rate and ETA when the output is a TTY, otherwise a plain line now and
 * then (every 10 % or 30 s) so log files of cluster jobs stay readable. Notices go on their own lines.
 */
final class TerminalProgress implements ProgressListener {
	private static final long REDRAW_NANOS = 250_000_000L;
	private static final long PLAIN_NANOS = 30_000_000_000L;
	private static final long WINDOW_NANOS = 30_000_000_000L;

	private final PrintWriter out;
	private final boolean tty;
	private final String unit;
	private final ArrayDeque<long[]> window = new ArrayDeque<>();
	private long lastDraw;
	private long lastPlainDone = -1;
	private int lastPlainDecile = -1;
	private boolean barShown;
	private int lastWidth;

	TerminalProgress(PrintWriter out, boolean tty, String unit) {
		this.out = out;
		this.tty = tty;
		this.unit = unit;
	}

	/** True when standard output is an interactive terminal. */
	static boolean isTerminal() {
		return System.console() != null && !"dumb".equals(System.getenv("TERM"));
>>>>>>> runner
	}

	@Override
	public synchronized void progress(long done, long total, String message) {
<<<<<<< HEAD
		if (!enabled) return;
		long now = System.nanoTime();
		// Redraw at most ~8 times a second, but always draw completion.
		if (now - lastDraw < 125_000_000L && !(total >= 0 && done >= total)) return;
		lastDraw = now;
		String line = render(done, total, message, now - start, bytes, unit);
		StringBuilder b = new StringBuilder("\r").append(line);
		for (int i = line.length(); i < lastWidth; i++) b.append(' ');
		lastWidth = line.length();
		out.print(b);
		out.flush();
=======
		long now = System.nanoTime();
		window.addLast(new long[] { now, done });
		while (window.size() > 2 && now - window.peekFirst()[0] > WINDOW_NANOS) window.removeFirst();
		boolean finished = total >= 0 && done >= total;
		if (tty) {
			if (!finished && now - lastDraw < REDRAW_NANOS) return;
			lastDraw = now;
			String line = line(done, total, message, true);
			int pad = Math.max(0, lastWidth - line.length());
			out.print("\r" + line + spaces(pad));
			lastWidth = line.length();
			barShown = true;
			if (finished) endBar();
			out.flush();
		}
		else {
			int decile = total > 0 ? (int) (10 * done / total) : -1;
			boolean due = lastDraw == 0 || now - lastDraw >= PLAIN_NANOS || decile > lastPlainDecile || finished;
			if (!due || done == lastPlainDone) return;
			lastDraw = now;
			lastPlainDone = done;
			lastPlainDecile = decile;
			out.println(line(done, total, message, false));
			out.flush();
		}
>>>>>>> runner
	}

	@Override
	public synchronized void log(String message) {
<<<<<<< HEAD
		clear();
=======
		if (barShown) endBar();
>>>>>>> runner
		out.println(message);
		out.flush();
	}

<<<<<<< HEAD
	/** Ends the bar's line so that later output starts on a fresh one. */
	synchronized void finish() {
		if (enabled && lastWidth > 0) {
			out.println();
			out.flush();
			lastWidth = 0;
		}
	}

	private void clear() {
		if (!enabled || lastWidth == 0) return;
		StringBuilder b = new StringBuilder("\r");
		for (int i = 0; i < lastWidth; i++) b.append(' ');
		out.print(b.append('\r'));
		lastWidth = 0;
	}

	/** The bar's text for {@code done} of {@code total} (-1 unknown) after {@code elapsedNanos}. */
	static String render(long done, long total, String message, long elapsedNanos, boolean bytes, String unit) {
		StringBuilder b = new StringBuilder();
		if (message != null && !message.isEmpty()) b.append(message).append(' ');
		double seconds = elapsedNanos / 1e9;
		double rate = seconds > 0 ? done / seconds : 0;
		if (total > 0) {
			int width = 24;
			double f = Math.min(1.0, done / (double) total);
			int full = (int) Math.floor(f * width);
			b.append('[');
			for (int i = 0; i < width; i++) b.append(i < full ? '#' : '.');
			b.append("] ").append(String.format(Locale.ROOT, "%3d%% ", (int) Math.floor(f * 100)));
			b.append(amount(done, bytes, unit)).append(" / ").append(amount(total, bytes, unit));
		}
		else b.append(amount(done, bytes, unit));
		if (rate > 0) {
			b.append("  ").append(amount((long) rate, bytes, unit)).append("/s");
			if (total > 0 && done < total) b.append("  ETA ").append(duration((total - done) / rate));
		}
		return b.toString();
	}

	static String amount(long n, boolean bytes, String unit) {
		if (!bytes) return n + (unit == null || unit.isEmpty() ? "" : " " + unit);
		if (n < 1024) return n + " B";
		String[] units = { "KB", "MB", "GB", "TB" };
		double v = n;
		int u = -1;
		while (v >= 1024 && u < units.length - 1) {
			v /= 1024;
			u++;
		}
		return String.format(Locale.ROOT, v < 10 ? "%.2f %s" : v < 100 ? "%.1f %s" : "%.0f %s", v, units[u]);
	}

	static String duration(double seconds) {
		long s = (long) Math.ceil(seconds);
		if (s < 60) return s + "s";
		if (s < 3600) return (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s";
		return (s / 3600) + "h" + String.format(Locale.ROOT, "%02d", (s % 3600) / 60) + "m";
=======
	/** Ends the bar's line so later output starts on a fresh one. */
	synchronized void finish() {
		if (barShown) endBar();
		out.flush();
	}

	private void endBar() {
		out.println();
		barShown = false;
		lastWidth = 0;
	}

	String line(long done, long total, String message, boolean bar) {
		StringBuilder sb = new StringBuilder();
		if (bar && total > 0) {
			int width = 24;
			int filled = (int) Math.min(width, width * done / total);
			sb.append('[');
			for (int i = 0; i < width; i++) sb.append(i < filled ? '#' : '.');
			sb.append("] ");
		}
		sb.append(String.format(Locale.ROOT, "%,d", done));
		if (total >= 0) sb.append(String.format(Locale.ROOT, "/%,d", total));
		sb.append(' ').append(unit);
		double rate = rate();
		if (rate > 0) {
			sb.append(String.format(Locale.ROOT, "  %.1f %s/s", rate, unit));
			if (total > done) sb.append("  ETA ").append(duration((total - done) / rate));
		}
		if (message != null && !message.isEmpty()) sb.append("  ").append(message);
		return sb.toString();
	}

	/** Units per second over the last half minute (so the fast skip over resumed rows fades out). */
	double rate() {
		if (window.size() < 2) return 0;
		long[] first = window.peekFirst(), last = window.peekLast();
		double seconds = (last[0] - first[0]) / 1e9;
		return seconds > 0 ? (last[1] - first[1]) / seconds : 0;
	}

	static String duration(double seconds) {
		long s = Math.round(seconds);
		if (s >= 3600) return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
		return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
	}

	private static String spaces(int n) {
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < n; i++) sb.append(' ');
		return sb.toString();
>>>>>>> runner
	}
}
