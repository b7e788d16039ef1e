/*-
 * #%L
 * The microscopy vision-language benchmark Micro-Bench (uBench) as a Fiji plugin suite and command line.
 * %%
 * Copyright (C) 2026 Micro-Bench for Fiji developers
 * %%
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 * 
 *      http://www.apache.org/licenses/LICENSE-2.0
 * 
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 * #L%
 */
package org.mubench.cli;

import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.Locale;

import org.mubench.base.ProgressListener;

/**
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
	/** Amounts are bytes: shown as KB/MB/GB. */
	private final boolean bytes;
	private final ArrayDeque<long[]> window = new ArrayDeque<>();
	private long lastDraw;
	private long lastPlainDone = -1;
	private int lastPlainDecile = -1;
	private boolean barShown;
	private int lastWidth;

	TerminalProgress(PrintWriter out, boolean tty, String unit) {
		this(out, tty, unit, false);
	}

	TerminalProgress(PrintWriter out, boolean tty, String unit, boolean bytes) {
		this.out = out;
		this.tty = tty;
		this.unit = unit;
		this.bytes = bytes;
	}

	/** Progress on {@code out}, drawn as a bar when the process has a terminal. */
	static TerminalProgress forTerminal(PrintWriter out, boolean bytes, String unit) {
		return new TerminalProgress(out, isTerminal(), unit, bytes);
	}

	/** True when standard output is an interactive terminal. */
	static boolean isTerminal() {
		return System.console() != null && !"dumb".equals(System.getenv("TERM"));
	}

	@Override
	public synchronized void progress(long done, long total, String message) {
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
	}

	@Override
	public synchronized void log(String message) {
		if (barShown) endBar();
		out.println(message);
		out.flush();
	}

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
		if (bytes) {
			sb.append(amountOfBytes(done));
			if (total >= 0) sb.append('/').append(amountOfBytes(total));
		}
		else {
			sb.append(String.format(Locale.ROOT, "%,d", done));
			if (total >= 0) sb.append(String.format(Locale.ROOT, "/%,d", total));
			sb.append(' ').append(unit);
		}
		double rate = rate();
		if (rate > 0) {
			if (bytes) sb.append("  ").append(amountOfBytes((long) rate)).append("/s");
			else sb.append(String.format(Locale.ROOT, "  %.1f %s/s", rate, unit));
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

	/** A byte count in B, KiB, MiB, GiB or TiB, three significant digits. */
	static String amountOfBytes(long n) {
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
		long s = Math.round(seconds);
		if (s >= 3600) return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
		return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
	}

	private static String spaces(int n) {
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < n; i++) sb.append(' ');
		return sb.toString();
	}
}
