package org.mubench.eval.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Lines with shaded confidence bands over a numeric x axis (e.g. accuracy against the interpolation weight α of a
 * sweep). Values on the y axis are percentages unless {@link #yMax} says otherwise.
 */
public final class LineChart {
	public static final class Series {
		public final String name;
		public final double[] x, y, low, high;
		public final int colour;

		/** {@code low}/{@code high} may be null for a series without a band. */
		public Series(String name, double[] x, double[] y, double[] low, double[] high, int colour) {
			if (x.length != y.length || (low != null && low.length != x.length) ||
				(high != null && high.length != x.length))
				throw new IllegalArgumentException("series " + name + ": x, y and band lengths differ");
			this.name = name;
			this.x = x;
			this.y = y;
			this.low = low;
			this.high = high;
			this.colour = colour;
		}
	}

	public String title = "";
	public String xLabel = "", yLabel = "Accuracy (%)";
	public double xMin = 0, xMax = 1, yMin = 0, yMax = 100;
	/** A dashed horizontal reference line (e.g. chance), or null. */
	public Double baseline;
	public String baselineLabel = "random baseline";
	public int width = 1100, height = 700;
	public final List<Series> series = new ArrayList<>();

	private static final int S = 2;

	public PixelCanvas render() {
		PixelCanvas c = new PixelCanvas(width, height, Charts.BACKGROUND);
		c.textCentered(width / 2, 20, title, Charts.INK, 3);
		List<Charts.LegendEntry> entries = new ArrayList<>();
		for (Series s : series)
			entries.add(new Charts.LegendEntry(Charts.Marker.LINE, s.colour, s.name +
				(s.low != null ? " (band: 95% CI)" : "")));
		if (baseline != null) entries.add(new Charts.LegendEntry(Charts.Marker.DASHED, Charts.BASELINE, baselineLabel));
		int left = 40 + BitmapFont.height(S) + 16 + BitmapFont.width("100.0", S) + 12;
		int right = width - 40;
		int legendH = Charts.legend(c, left, 20 + BitmapFont.height(3) + 14, right, entries, S);
		int top = 20 + BitmapFont.height(3) + 14 + legendH + 10;
		int bottom = height - (16 + BitmapFont.height(S) + 16 + BitmapFont.height(S) + 20);
		if (bottom - top < 100) throw new IllegalStateException("chart too small for its legend");

		List<Double> yt = Charts.ticks(yMin, yMax, 10);
		double ys = yt.size() > 1 ? yt.get(1) - yt.get(0) : yMax - yMin;
		for (double t : yt) {
			int y = yOf(t, top, bottom);
			c.fillRect(left, y, right - left, 1, Charts.GRID);
			c.textRight(left - 10, y - BitmapFont.height(S) / 2, Charts.tickLabel(t, ys), Charts.INK, S);
		}
		List<Double> xt = Charts.ticks(xMin, xMax, 10);
		double xs = xt.size() > 1 ? xt.get(1) - xt.get(0) : xMax - xMin;
		for (double t : xt) {
			int x = xOf(t, left, right);
			c.fillRect(x, top, 1, bottom - top, Charts.GRID);
			c.textCentered(x, bottom + 10, Charts.tickLabel(t, xs), Charts.INK, S);
		}
		c.textCentered((left + right) / 2, bottom + 16 + BitmapFont.height(S) + 12, xLabel, Charts.INK, S);
		c.textUp(30, (top + bottom) / 2 + BitmapFont.width(yLabel, S) / 2, yLabel, Charts.INK, S);

		for (Series s : series) {
			if (s.low == null || s.high == null) continue;
			for (int i = 0; i + 1 < s.x.length; i++) {
				int xa = xOf(s.x[i], left, right), xb = xOf(s.x[i + 1], left, right);
				for (int x = Math.min(xa, xb); x <= Math.max(xa, xb); x++) {
					double t = xa == xb ? 0 : (double) (x - xa) / (xb - xa);
					double lo = s.low[i] + (s.low[i + 1] - s.low[i]) * t;
					double hi = s.high[i] + (s.high[i + 1] - s.high[i]) * t;
					int ylo = yOf(lo, top, bottom), yhi = yOf(hi, top, bottom);
					c.blendRect(x, Math.min(ylo, yhi), 1, Math.abs(ylo - yhi) + 1, s.colour, 0.22);
				}
			}
		}
		if (baseline != null) {
			int y = yOf(baseline, top, bottom);
			c.dashedLine(left, y, right, y, Charts.BASELINE, 2, 10, 6);
		}
		for (Series s : series) {
			for (int i = 0; i + 1 < s.x.length; i++)
				c.line(xOf(s.x[i], left, right), yOf(s.y[i], top, bottom), xOf(s.x[i + 1], left, right),
					yOf(s.y[i + 1], top, bottom), s.colour, 3);
			for (int i = 0; i < s.x.length; i++)
				c.fillRect(xOf(s.x[i], left, right) - 4, yOf(s.y[i], top, bottom) - 4, 9, 9, s.colour);
		}
		c.fillRect(left, top, 2, bottom - top + 1, Charts.AXIS);
		c.fillRect(left, bottom, right - left + 1, 2, Charts.AXIS);
		return c;
	}

	private int xOf(double v, int left, int right) {
		return left + (int) Math.round((Charts.clamp(v, xMin, xMax) - xMin) / (xMax - xMin) * (right - left));
	}

	private int yOf(double v, int top, int bottom) {
		return bottom - (int) Math.round((Charts.clamp(v, yMin, yMax) - yMin) / (yMax - yMin) * (bottom - top));
	}
}
