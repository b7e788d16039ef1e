package org.mubench.cli;

import java.io.PrintWriter;
import java.util.Locale;

import org.mubench.data.ProgressListener;

/**
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
	}

	@Override
	public synchronized void progress(long done, long total, String message) {
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
	}

	@Override
	public synchronized void log(String message) {
		clear();
		out.println(message);
		out.flush();
	}

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
		String[] units = { "KiB", "MiB", "GiB", "TiB" };
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
	}
}
