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
package org.mubench.eval.compare;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mubench.base.Json;
import org.mubench.eval.chart.ChartFiles;
import org.mubench.eval.chart.ChartSource;
import org.mubench.eval.chart.DifferenceChart;
import org.mubench.eval.chart.HeatMap;
import org.mubench.eval.report.RunReports;
import org.mubench.eval.score.GroupResult;
import org.mubench.eval.tasks.TaskRegistry;


/**
 * Writes a {@link RunComparison.Result}: {@code comparison.json} and {@code comparison.csv} (the pairs),
 * {@code table.csv} (accuracy per run and group), {@code confusion.csv} and {@code most_confused.csv} (error analysis),
 * the charts as PNG + SVG under {@code charts/}, and {@code comparison.html}, one self-contained page with the charts
 * inline as SVG.
 */
public final class ComparisonReport {
	private ComparisonReport() {}

	public static final String JSON = "comparison.json", CSV = "comparison.csv", HTML = "comparison.html",
		TABLE_CSV = "table.csv", CONFUSION_CSV = "confusion.csv", MOST_CONFUSED_CSV = "most_confused.csv";
	/** Classes shown per confusion chart (the most frequent gold classes; the CSV has all). */
	static final int MAX_CLASSES = 15;
	/** Confused pairs listed per run and scope in most_confused.csv, and per run on the page. */
	static final int TOP_CONFUSED = 10;


	public static void write(RunComparison.Result r, Path out) throws IOException {
		Files.createDirectories(out);
		writeJson(r, out.resolve(JSON));
		write(out.resolve(CSV), pairsCsv(r));
		write(out.resolve(TABLE_CSV), tableCsv(r));
		write(out.resolve(CONFUSION_CSV), confusionCsv(r));
		write(out.resolve(MOST_CONFUSED_CSV), mostConfusedCsv(r));
		Map<String, Chart> charts = charts(r);
		for (Map.Entry<String, Chart> e : charts.entrySet())
			ChartFiles.write(e.getValue().chart, out.resolve("charts").resolve(e.getKey() + ".png"));
		write(out.resolve(HTML), html(r, charts));
	}

	private static void write(Path file, String text) throws IOException {
		Files.write(file, text.getBytes(StandardCharsets.UTF_8));
	}

	// ---- JSON and CSV ----

	static void writeJson(RunComparison.Result r, Path file) throws IOException {
		Map<String, Object> root = new LinkedHashMap<>();
		List<Object> runs = new ArrayList<>();
		for (ComparedRun run : r.runs) {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("label", run.label);
			m.put("model", run.summary.model);
			m.put("folder", run.dir.toString());
			m.put("dataset", run.dataset);
			m.put("answered", run.answered.size());
			m.put("skipped", run.skipped);
			runs.add(m);
		}
		root.put("runs", runs);
		root.put("resamples", r.resamples);
		root.put("seed", r.seed);
		root.put("confidence_level", r.confidence);
		root.put("diff", "accuracy of b minus accuracy of a over the questions both answered (fraction)");
		root.put("ci", "paired basic bootstrap, resampling questions");
		root.put("p_value", PairedTests.P_VALUE_METHOD);
		root.put("p_holm", PairedTests.CORRECTION);
		root.put("notes", r.notes);
		root.put("overlaps", r.overlaps);
		List<Object> table = new ArrayList<>();
		for (ComparedRun run : r.runs)
			for (String g : r.tableGroups) {
				GroupResult gr = run.summary.group(g);
				if (gr == null || !gr.hasAccuracy()) continue;
				Map<String, Object> m = new LinkedHashMap<>();
				m.put("run", run.label);
				m.put("group", g);
				m.put("n", gr.n);
				m.put("accuracy", gr.accuracy);
				m.put("ci_low", gr.ciLow);
				m.put("ci_high", gr.ciHigh);
				m.put("half_width", gr.halfWidth);
				table.add(m);
			}
		root.put("table", table);
		root.put("pairs", r.pairs);
		Json.PRETTY.writeValue(file.toFile(), root);
	}

	static String pairsCsv(RunComparison.Result r) {
		StringBuilder b = new StringBuilder(
			"a,b,group,n,diff,ci_low,ci_high,p_value,p_holm,only_a_correct,only_b_correct,accuracy_a,accuracy_b\n");
		for (RunComparison.Pair p : r.pairs)
			b.append(csv(p.a)).append(',').append(csv(p.b)).append(',').append(csv(p.group)).append(',').append(p.n)
				.append(',').append(p.diff).append(',').append(p.ciLow).append(',').append(p.ciHigh).append(',')
				.append(p.pValue).append(',').append(p.pHolm).append(',').append(p.onlyA).append(',').append(p.onlyB)
				.append(',').append(p.accuracyA).append(',').append(p.accuracyB).append('\n');
		return b.toString();
	}

	static String tableCsv(RunComparison.Result r) {
		StringBuilder b = new StringBuilder("run,group,n,accuracy,ci_low,ci_high,half_width\n");
		for (ComparedRun run : r.runs)
			for (String g : r.tableGroups) {
				GroupResult gr = run.summary.group(g);
				if (gr == null || !gr.hasAccuracy()) continue;
				b.append(csv(run.label)).append(',').append(csv(g)).append(',').append(gr.n).append(',')
					.append(gr.accuracy).append(',').append(gr.ciLow).append(',').append(gr.ciHigh).append(',')
					.append(gr.halfWidth).append('\n');
			}
		return b.toString();
	}

	static String confusionCsv(RunComparison.Result r) {
		StringBuilder b = new StringBuilder("run,scope,gold,chosen,count\n");
		for (Confusion c : r.confusions)
			for (Map.Entry<String, Map<String, Long>> g : c.counts.entrySet())
				for (Map.Entry<String, Long> ch : g.getValue().entrySet())
					b.append(csv(c.run)).append(',').append(csv(c.scope)).append(',').append(csv(g.getKey())).append(',')
						.append(csv(ch.getKey())).append(',').append(ch.getValue()).append('\n');
		return b.toString();
	}

	static String mostConfusedCsv(RunComparison.Result r) {
		StringBuilder b = new StringBuilder("run,scope,gold,chosen,count,share_of_gold\n");
		for (Confusion c : r.confusions) {
			List<Confusion.Pair> pairs = c.confusedPairs();
			for (Confusion.Pair p : pairs.subList(0, Math.min(TOP_CONFUSED, pairs.size())))
				b.append(csv(p.run)).append(',').append(csv(p.scope)).append(',').append(csv(p.gold)).append(',')
					.append(csv(p.chosen)).append(',').append(p.count).append(',').append(p.share).append('\n');
		}
		return b.toString();
	}

	private static String csv(String v) {
		return v == null ? "" : RunReports.csvField(v);
	}

	// ---- Charts ----

	static final class Chart {
		final ChartSource chart;
		final String title, caption;

		Chart(ChartSource chart, String title, String caption) {
			this.chart = chart;
			this.title = title;
			this.caption = caption;
		}
	}

	/** Display name of a group: fine tasks by their full name. */
	static String displayName(String group) {
		if (group.startsWith("fine/")) {
			TaskRegistry.FineTask t = TaskRegistry.fineTask(group.substring(5));
			if (t != null) return t.displayName;
		}
		return group;
	}

	/** The groups of the heat map: the totals, then each coarse type and fine task. */
	static List<String> heatMapGroups(RunComparison.Result r) {
		List<String> out = new ArrayList<>();
		for (String g : r.tableGroups)
			if (RunComparison.HEADLINE_GROUPS.contains(g) || g.startsWith("coarse/") || g.startsWith("fine/")) out.add(g);
		return out;
	}

	/** The groups drawn in the difference chart: the headline totals present, else the first pooled groups. */
	static List<String> differenceGroups(RunComparison.Result r) {
		List<String> out = new ArrayList<>();
		for (RunComparison.Pair p : r.pairs)
			if (RunComparison.HEADLINE_GROUPS.contains(p.group) && !out.contains(p.group)) out.add(p.group);
		if (out.isEmpty())
			for (RunComparison.Pair p : r.pairs)
				if (!out.contains(p.group) && out.size() < 5) out.add(p.group);
		return out;
	}

	static Map<String, Chart> charts(RunComparison.Result r) {
		Map<String, Chart> out = new LinkedHashMap<>();
		List<String> groups = heatMapGroups(r);
		HeatMap h = new HeatMap();
		h.title = "Accuracy (%) per model and task";
		h.scaleLabel = "accuracy (%)";
		h.rows = r.runs.stream().map(x -> x.label).toArray(String[]::new);
		h.columns = groups.stream().map(ComparisonReport::displayName).toArray(String[]::new);
		h.values = new double[h.rows.length][h.columns.length];
		h.text = new String[h.rows.length][h.columns.length];
		for (int i = 0; i < r.runs.size(); i++)
			for (int j = 0; j < groups.size(); j++) {
				GroupResult g = r.runs.get(i).summary.group(groups.get(j));
				h.values[i][j] = g == null || !g.hasAccuracy() ? Double.NaN : 100 * g.accuracy;
				h.text[i][j] = g == null || !g.hasAccuracy() ? null : String.format(Locale.ROOT, "%.1f", 100 * g.accuracy);
			}
		out.put("heatmap", new Chart(h, h.title,
			"Accuracy per model (rows) and task (columns): the totals, each coarse question type and fine task."));

		DifferenceChart d = new DifferenceChart();
		d.title = "Paired differences in accuracy, " + pct(r.confidence) + "% CI";
		d.significantLabel = "Holm-corrected p < 0.05";
		d.otherLabel = "p_holm ≥ 0.05";
		for (String g : differenceGroups(r))
			for (RunComparison.Pair p : r.pairs)
				if (p.group.equals(g))
					d.add(p.b + " − " + p.a + " · " + displayName(g), 100 * p.diff, 100 * p.ciLow, 100 * p.ciHigh,
						p.pHolm < 0.05);
		out.put("differences", new Chart(d, d.title,
			"Accuracy of b minus accuracy of a on the questions both answered, in percentage points, with the paired " +
				"basic-bootstrap CI; red where the Holm-corrected exact McNemar p-value is below 0.05."));

		int k = 0;
		for (Confusion c : r.confusions) {
			k++;
			List<String> classes = c.classes();
			if (classes.size() < 2) continue;
			List<String> shown = new ArrayList<>(classes.subList(0, Math.min(MAX_CLASSES, classes.size())));
			boolean other = classes.size() > shown.size();
			if (other) shown.add("(other classes)");
			HeatMap m = new HeatMap();
			m.title = c.run + ": " + displayName(c.scope);
			m.rowAxisLabel = "gold";
			m.columnAxisLabel = "chosen";
			m.scaleLabel = "% of the gold class";
			m.rows = shown.toArray(new String[0]);
			m.columns = shown.toArray(new String[0]);
			int n = shown.size();
			long[][] counts = new long[n][n];
			for (Map.Entry<String, Map<String, Long>> g : c.counts.entrySet()) {
				int gi = index(shown, g.getKey(), other);
				for (Map.Entry<String, Long> ch : g.getValue().entrySet())
					counts[gi][index(shown, ch.getKey(), other)] += ch.getValue();
			}
			m.values = new double[n][n];
			m.text = new String[n][n];
			for (int i = 0; i < n; i++) {
				long rowTotal = 0;
				for (long v : counts[i])
					rowTotal += v;
				for (int j = 0; j < n; j++) {
					m.values[i][j] = rowTotal == 0 ? Double.NaN : 100.0 * counts[i][j] / rowTotal;
					m.text[i][j] = counts[i][j] == 0 ? null : Long.toString(counts[i][j]);
				}
			}
			out.put("confusion-" + k, new Chart(m, m.title, null));
		}
		return out;
	}

	private static int index(List<String> shown, String name, boolean other) {
		int i = shown.indexOf(name);
		return i >= 0 ? i : shown.size() - 1;
	}

	// ---- HTML ----

	static String html(RunComparison.Result r, Map<String, Chart> charts) {
		StringBuilder b = new StringBuilder();
		b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>μ-Bench comparison</title>\n")
			.append("<style>body{font-family:'DejaVu Sans',Helvetica,Arial,sans-serif;margin:2em;color:#222;max-width:1500px}")
			.append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px;")
			.append("text-align:right}th{background:#f3f3f3}td:first-child,th:first-child{text-align:left}")
			.append(".sig{color:#b22222;font-weight:bold}.note{color:#8a5a00}svg,img{max-width:100%;height:auto}")
			.append("figure{margin:1em 0}figcaption{color:#555;font-size:90%}</style></head><body>\n");
		b.append("<h1>μ-Bench comparison of ").append(r.runs.size()).append(" runs</h1>\n<p>");
		for (ComparedRun run : r.runs)
			b.append("<b>").append(esc(run.label)).append("</b>: ").append(esc(run.dir.toString())).append(" (")
				.append(run.answered.size()).append(" answered, ").append(run.skipped).append(" skipped)<br>\n");
		b.append("</p><p>Accuracy in % with its ").append(pct(r.confidence))
			.append("% basic-bootstrap interval [low – high], as in each run's report (the paper's ± is ")
			.append("<code>half_width</code> in <code>table.csv</code>). Paired differences: accuracy of b minus a on the ")
			.append("questions both answered, paired basic bootstrap (").append(r.resamples).append(" resamples, seed ")
			.append(r.seed).append("), p-value by the ").append(esc(PairedTests.P_VALUE_METHOD)).append(", ")
			.append(esc(PairedTests.CORRECTION)).append(".</p>\n");
		if (!r.notes.isEmpty()) {
			b.append("<ul>");
			for (String n : r.notes)
				b.append("<li class=\"note\">").append(esc(n)).append("</li>");
			b.append("</ul>\n");
		}
		b.append("<h2>Table 1</h2>\n<table><tr><th>model</th>");
		List<String> headline = new ArrayList<>();
		for (String g : r.tableGroups)
			if (RunComparison.HEADLINE_GROUPS.contains(g) || g.startsWith("macro/")) headline.add(g);
		for (String g : headline)
			b.append("<th>").append(esc(g)).append("</th>");
		b.append("</tr>\n");
		for (ComparedRun run : r.runs) {
			b.append("<tr><td>").append(esc(run.label)).append("</td>");
			for (String g : headline)
				b.append("<td>").append(accPm(run.summary.group(g))).append("</td>");
			b.append("</tr>\n");
		}
		b.append("</table>\n");
		figure(b, charts.get("heatmap"), "heatmap");
		b.append("<h2>Paired differences</h2>\n");
		figure(b, charts.get("differences"), "differences");
		b.append("<table><tr><th>group</th><th>a</th><th>b</th><th>n</th><th>diff (pp)</th><th>CI (pp)</th>")
			.append("<th>p</th><th>p (Holm)</th></tr>\n");
		for (RunComparison.Pair p : r.pairs) {
			if (!differenceGroups(r).contains(p.group)) continue;
			b.append("<tr><td>").append(esc(displayName(p.group))).append("</td><td>").append(esc(p.a)).append("</td><td>")
				.append(esc(p.b)).append("</td><td>").append(p.n).append("</td><td>").append(signedPct(p.diff))
				.append("</td><td>").append(signedPct(p.ciLow)).append(" … ").append(signedPct(p.ciHigh))
				.append("</td><td>").append(pValue(p.pValue)).append("</td><td")
				.append(p.pHolm < 0.05 ? " class=\"sig\"" : "").append('>').append(pValue(p.pHolm)).append("</td></tr>\n");
		}
		b.append("</table><p>Every pooled group and pair: <code>comparison.csv</code>, <code>comparison.json</code>.</p>\n");
		b.append("<h2>Every group</h2>\n<table><tr><th>group</th>");
		for (ComparedRun run : r.runs)
			b.append("<th>").append(esc(run.label)).append("</th>");
		b.append("</tr>\n");
		for (String g : r.tableGroups) {
			b.append("<tr><td>").append(esc(displayName(g))).append("</td>");
			for (ComparedRun run : r.runs)
				b.append("<td>").append(accPm(run.summary.group(g))).append("</td>");
			b.append("</tr>\n");
		}
		b.append("</table>\n<h2>Error analysis</h2>\n<p>Confusion matrices per coarse question type and fine task: ")
			.append("rows the right option, columns the chosen one, by class name; cells give counts, colour the share ")
			.append("of the row. All counts: <code>confusion.csv</code>.</p>\n");
		int k = 0;
		for (ComparedRun run : r.runs) {
			b.append("<h3>").append(esc(run.label)).append("</h3>\n<table><tr><th>scope</th><th>gold</th>")
				.append("<th>chosen</th><th>count</th><th>% of gold</th></tr>\n");
			List<Confusion.Pair> top = new ArrayList<>();
			for (Confusion c : r.confusions)
				if (c.run.equals(run.label)) top.addAll(c.confusedPairs());
			top.sort((x, y) -> Long.compare(y.count, x.count));
			for (Confusion.Pair p : top.subList(0, Math.min(TOP_CONFUSED, top.size())))
				b.append("<tr><td>").append(esc(displayName(p.scope))).append("</td><td>").append(esc(p.gold))
					.append("</td><td>").append(esc(p.chosen)).append("</td><td>").append(p.count).append("</td><td>")
					.append(String.format(Locale.ROOT, "%.1f", 100 * p.share)).append("</td></tr>\n");
			b.append("</table>\n");
			for (Confusion c : r.confusions) {
				if (!c.run.equals(run.label)) continue;
				k++;
				Chart chart = charts.get("confusion-" + k);
				if (chart == null) continue;
				b.append("<details><summary>").append(esc(displayName(c.scope))).append(" (").append(c.total)
					.append(" questions)</summary>\n");
				figurePng(b, chart);
				b.append("</details>\n");
			}
		}
		b.append("</body></html>\n");
		return b.toString();
	}

	/** A chart as an inline PNG (data: URI): confusion matrices are many and dense, PNG keeps the page small. */
	private static void figurePng(StringBuilder b, Chart c) {
		try {
			b.append("<figure><img alt=\"").append(esc(c.title)).append("\" src=\"data:image/png;base64,")
				.append(java.util.Base64.getEncoder().encodeToString(ChartFiles.png(c.chart))).append("\"></figure>\n");
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	private static void figure(StringBuilder b, Chart c, String id) {
		if (c == null) return;
		b.append("<figure>").append(ChartFiles.inlineSvg(c.chart, id));
		if (c.caption != null) b.append("<figcaption>").append(esc(c.caption)).append("</figcaption>");
		b.append("</figure>\n");
	}

	private static String accPm(GroupResult g) {
		return RunReports.accPm(g);
	}

	private static String signedPct(double v) {
		return String.format(Locale.ROOT, "%+.2f", 100 * v).replace('-', '−');
	}

	private static String pValue(double p) {
		return p < 1e-4 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.4f", p);
	}

	private static String pct(double fraction) {
		return String.format(Locale.ROOT, "%.0f", 100 * fraction);
	}

	static String esc(String s) {
		if (s == null) return "";
		return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}
}
