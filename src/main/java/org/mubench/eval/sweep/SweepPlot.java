package org.mubench.eval.sweep;

import java.util.ArrayList;
import java.util.List;

import org.mubench.eval.report.Charts;
import org.mubench.eval.report.LineChart;
import org.mubench.eval.report.PixelCanvas;
import org.mubench.eval.score.GroupResult;

/**
 * The sweep plot on the shared {@link LineChart}: accuracy (%) against α, one line per group (coarse, fine,
 * pathology) with its 95% CI band, the μ-Bench mean as a line without band, chance of the coarse questions dashed, and
 * the best α in the title.
 */
final class SweepPlot {
	private SweepPlot() {}

	static final String[][] GROUPS = { { "coarse", "coarse" }, { "fine_paper", "fine_paper" }, { "pathology", "pathology" } };

	static LineChart chart(WeightSweep.Result r) {
		LineChart c = new LineChart();
		c.title = "Accuracy vs alpha" + (r.bestAlpha == null ? "" : "; best alpha " + WeightSweep.plain(r.bestAlpha));
		c.xLabel = "alpha (0 = base model, 1 = fine-tuned model)";
		int n = r.points.size();
		double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE, top = 0;
		for (WeightSweep.Point p : r.points) {
			lo = Math.min(lo, p.alpha);
			hi = Math.max(hi, p.alpha);
		}
		c.xMin = lo;
		c.xMax = hi > lo ? hi : lo + 1;
		List<LineChart.Series> series = new ArrayList<>();
		for (String[] g : GROUPS) {
			double[] x = new double[n], y = new double[n], l = new double[n], h = new double[n];
			boolean all = n > 0;
			String label = g[1];
			for (int i = 0; i < n && all; i++) {
				WeightSweep.Point p = r.points.get(i);
				GroupResult gr = p.groups.get(g[0]);
				// Without the paper's fine total (e.g. only Eulenberg rows), fall back to the plain fine group.
				if (gr == null && g[0].equals("fine_paper")) {
					gr = p.groups.get("fine");
					label = "fine";
				}
				if (gr == null || gr.accuracy == null) {
					all = false;
					break;
				}
				x[i] = p.alpha;
				y[i] = 100 * gr.accuracy;
				l[i] = 100 * (gr.ciLow == null ? gr.accuracy : gr.ciLow);
				h[i] = 100 * (gr.ciHigh == null ? gr.accuracy : gr.ciHigh);
				top = Math.max(top, h[i]);
				if (c.baseline == null && i == 0 && gr.chance != null) {
					c.baseline = 100 * gr.chance;
					c.baselineLabel = "chance (" + label + ")";
				}
			}
			if (all) series.add(new LineChart.Series(label, x, y, l, h, Charts.PALETTE[series.size()]));
		}
		double[] x = new double[n], y = new double[n];
		boolean all = n > 0;
		for (int i = 0; i < n; i++) {
			x[i] = r.points.get(i).alpha;
			y[i] = 100 * r.points.get(i).mubenchMean;
			if (Double.isNaN(y[i])) all = false;
		}
		// Not PALETTE[3]: that red is close to the chance line's.
		if (all) series.add(new LineChart.Series("Micro-Bench mean", x, y, null, null, Charts.PALETTE[4]));
		c.series.addAll(series);
		if (c.baseline != null) top = Math.max(top, c.baseline);
		c.yMax = Math.min(100, Math.max(10, Math.ceil(top / 10) * 10));
		return c;
	}

	static PixelCanvas render(WeightSweep.Result r) {
		return chart(r).render();
	}
}
