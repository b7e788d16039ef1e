package org.mubench.eval.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Shared pieces of the bar and line charts: palette, tick choice, legend. */
public final class Charts {
	private Charts() {}

	public static final int BACKGROUND = 0xffffff, INK = 0x222222, GRID = 0xe3e3e3, AXIS = 0x555555,
		BASELINE = 0xb22222;
	/** A colour-blind-friendly categorical palette. */
	public static final int[] PALETTE = { 0x4c72b0, 0xdd8452, 0x55a868, 0xc44e52, 0x8172b3, 0x937860, 0xda8bc3,
		0x8c8c8c };

	/** Legend marker kinds. */
	public enum Marker {
		BOX, WHISKER, DASHED, LINE
	}

	public static final class LegendEntry {
		public final Marker marker;
		public final int colour;
		public final String label;

		public LegendEntry(Marker marker, int colour, String label) {
			this.marker = marker;
			this.colour = colour;
			this.label = label;
		}
	}

	/** Round tick positions covering [min, max] with about {@code target} intervals (steps of 1, 2, 5 × 10^k). */
	public static List<Double> ticks(double min, double max, int target) {
		double raw = (max - min) / Math.max(1, target);
		double mag = Math.pow(10, Math.floor(Math.log10(raw)));
		double step = mag;
		for (double m : new double[] { 1, 2, 2.5, 5, 10 }) {
			step = m * mag;
			if (step >= raw) break;
		}
		List<Double> out = new ArrayList<>();
		double first = Math.ceil(min / step - 1e-9) * step;
		for (double v = first; v <= max + step * 1e-9; v += step)
			out.add(Math.abs(v) < step * 1e-9 ? 0.0 : v);
		return out;
	}

	/** A tick label with just enough decimals for the step. */
	public static String tickLabel(double v, double step) {
		int decimals = step >= 1 ? 0 : (int) Math.ceil(-Math.log10(step) - 1e-9);
		if (step < 1 && Math.abs(step * Math.pow(10, decimals) - Math.round(step * Math.pow(10, decimals))) > 1e-9)
			decimals++;
		return String.format(Locale.ROOT, "%." + decimals + "f", v);
	}

	/** Draws legend entries in a row starting at (x, y); returns the height used. Wraps at {@code maxX}. */
	public static int legend(PixelCanvas c, int x, int y, int maxX, List<LegendEntry> entries, int scale) {
		int cx = x, cy = y, lineH = BitmapFont.height(scale) + 8;
		for (LegendEntry e : entries) {
			int w = 28 + 8 + BitmapFont.width(e.label, scale) + 24;
			if (cx + w > maxX && cx > x) {
				cx = x;
				cy += lineH;
			}
			int mid = cy + BitmapFont.height(scale) / 2;
			switch (e.marker) {
				case BOX:
					c.fillRect(cx, cy, 28, BitmapFont.height(scale), e.colour);
					break;
				case WHISKER:
					c.line(cx, mid, cx + 27, mid, e.colour, 2);
					c.line(cx, mid - 6, cx, mid + 6, e.colour, 2);
					c.line(cx + 27, mid - 6, cx + 27, mid + 6, e.colour, 2);
					break;
				case DASHED:
					c.dashedLine(cx, mid, cx + 27, mid, e.colour, 2, 6, 4);
					break;
				default:
					c.line(cx, mid, cx + 27, mid, e.colour, 3);
					c.fillRect(cx + 10, mid - 4, 8, 8, e.colour);
			}
			c.text(cx + 36, cy, e.label, INK, scale);
			cx += w;
		}
		return cy + lineH - y;
	}

	static double clamp(double v, double lo, double hi) {
		return Math.max(lo, Math.min(hi, v));
	}
}
