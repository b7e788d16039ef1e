package org.mubench.eval.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.mubench.eval.score.GroupResult;
import org.mubench.image.PngEncoder;

/**
 * The sweep plot: accuracy (%) against α, one line per group (coarse, fine, pathology) with its 95% CI as a shaded
 * band, the μ-Bench mean as a dashed line, and the best α marked by a vertical line.
 */
final class SweepChart {
	private SweepChart() {}

	static final int WIDTH = 960, HEIGHT = 600;
	static final int BACKGROUND = 0xffffff, INK = 0x222222, GRID = 0xe4e4e4, AXIS = 0x555555, BEST = 0x999999;
	static final int[] COLOURS = { 0x4c72b0, 0xdd8452, 0x55a868, 0x8172b3 };

	static final class Line {
		final String label;
		final int colour;
		final double[] x, y, low, high;
		final boolean dashed;

		Line(String label, int colour, double[] x, double[] y, double[] low, double[] high, boolean dashed) {
			this.label = label;
			this.colour = colour;
			this.x = x;
			this.y = y;
			this.low = low;
			this.high = high;
			this.dashed = dashed;
		}
	}

	/** The lines drawn: each group present at every α, then the μ-Bench mean. Values in percent. */
	static List<Line> lines(WeightSweep.Result r) {
		List<Line> out = new ArrayList<>();
		boolean paperFine = true;
		for (WeightSweep.Point p : r.points) if (!p.groups.containsKey("fine_paper")) paperFine = false;
		String[][] groups = { { "coarse", "coarse" }, { paperFine ? "fine_paper" : "fine", "fine" }, { "pathology", "pathology" } };
		int n = r.points.size();
		for (String[] g : groups) {
			double[] x = new double[n], y = new double[n], lo = new double[n], hi = new double[n];
			boolean all = true;
			for (int i = 0; i < n; i++) {
				GroupResult gr = r.points.get(i).groups.get(g[0]);
				if (gr == null || gr.accuracy == null) { all = false; break; }
				x[i] = r.points.get(i).alpha;
				y[i] = 100 * gr.accuracy;
				lo[i] = 100 * (gr.ciLow == null ? gr.accuracy : gr.ciLow);
				hi[i] = 100 * (gr.ciHigh == null ? gr.accuracy : gr.ciHigh);
			}
			if (all) out.add(new Line(g[1], COLOURS[out.size()], x, y, lo, hi, false));
		}
		double[] x = new double[n], y = new double[n];
		boolean all = n > 0;
		for (int i = 0; i < n; i++) {
			x[i] = r.points.get(i).alpha;
			y[i] = 100 * r.points.get(i).mubenchMean;
			if (Double.isNaN(y[i])) all = false;
		}
		if (all) out.add(new Line("mubench mean", COLOURS[3], x, y, null, null, true));
		return out;
	}

	static byte[] png(WeightSweep.Result r) {
		Raster c = render(r);
		return PngEncoder.rgb8(c.width, c.height, c.rgb);
	}

	static Raster render(WeightSweep.Result r) {
		Raster c = new Raster(WIDTH, HEIGHT, BACKGROUND);
		List<Line> lines = lines(r);
		int s = 2;
		Glyphs.draw(c, 70, 16, "accuracy vs alpha  (alpha 0 = base, 1 = fine-tuned)", INK, s);
		// Axis ranges: α over the swept values, accuracy over the bands rounded out to tens.
		double xMin = Double.MAX_VALUE, xMax = -Double.MAX_VALUE, yMin = 100, yMax = 0;
		for (WeightSweep.Point p : r.points) { xMin = Math.min(xMin, p.alpha); xMax = Math.max(xMax, p.alpha); }
		for (Line l : lines)
			for (int i = 0; i < l.x.length; i++) {
				yMin = Math.min(yMin, l.low == null ? l.y[i] : l.low[i]);
				yMax = Math.max(yMax, l.high == null ? l.y[i] : l.high[i]);
			}
		if (!(xMax > xMin)) { xMin -= 0.5; xMax += 0.5; }
		if (lines.isEmpty()) { yMin = 0; yMax = 100; }
		yMin = Math.max(0, Math.floor(yMin / 10) * 10);
		yMax = Math.min(100, Math.ceil(yMax / 10) * 10);
		if (yMax - yMin < 10) { yMin = Math.max(0, yMax - 10); yMax = yMin + 10; }

		int left = 90, right = WIDTH - 30, bottom = HEIGHT - 70;
		// Legend under the title, wrapped onto as many rows as it needs.
		int lx = left, ly = 52;
		for (Line l : lines) {
			String label = l.label + (l.low != null ? " (95% ci)" : "");
			int w = 28 + Glyphs.width(label, s);
			if (lx > left && lx + w > right) {
				lx = left;
				ly += 26;
			}
			c.fill(lx, ly + 4, 22, 4, l.colour);
			Glyphs.draw(c, lx + 28, ly, label, INK, s);
			lx += w + 26;
		}
		int top = ly + 70;
		Axis ax = new Axis(xMin, xMax, left, right), ay = new Axis(yMin, yMax, bottom, top);
		double yStep = (yMax - yMin) > 50 ? 10 : 5;
		for (double v = yMin; v <= yMax + 1e-9; v += yStep) {
			int y = ay.px(v);
			c.fill(left, y, right - left, 1, GRID);
			String t = String.format(Locale.ROOT, "%.0f", v);
			Glyphs.draw(c, left - 10 - Glyphs.width(t, s), y - Glyphs.H * s / 2, t, INK, s);
		}
		double xStep = niceStep((xMax - xMin) / 10);
		for (long k = (long) Math.ceil(xMin / xStep - 1e-9); k * xStep <= xMax + 1e-9; k++) {
			double v = k * xStep;
			int x = ax.px(v);
			c.fill(x, top, 1, bottom - top, GRID);
			// Decimal arithmetic for the label, so 3 × 0.1 reads 0.3.
			String t = java.math.BigDecimal.valueOf(xStep).multiply(java.math.BigDecimal.valueOf(k)).stripTrailingZeros()
				.toPlainString();
			Glyphs.draw(c, x - Glyphs.width(t, s) / 2, bottom + 10, t, INK, s);
		}
		Glyphs.draw(c, (left + right) / 2 - Glyphs.width("alpha", s) / 2, bottom + 36, "alpha", INK, s);
		Glyphs.draw(c, 12, top - 28, "accuracy (%)", INK, s);

		if (r.bestAlpha != null) {
			int x = ax.px(r.bestAlpha);
			for (int y = top; y < bottom; y += 8) c.fill(x, y, 2, 4, BEST);
			String t = "best " + WeightSweep.plain(r.bestAlpha);
			Glyphs.draw(c, Math.min(x + 6, right - Glyphs.width(t, s)), top + 4, t, BEST, s);
		}
		for (Line l : lines) {
			if (l.low == null) continue;
			for (int i = 0; i + 1 < l.x.length; i++) {
				int xa = ax.px(l.x[i]), xb = ax.px(l.x[i + 1]);
				for (int x = Math.min(xa, xb); x <= Math.max(xa, xb); x++) {
					double t = xa == xb ? 0 : (double) (x - xa) / (xb - xa);
					int ylo = ay.px(l.low[i] + (l.low[i + 1] - l.low[i]) * t);
					int yhi = ay.px(l.high[i] + (l.high[i + 1] - l.high[i]) * t);
					for (int y = Math.min(ylo, yhi); y <= Math.max(ylo, yhi); y++) c.blend(x, y, l.colour, 0.2);
				}
			}
			if (l.x.length == 1) {
				int x = ax.px(l.x[0]);
				c.line(x, ay.px(l.low[0]), x, ay.px(l.high[0]), l.colour, 2);
			}
		}
		for (Line l : lines) {
			for (int i = 0; i + 1 < l.x.length; i++) {
				int xa = ax.px(l.x[i]), ya = ay.px(l.y[i]), xb = ax.px(l.x[i + 1]), yb = ay.px(l.y[i + 1]);
				if (!l.dashed) c.line(xa, ya, xb, yb, l.colour, 3);
				else {
					int steps = Math.max(1, Math.max(Math.abs(xb - xa), Math.abs(yb - ya)) / 8);
					for (int k = 0; k < steps; k += 2) {
						double t0 = (double) k / steps, t1 = Math.min(1, (k + 1.0) / steps);
						c.line((int) Math.round(xa + (xb - xa) * t0), (int) Math.round(ya + (yb - ya) * t0),
							(int) Math.round(xa + (xb - xa) * t1), (int) Math.round(ya + (yb - ya) * t1), l.colour, 3);
					}
				}
			}
			for (int i = 0; i < l.x.length; i++) c.fill(ax.px(l.x[i]) - 4, ay.px(l.y[i]) - 4, 9, 9, l.colour);
		}
		c.fill(left, top, 2, bottom - top + 1, AXIS);
		c.fill(left, bottom, right - left + 1, 2, AXIS);

		return c;
	}

	static double niceStep(double raw) {
		if (!(raw > 0)) return 1;
		double p = Math.pow(10, Math.floor(Math.log10(raw)));
		for (double m : new double[] { 1, 2, 2.5, 5, 10 })
			if (m * p >= raw - 1e-12) return m * p;
		return 10 * p;
	}

	/** Maps values to pixels along one axis. */
	static final class Axis {
		final double min, max;
		final int from, to;

		Axis(double min, double max, int from, int to) {
			this.min = min;
			this.max = max;
			this.from = from;
			this.to = to;
		}

		int px(double v) {
			double t = (Math.max(min, Math.min(max, v)) - min) / (max - min);
			return (int) Math.round(from + t * (to - from));
		}
	}
}
