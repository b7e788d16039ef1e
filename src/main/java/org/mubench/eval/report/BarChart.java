package org.mubench.eval.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Horizontal bars with CI whiskers, one row per category (long task names stay readable on the left). Each bar may
 * carry a chance level drawn as a dashed vertical mark across its row. Values are percentages.
 */
public final class BarChart {
	public static final class Bar {
		public final String label;
		public final double value, low, high, halfWidth;
		/** Chance level for this bar, or null. */
		public final Double baseline;
		public final int colour;

		/** {@code low} – {@code high} is printed next to the bar; {@code halfWidth} (the paper's ±) is kept for callers. */
		public Bar(String label, double value, double low, double high, double halfWidth, Double baseline, int colour) {
			this.label = label;
			this.value = value;
			this.low = low;
			this.high = high;
			this.halfWidth = halfWidth;
			this.baseline = baseline;
			this.colour = colour;
		}
	}

	public String title = "";
	public String subtitle;
	public String valueAxisLabel = "Accuracy (%)";
	public double max = 100;
	public int width = 1400;
	public final List<Bar> bars = new ArrayList<>();
	public final List<Charts.LegendEntry> legend = new ArrayList<>();

	private static final int S = 2, ROW = 34, BAR = 20;

	public PixelCanvas render() {
		int labelW = 0;
		for (Bar b : bars)
			labelW = Math.max(labelW, BitmapFont.width(b.label, S));
		int left = 30 + labelW + 16, right = width - 190;
		if (right - left < 200) throw new IllegalStateException("chart too narrow for its labels");
		// Measure the header (title, subtitle, legend) with a scratch canvas of the same width.
		int top = 20 + BitmapFont.height(3) + 14;
		if (subtitle != null) top += BitmapFont.height(S) + 10;
		PixelCanvas scratch = new PixelCanvas(width, 200, Charts.BACKGROUND);
		int legendH = Charts.legend(scratch, left, 0, width - 20, legend, S);
		int plotTop = top + legendH + 14;
		int plotH = Math.max(1, bars.size()) * ROW;
		int height = plotTop + plotH + 16 + BitmapFont.height(S) + 16 + BitmapFont.height(S) + 24;
		PixelCanvas c = new PixelCanvas(width, height, Charts.BACKGROUND);
		c.textCentered(width / 2, 20, title, Charts.INK, 3);
		int y = 20 + BitmapFont.height(3) + 14;
		if (subtitle != null) {
			c.textCentered(width / 2, y, subtitle, Charts.AXIS, S);
			y += BitmapFont.height(S) + 10;
		}
		Charts.legend(c, left, y, width - 20, legend, S);

		List<Double> ticks = Charts.ticks(0, max, 10);
		double step = ticks.size() > 1 ? ticks.get(1) - ticks.get(0) : max;
		for (double t : ticks) {
			int x = xOf(t, left, right);
			c.fillRect(x, plotTop, 1, plotH, Charts.GRID);
			c.textCentered(x, plotTop + plotH + 10, Charts.tickLabel(t, step), Charts.INK, S);
		}
		c.textCentered((left + right) / 2, plotTop + plotH + 16 + BitmapFont.height(S) + 14, valueAxisLabel,
			Charts.INK, S);

		for (int i = 0; i < bars.size(); i++) {
			Bar b = bars.get(i);
			int rowTop = plotTop + i * ROW;
			int mid = rowTop + ROW / 2;
			c.textRight(left - 12, mid - BitmapFont.height(S) / 2, b.label, Charts.INK, S);
			int xv = xOf(b.value, left, right);
			c.fillRect(left, mid - BAR / 2, Math.max(1, xv - left), BAR, b.colour);
			if (!Double.isNaN(b.low) && !Double.isNaN(b.high)) {
				int xl = xOf(b.low, left, right), xh = xOf(b.high, left, right);
				c.line(xl, mid, xh, mid, Charts.INK, 2);
				c.line(xl, mid - 7, xl, mid + 7, Charts.INK, 2);
				c.line(xh, mid - 7, xh, mid + 7, Charts.INK, 2);
			}
			if (b.baseline != null) {
				int xb = xOf(b.baseline, left, right);
				c.dashedLine(xb, rowTop + 2, xb, rowTop + ROW - 3, Charts.BASELINE, 3, 5, 3);
			}
			String v = String.format(Locale.ROOT, "%.2f", b.value);
			// The interval itself: it is not symmetric, so "+/- h" would misstate one side.
			if (!Double.isNaN(b.low) && !Double.isNaN(b.high)) v += String.format(Locale.ROOT, " [%.2f-%.2f]", b.low, b.high);
			int xt = Math.max(xv, Double.isNaN(b.high) ? xv : xOf(b.high, left, right)) + 10;
			c.text(xt, mid - BitmapFont.height(S) / 2, v, Charts.INK, S);
		}
		// Axis line on top of the bars' roots.
		c.fillRect(left, plotTop, 2, plotH, Charts.AXIS);
		c.fillRect(left, plotTop + plotH, right - left + 1, 2, Charts.AXIS);
		return c;
	}

	private int xOf(double v, int left, int right) {
		return left + (int) Math.round(Charts.clamp(v, 0, max) / max * (right - left));
	}
}
