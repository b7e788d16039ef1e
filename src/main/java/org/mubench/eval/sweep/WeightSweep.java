package org.mubench.eval.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;

import org.mubench.data.Cancellation;
import org.mubench.data.Dataset;
import org.mubench.data.ProgressListener;
import org.mubench.eval.Prediction;
import org.mubench.eval.report.PredictionsFile;
import org.mubench.eval.run.BenchmarkRunner;
import org.mubench.eval.run.RunOptions;
import org.mubench.eval.run.RunResult;
import org.mubench.eval.score.GroupResult;
import org.mubench.eval.score.Scorer;
import org.mubench.eval.score.Summary;
import org.mubench.model.ModelOptions;
import org.mubench.model.Models;
import org.mubench.model.VisionLanguageModel;
import org.mubench.model.merge.WeightMerge;

/**
 * The forgetting analysis of the paper in one run: for each α, merge base and fine-tuned weights
 * ({@link WeightMerge}) into {@code OUT/alpha-<α>/model}, benchmark the merged model into {@code OUT/alpha-<α>/}
 * (predictions, summary.json), and collect the accuracy groups with their CIs per α. An interrupted sweep continues
 * where it stopped: α values with a summary are reused, a partial run is resumed.
 *
 * <p>μ-Bench mean = the mean of the coarse-grained and the fine-grained pooled accuracies (fine as in the paper's final
 * total, {@code fine_paper}, falling back to {@code fine}); when only one of the two was run, that one.
 */
public final class WeightSweep {
	/** Groups reported per α, in this order. */
	public static final List<String> GROUPS = java.util.Collections.unmodifiableList(java.util.Arrays.asList("coarse",
		"fine", "fine_paper", "pathology", "pathology/coarse", "pathology/fine"));
	public static final String MEAN = "mubench_mean";

	/** What to sweep. */
	public static final class Options {
		public Path base, finetuned, dataset, out;
		public List<Double> alphas = new ArrayList<>();
		public boolean allowExtrapolation;
		/** Run settings (tasks, datasets, limit, batch size, templates); {@code out} and {@code resume} are set per α. */
		public RunOptions run = new RunOptions();
		public ModelOptions model = new ModelOptions();
		public int resamples = 9999;
		public long seed = 0;
		/** Delete each merged model after its run (the sweep then needs the disk space of one model only). */
		public boolean deleteModels;
	}

	/** One α of the sweep. */
	public static final class Point {
		public double alpha;
		public Path folder;
		public final Map<String, GroupResult> groups = new LinkedHashMap<>();
		/** NaN when neither coarse nor fine questions were run. */
		public double mubenchMean = Double.NaN;
	}

	public static final class Result {
		public final List<Point> points = new ArrayList<>();
		public Double bestAlpha;
		public double bestMean = Double.NaN;
		public Path csv, json, png;
	}

	private WeightSweep() {}

	/** The folder name of an α: {@code alpha-0.2}, {@code alpha-1}. */
	public static String folderName(double alpha) {
		return "alpha-" + plain(alpha);
	}

	static String plain(double v) {
		BigDecimal d = BigDecimal.valueOf(v).stripTrailingZeros();
		return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
	}

	/**
	 * Parses an α list: numbers separated by commas; {@code a,b,...,z} (or {@code …}) expands the arithmetic progression
	 * with step b − a up to z.
	 */
	public static List<Double> parseAlphas(String text) {
		String[] parts = text.trim().split("\\s*,\\s*");
		List<Double> out = new ArrayList<>();
		for (int i = 0; i < parts.length; i++) {
			String p = parts[i];
			if (p.equals("...") || p.equals("…")) {
				if (out.size() < 2 || i + 1 >= parts.length)
					throw new IllegalArgumentException("in --alphas '" + text + "', '...' needs two values before it and one after");
				BigDecimal a = BigDecimal.valueOf(out.get(out.size() - 2)), b = BigDecimal.valueOf(out.get(out.size() - 1));
				BigDecimal step = b.subtract(a), end = new BigDecimal(parts[i + 1]);
				if (step.signum() == 0 || end.subtract(b).signum() * step.signum() < 0)
					throw new IllegalArgumentException("in --alphas '" + text + "', the step before '...' does not lead to " + parts[i + 1]);
				for (BigDecimal v = b.add(step); step.signum() > 0 ? v.compareTo(end) < 0 : v.compareTo(end) > 0; v = v.add(step))
					out.add(v.doubleValue());
				continue;
			}
			try {
				out.add(Double.parseDouble(p));
			} catch (NumberFormatException e) {
				throw new IllegalArgumentException("--alphas: '" + p + "' is not a number (give e.g. 0,0.2,...,1)");
			}
		}
		for (int i = 0; i < out.size(); i++)
			for (int j = 0; j < i; j++)
				if (out.get(i).doubleValue() == out.get(j).doubleValue())
					throw new IllegalArgumentException("--alphas lists " + plain(out.get(i)) + " twice");
		if (out.isEmpty()) throw new IllegalArgumentException("--alphas is empty");
		return out;
	}

	/** The μ-Bench mean of a summary (see the class comment); NaN when it has neither group. */
	public static double mubenchMean(Map<String, GroupResult> groups) {
		GroupResult coarse = groups.get("coarse");
		GroupResult fine = groups.get("fine_paper") != null ? groups.get("fine_paper") : groups.get("fine");
		double sum = 0;
		int n = 0;
		if (coarse != null && coarse.accuracy != null) { sum += coarse.accuracy; n++; }
		if (fine != null && fine.accuracy != null) { sum += fine.accuracy; n++; }
		return n == 0 ? Double.NaN : sum / n;
	}

	public static Result run(Options o, ProgressListener listener, Cancellation cancellation) throws IOException {
		ProgressListener log = listener == null ? ProgressListener.SILENT : listener;
		Cancellation cancel = cancellation == null ? Cancellation.NEVER : cancellation;
		if (o.alphas.isEmpty()) throw new IllegalArgumentException("no α values to sweep (--alphas)");
		for (double a : o.alphas) WeightMerge.checkAlpha(a, o.allowExtrapolation);
		Files.createDirectories(o.out);
		checkSettings(o);
		Dataset dataset = Dataset.open(o.dataset);
		Result result = new Result();
		for (int i = 0; i < o.alphas.size(); i++) {
			double alpha = o.alphas.get(i);
			if (cancel.isCancelled()) throw new CancellationException("sweep cancelled");
			Point point = new Point();
			point.alpha = alpha;
			point.folder = o.out.resolve(folderName(alpha));
			String prefix = "α = " + plain(alpha) + " (" + (i + 1) + "/" + o.alphas.size() + ")";
			Path summaryFile = point.folder.resolve("summary.json");
			Summary summary;
			if (Files.isRegularFile(summaryFile)) {
				log.log(prefix + ": reusing " + summaryFile);
				summary = Summary.read(summaryFile);
			} else {
				summary = evaluate(o, dataset, alpha, point.folder, prefix, log, cancel);
				summary.write(summaryFile);
			}
			for (String g : GROUPS) {
				GroupResult r = summary.group(g);
				if (r != null && r.hasAccuracy()) point.groups.put(g, r);
			}
			point.mubenchMean = mubenchMean(point.groups);
			log.log(prefix + ": " + describe(point));
			result.points.add(point);
			if (!Double.isNaN(point.mubenchMean) && (result.bestAlpha == null || point.mubenchMean > result.bestMean)) {
				result.bestAlpha = alpha;
				result.bestMean = point.mubenchMean;
			}
		}
		SweepReport.write(o, result);
		return result;
	}

	private static Summary evaluate(Options o, Dataset dataset, double alpha, Path folder, String prefix,
		ProgressListener log, Cancellation cancel) throws IOException {
		Path modelDir = folder.resolve("model");
		log.log(prefix + ": merging into " + modelDir);
		WeightMerge.merge(o.base, o.finetuned, modelDir, alpha, o.allowExtrapolation, ProgressListener.SILENT, cancel);
		RunOptions run = copy(o.run);
		run.out = folder;
		run.resume = true;
		run.modelSpec = modelDir.toString();
		RunResult r;
		try (VisionLanguageModel model = Models.open(modelDir.toString(), o.model)) {
			r = new BenchmarkRunner(run).listener(new ProgressListener() {
				@Override
				public void progress(long done, long total, String message) {
					log.progress(done, total, prefix + ": " + message);
				}

				@Override
				public void log(String message) {
					log.log(prefix + ": " + message);
				}
			}).cancellation(cancel).run(dataset, model);
		}
		if (r.status == RunResult.Status.CANCELLED)
			throw new CancellationException("sweep cancelled at α = " + plain(alpha) + "; run the same command to continue");
		List<Prediction> predictions = PredictionsFile.read(BenchmarkRunner.predictionsFile(folder), log::log);
		Map<String, Object> info = new LinkedHashMap<>();
		info.put("alpha", alpha);
		info.put("base", o.base.toString());
		info.put("finetuned", o.finetuned.toString());
		Summary s = new Scorer(o.resamples, o.seed).score(predictions, "merge(alpha=" + plain(alpha) + ")", info);
		if (o.deleteModels) deleteTree(modelDir);
		return s;
	}

	static final String SETTINGS = "sweep-settings.json";

	/**
	 * Finished α values are reused on a re-run, which is only right for the same models, data and selection: the
	 * settings are recorded in the output folder and a different set is refused. Adding α values is fine.
	 */
	private static void checkSettings(Options o) throws IOException {
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("base", o.base.toAbsolutePath().normalize().toString());
		settings.put("finetuned", o.finetuned.toAbsolutePath().normalize().toString());
		settings.put("dataset", o.dataset.toAbsolutePath().normalize().toString());
		settings.put("tasks", o.run.tasks);
		settings.put("datasets", o.run.datasets);
		settings.put("limit", o.run.limit);
		settings.put("templates", o.run.templates);
		settings.put("question_set", String.valueOf(o.run.questionSet));
		settings.put("shard", String.valueOf(o.run.shard));
		settings.put("resamples", o.resamples);
		settings.put("seed", o.seed);
		com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper()
			.enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);
		Path file = o.out.resolve(SETTINGS);
		com.fasterxml.jackson.databind.JsonNode now = json.valueToTree(settings);
		if (Files.isRegularFile(file)) {
			com.fasterxml.jackson.databind.JsonNode before = json.readTree(file.toFile());
			java.util.Iterator<String> names = now.fieldNames();
			while (names.hasNext()) {
				String name = names.next();
				// Compared as text: numbers read back may be int nodes where long nodes were written.
				if (!now.get(name).toString().equals(String.valueOf(before.get(name))))
					throw new IllegalArgumentException(o.out + " holds a sweep with another " + name + " (" + before.get(name)
						+ ", now " + now.get(name) + "); give another --out, or delete " + file + " and the alpha-* folders");
			}
		}
		json.writeValue(file.toFile(), now);
	}

	private static RunOptions copy(RunOptions from) {
		RunOptions r = new RunOptions();
		r.tasks = new ArrayList<>(from.tasks);
		r.datasets = new ArrayList<>(from.datasets);
		r.limit = from.limit;
		r.batchSize = from.batchSize;
		r.templates = new ArrayList<>(from.templates);
		r.questionSet = from.questionSet;
		r.seed = from.seed;
		r.shard = from.shard;
		r.decodeThreads = from.decodeThreads;
		r.queueBatches = from.queueBatches;
		return r;
	}

	static String describe(Point p) {
		StringBuilder sb = new StringBuilder();
		for (Map.Entry<String, GroupResult> e : p.groups.entrySet()) {
			if (sb.length() > 0) sb.append(", ");
			sb.append(e.getKey()).append(' ').append(org.mubench.eval.report.RunReports.accPm(e.getValue())).append('%');
		}
		if (!Double.isNaN(p.mubenchMean)) sb.append(String.format(Locale.ROOT, "; μ-Bench mean %.2f%%", 100 * p.mubenchMean));
		return sb.toString();
	}

	private static void deleteTree(Path dir) {
		if (!Files.exists(dir)) return;
		try (java.util.stream.Stream<Path> s = Files.walk(dir)) {
			List<Path> all = new ArrayList<>();
			s.forEach(all::add);
			for (int i = all.size() - 1; i >= 0; i--) Files.delete(all.get(i));
		} catch (IOException e) {
			throw new UncheckedIOException("cannot delete " + dir + ": " + e.getMessage(), e);
		}
	}
}
