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
package org.mubench.eval.sweep;

import java.util.ArrayList;
import java.util.List;

import org.mubench.eval.chart.ChartFiles;
import org.mubench.eval.chart.LineBandChart;
import org.mubench.eval.score.GroupResult;

/**
 * The sweep plot on the shared {@link LineBandChart}: accuracy (%) against α, one line per group (coarse, fine,
 * pathology) with its 95% CI band, the μ-Bench mean as a line without band, chance of the coarse questions dashed, and
 * the best α in the title.
 */
final class SweepPlot {
	private SweepPlot() {}

	static final String[][] GROUPS = { { "coarse_paper", "coarse_paper" }, { "fine_paper", "fine_paper" }, { "pathology", "pathology" } };

	static LineBandChart chart(WeightSweep.Result r) {
		LineBandChart c = new LineBandChart();
		c.title = "Accuracy vs α" + (r.bestAlpha == null ? "" : "; best α = " + WeightSweep.plain(r.bestAlpha));
		c.xLabel = "α (0 = base model, 1 = fine-tuned model)";
		int n = r.points.size();
		double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE, top = 0;
		for (WeightSweep.Point p : r.points) {
			lo = Math.min(lo, p.alpha);
			hi = Math.max(hi, p.alpha);
		}
		c.xMin = lo;
		c.xMax = hi > lo ? hi : lo + 1;
		List<LineBandChart.Series> series = new ArrayList<>();
		for (String[] g : GROUPS) {
			double[] x = new double[n], y = new double[n], l = new double[n], h = new double[n];
			boolean all = n > 0;
			String label = g[1];
			for (int i = 0; i < n && all; i++) {
				WeightSweep.Point p = r.points.get(i);
				GroupResult gr = p.groups.get(g[0]);
				// Without the paper's totals (e.g. only rows the harness does not count), fall back to all rows.
				if (gr == null && g[0].equals("fine_paper")) {
					gr = p.groups.get("fine");
					label = "fine";
				}
				if (gr == null && g[0].equals("coarse_paper")) {
					gr = p.groups.get("coarse");
					label = "coarse";
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
			if (all) series.add(new LineBandChart.Series(label, x, y, l, h, series.size()));
		}
		double[] x = new double[n], y = new double[n];
		boolean all = n > 0;
		for (int i = 0; i < n; i++) {
			x[i] = r.points.get(i).alpha;
			y[i] = 100 * r.points.get(i).mubenchMean;
			if (Double.isNaN(y[i])) all = false;
		}
		// Not colour 3: that red is close to the chance line's.
		if (all) series.add(new LineBandChart.Series("μ-Bench mean", x, y, null, null, 4));
		c.series.addAll(series);
		if (c.baseline != null) top = Math.max(top, c.baseline);
		c.yMax = Math.min(100, Math.max(10, Math.ceil(top / 10) * 10));
		return c;
	}

	/** Writes {@code png} and the SVG beside it. */
	static void write(WeightSweep.Result r, java.nio.file.Path png) throws java.io.IOException {
		ChartFiles.write(chart(r), png);
	}
}
