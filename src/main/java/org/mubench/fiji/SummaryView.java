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
package org.mubench.fiji;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

import org.mubench.eval.score.GroupResult;
import org.mubench.eval.score.Summary;

import ij.gui.Plot;
import ij.measure.ResultsTable;

/** A run's summary as ImageJ shows results: a ResultsTable of every group and a Plot of per-task accuracy. */
public final class SummaryView {
	public static final String TABLE_TITLE = "Micro-Bench accuracy";

	private SummaryView() {}

	/** One row per group: n, accuracy and its 95% CI in percent (skipped groups show n only). */
	public static ResultsTable table(Summary summary) {
		ResultsTable rt = new ResultsTable();
		for (GroupResult g : summary.groups) {
			rt.incrementCounter();
			rt.addValue("group", g.group);
			rt.addValue("n", g.n);
			if (g.hasAccuracy()) {
				rt.addValue("accuracy_%", 100 * g.accuracy);
				rt.addValue("ci_low_%", 100 * g.ciLow);
				rt.addValue("ci_high_%", 100 * g.ciHigh);
				rt.addValue("half_width_%", 100 * g.halfWidth);
			}
			else {
				rt.addValue("accuracy_%", Double.NaN);
				rt.addValue("ci_low_%", Double.NaN);
				rt.addValue("ci_high_%", Double.NaN);
				rt.addValue("half_width_%", Double.NaN);
			}
		}
		return rt;
	}

	/** The groups the plot shows: each coarse question type and each fine-grained task. */
	static List<GroupResult> plotted(Summary summary) {
		List<GroupResult> groups = new ArrayList<>();
		for (GroupResult g : summary.groups) {
			if (g.hasAccuracy() && (g.group.startsWith("coarse/") || g.group.startsWith("fine/")) && !g.group.contains("@")) {
				groups.add(g);
			}
		}
		return groups;
	}

	/** Bars of accuracy per task (percent) with CI whiskers, and the chance level of each task as a dashed mark. */
	public static Plot plot(Summary summary) {
		List<GroupResult> groups = plotted(summary);
		int n = groups.size();
		double[] x = new double[n], y = new double[n];
		StringBuilder labels = new StringBuilder();
		for (int i = 0; i < n; i++) {
			x[i] = i + 1;
			y[i] = 100 * groups.get(i).accuracy;
			labels.append(i == 0 ? "" : "\n").append(i + 1).append(": ").append(groups.get(i).group);
		}
		Plot plot = new Plot("Micro-Bench: " + summary.model, "task (see legend)", "accuracy (%)");
		plot.setLimits(0, n + 1, 0, 100);
		plot.setColor(new Color(70, 110, 170), new Color(120, 160, 215));
		plot.add("separated bar", x, y);
		plot.setColor(Color.BLACK);
		plot.setLineWidth(1);
		for (int i = 0; i < n; i++) {
			GroupResult g = groups.get(i);
			double lo = 100 * g.ciLow, hi = 100 * g.ciHigh;
			plot.drawLine(x[i], lo, x[i], hi);
			plot.drawLine(x[i] - 0.15, lo, x[i] + 0.15, lo);
			plot.drawLine(x[i] - 0.15, hi, x[i] + 0.15, hi);
			if (g.chance != null) {
				plot.setColor(Color.RED);
				plot.drawDottedLine(x[i] - 0.45, 100 * g.chance, x[i] + 0.45, 100 * g.chance, 2);
				plot.setColor(Color.BLACK);
			}
		}
		// Bar numbers are explained in a column of small labels (an ImageJ legend names data sets, not bars).
		plot.setFont(new java.awt.Font("SansSerif", java.awt.Font.PLAIN, 10));
		plot.setColor(Color.DARK_GRAY);
		String[] lines = labels.toString().split("\n");
		for (int i = 0; i < lines.length; i++) plot.addLabel(0.01, 0.04 + i * 0.04, lines[i]);
		return plot;
	}
}
