package org.mubench.eval.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mubench.eval.Prediction;
import org.mubench.eval.score.GroupResult;
import org.mubench.eval.score.Scorer;
import org.mubench.eval.score.Summary;
import org.mubench.eval.tasks.TaskRegistry;

/**
 * Writes a run's reports: {@code summary.json}, {@code summary.csv}, {@code report.md} and {@code accuracy.png}. Every
 * number in the Markdown and the chart is read from the {@link Summary}.
 */
public final class RunReports {
	private RunReports() {}

	public static final String SUMMARY_JSON = "summary.json", SUMMARY_CSV = "summary.csv", REPORT_MD = "report.md",
		ACCURACY_PNG = "accuracy.png";

	/** Scores the predictions and writes all reports into {@code outDir} (created if needed). */
	public static Summary write(List<Prediction> predictions, Path outDir, ReportOptions options) throws IOException {
		String model = options.model != null ? options.model : mostFrequentModel(predictions);
		Summary s = new Scorer(options.resamples, options.seed, options.confidence).score(predictions, model,
			options.run);
		writeReports(s, outDir, options.chart);
		return s;
	}

	/** Writes the report files of an already computed summary. */
	public static void writeReports(Summary s, Path outDir, boolean chart) throws IOException {
		Files.createDirectories(outDir);
		s.write(outDir.resolve(SUMMARY_JSON));
		Files.write(outDir.resolve(SUMMARY_CSV), csv(s).getBytes(StandardCharsets.UTF_8));
		Files.write(outDir.resolve(REPORT_MD), markdown(s).getBytes(StandardCharsets.UTF_8));
		if (chart) chart(s).writePng(outDir.resolve(ACCURACY_PNG));
	}

	static String mostFrequentModel(List<Prediction> predictions) {
		Map<String, Integer> counts = new HashMap<>();
		String best = null;
		int bestN = 0;
		for (Prediction p : predictions) {
			if (p.model == null) continue;
			int n = counts.merge(p.model, 1, Integer::sum);
			if (n > bestN) {
				best = p.model;
				bestN = n;
			}
		}
		return best == null ? "unknown" : best;
	}

	// ---- CSV ----

	public static String csv(Summary s) {
		StringBuilder b = new StringBuilder("group,n,correct,accuracy,ci_low,ci_high,half_width,chance\n");
		for (GroupResult g : s.groups) {
			b.append(csvField(g.group)).append(',').append(g.n).append(',').append(str(g.correct)).append(',')
				.append(str(g.accuracy)).append(',').append(str(g.ciLow)).append(',').append(str(g.ciHigh))
				.append(',').append(str(g.halfWidth)).append(',').append(str(g.chance)).append('\n');
		}
		return b.toString();
	}

	private static String str(Object o) {
		return o == null ? "" : o.toString();
	}

	private static String csvField(String v) {
		if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0) return v;
		return '"' + v.replace("\"", "\"\"") + '"';
	}

	// ---- Markdown ----

	/** A percentage with two decimals, as in the paper's table. */
	public static String pct(Double fraction) {
		return fraction == null ? "–" : String.format(Locale.ROOT, "%.2f", fraction * 100);
	}

	/** "62.68 [61.90 – 63.40]": accuracy and its 95% interval in %, the bounds clipped to 0–100 for display. */
	public static String accPm(GroupResult g) {
		if (g == null || g.accuracy == null) return "–";
		return pct(g.accuracy) + " [" + interval(g) + "]";
	}

	/** "61.90 – 63.40": the 95% interval in %, clipped to [0, 100] (summary.json keeps the unclipped bounds). */
	public static String interval(GroupResult g) {
		return pct(clip(g.ciLow)) + " – " + pct(clip(g.ciHigh));
	}

	/** "62.68 ± 0.35": the paper's form, ± being accuracy − the 2.5th percentile of the bootstrap means. */
	public static String paperForm(GroupResult g) {
		if (g == null || g.accuracy == null) return "–";
		return pct(g.accuracy) + " ± " + pct(g.halfWidth);
	}

	/** A fraction clipped to [0, 1]: a basic-bootstrap bound can fall outside it, an accuracy cannot. */
	static Double clip(Double fraction) {
		return fraction == null ? null : Math.max(0.0, Math.min(1.0, fraction));
	}

	public static String markdown(Summary s) {
		StringBuilder b = new StringBuilder();
		b.append("# μ-Bench results: ").append(mdEscape(s.model)).append("\n\n");
		b.append("Accuracy in %, pooled over questions, with its 95% confidence interval [low – high] (basic ")
			.append("bootstrap, ").append(s.resamples).append(" resamples, seed ").append(s.seed).append("; bounds ")
			.append("shown clipped to 0–100, `summary.json` keeps them unclipped). The interval is not symmetric: the ")
			.append("paper's \"± h\" is h = accuracy − the 2.5th percentile of the bootstrap means, shown as ")
			.append("\"paper ±\". Every number comes from `summary.json`; see docs/scoring.md for the group ")
			.append("definitions.\n\n");

		b.append("## Summary (the paper's Table 1 form)\n\n");
		b.append("| model | coarse | fine | fine (paper: no Eulenberg df/epi) | cognition | macro coarse | macro fine |\n");
		b.append("|---|---|---|---|---|---|---|\n");
		b.append("| ").append(mdEscape(s.model)).append(" | ").append(accPm(s.group("coarse"))).append(" | ")
			.append(accPm(s.group("fine"))).append(" | ").append(accPm(s.group("fine_paper"))).append(" | ")
			.append(accPm(s.group("cognition"))).append(" | ").append(accPm(s.group("macro/coarse"))).append(" | ")
			.append(accPm(s.group("macro/fine"))).append(" |\n");
		b.append("| ").append(mdEscape(s.model)).append(" (paper's form: accuracy ± paper ±) | ")
			.append(paperForm(s.group("coarse"))).append(" | ").append(paperForm(s.group("fine"))).append(" | ")
			.append(paperForm(s.group("fine_paper"))).append(" | ").append(paperForm(s.group("cognition"))).append(" | ")
			.append(paperForm(s.group("macro/coarse"))).append(" | ").append(paperForm(s.group("macro/fine")))
			.append(" |\n");
		if (s.defaultTemplate != null) {
			for (int t : s.templates) {
				if (t == s.defaultTemplate) continue;
				String sf = "@t" + t;
				b.append("| ").append(mdEscape(s.model)).append(" (caption template ").append(t).append(") | ")
					.append(accPm(s.group("coarse" + sf))).append(" | ").append(accPm(s.group("fine" + sf)))
					.append(" | ").append(accPm(s.group("fine_paper" + sf))).append(" | – | ")
					.append(accPm(s.group("macro/coarse" + sf))).append(" | ").append(accPm(s.group("macro/fine" + sf)))
					.append(" |\n");
			}
			b.append("\nThe first row uses caption template ").append(s.defaultTemplate)
				.append(" (the paper's protocol); other templates are reported separately.\n");
		}
		b.append('\n');

		List<GroupResult> coarse = new ArrayList<>(), fine = new ArrayList<>(), datasets = new ArrayList<>(),
			slices = new ArrayList<>(), counts = new ArrayList<>();
		for (GroupResult g : s.groups) {
			if (!g.hasAccuracy()) counts.add(g);
			else if (g.group.indexOf('@') >= 0) continue;
			else if (g.group.startsWith("coarse/")) coarse.add(g);
			else if (g.group.startsWith("fine/")) fine.add(g);
			else if (g.group.startsWith("dataset/")) datasets.add(g);
			else slices.add(g);
		}
		table(b, "Coarse-grained perception, per question type", "type", coarse, "coarse/");
		table(b, "Fine-grained perception, per task", "task", fine, "fine/");
		table(b, "Totals, slices and macro averages", "group", slices, "");
		table(b, "Per dataset (all questions, and classification questions only)", "dataset", datasets, "dataset/");
		List<GroupResult> other = new ArrayList<>();
		for (GroupResult g : s.groups)
			if (g.hasAccuracy() && g.group.indexOf('@') >= 0) other.add(g);
		table(b, "Other caption templates", "group", other, "");
		if (!counts.isEmpty()) {
			b.append("## Not scored\n\n| group | questions |\n|---|---|\n");
			for (GroupResult g : counts)
				b.append("| ").append(mdEscape(g.group)).append(" | ").append(g.n).append(" |\n");
			b.append("\n`skipped/<reason>`: questions that could not be answered (left out of every accuracy). ")
				.append("`unparseable`: generative replies without a readable option (counted as wrong).\n\n");
		}
		if (s.run != null && !s.run.isEmpty()) {
			b.append("## Run\n\n| key | value |\n|---|---|\n");
			for (Map.Entry<String, Object> e : s.run.entrySet())
				b.append("| ").append(mdEscape(e.getKey())).append(" | ").append(mdEscape(String.valueOf(e.getValue())))
					.append(" |\n");
			b.append('\n');
		}
		return b.toString();
	}

	private static void table(StringBuilder b, String heading, String what, List<GroupResult> rows, String prefix) {
		if (rows.isEmpty()) return;
		b.append("## ").append(heading).append("\n\n");
		b.append("| ").append(what).append(" | n | accuracy (%) | 95% CI (%) | paper ± (%) | chance (%) |\n")
			.append("|---|---|---|---|---|---|\n");
		for (GroupResult g : rows) {
			String name = g.group.substring(prefix.length());
			TaskRegistry.FineTask t = TaskRegistry.fineTask(name);
			if (t != null) name = t.displayName + " (`" + t.id + "`)";
			b.append("| ").append(mdEscape(name)).append(" | ").append(g.n).append(" | ").append(pct(g.accuracy)).append(" | ")
				.append(interval(g)).append(" | ").append(pct(g.halfWidth)).append(" | ").append(pct(g.chance))
				.append(" |\n");
		}
		b.append('\n');
	}

	private static String mdEscape(String s) {
		return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
	}

	// ---- Chart ----

	/** Bars per task with CI whiskers and per-task chance marks. */
	public static PixelCanvas chart(Summary s) {
		BarChart c = new BarChart();
		c.title = "mu-Bench accuracy: " + ascii(s.model);
		c.subtitle = "pooled accuracy per task, 95% CI by basic bootstrap (" + s.resamples + " resamples)" +
			(s.defaultTemplate != null ? ", caption template " + s.defaultTemplate : "");
		c.valueAxisLabel = "Accuracy (%)";
		int coarseC = Charts.PALETTE[0], fineC = Charts.PALETTE[1], cogC = Charts.PALETTE[2];
		boolean anyCoarse = false, anyFine = false, anyCog = false;
		for (String name : Scorer.canonicalOrder()) {
			GroupResult g = s.group(name);
			if (g == null || !g.hasAccuracy() || name.startsWith("pathology") || name.startsWith("macro/")) continue;
			String label;
			int colour;
			if (name.equals("coarse")) {
				label = "Coarse: all types";
				colour = coarseC;
				anyCoarse = true;
			}
			else if (name.startsWith("coarse/")) {
				label = "  " + name.substring(7);
				colour = coarseC;
				anyCoarse = true;
			}
			else if (name.equals("fine")) {
				label = "Fine: all tasks";
				colour = fineC;
				anyFine = true;
			}
			else if (name.equals("fine_paper")) {
				label = "Fine: paper total";
				colour = fineC;
			}
			else if (name.startsWith("fine/")) {
				TaskRegistry.FineTask t = TaskRegistry.fineTask(name.substring(5));
				label = "  " + ascii(t != null ? t.displayName : name.substring(5));
				colour = fineC;
				anyFine = true;
			}
			else {
				label = "Cognition";
				colour = cogC;
				anyCog = true;
			}
			c.bars.add(new BarChart.Bar(label, g.accuracy * 100, clip(g.ciLow) * 100, clip(g.ciHigh) * 100,
				g.halfWidth * 100, g.chance == null ? null : g.chance * 100, colour));
		}
		if (anyCoarse) c.legend.add(new Charts.LegendEntry(Charts.Marker.BOX, coarseC, "coarse-grained"));
		if (anyFine) c.legend.add(new Charts.LegendEntry(Charts.Marker.BOX, fineC, "fine-grained"));
		if (anyCog) c.legend.add(new Charts.LegendEntry(Charts.Marker.BOX, cogC, "cognition"));
		c.legend.add(new Charts.LegendEntry(Charts.Marker.WHISKER, Charts.INK, "95% CI"));
		c.legend.add(new Charts.LegendEntry(Charts.Marker.DASHED, Charts.BASELINE,
			"random baseline (mean of 1/#options)"));
		return c.render();
	}

	/** Replaces characters the bitmap font lacks. */
	static String ascii(String s) {
		if (s == null) return "";
		StringBuilder b = new StringBuilder();
		for (char ch : s.toCharArray()) {
			if (ch == 'μ' || ch == 'µ') b.append('u');
			else if (ch == '–' || ch == '—') b.append('-');
			else if (ch >= 32 && ch < 127) b.append(ch);
			else b.append('?');
		}
		return b.toString();
	}
}
