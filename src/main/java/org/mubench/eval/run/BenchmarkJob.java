package org.mubench.eval.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mubench.data.Cancellation;
import org.mubench.data.Dataset;
import org.mubench.data.ProgressListener;
import org.mubench.eval.Prediction;
import org.mubench.eval.report.PredictionsFile;
import org.mubench.eval.report.ReportOptions;
import org.mubench.eval.report.RunReports;
import org.mubench.eval.score.Summary;
import org.mubench.model.GenerativeModel;
import org.mubench.model.ModelOptions;
import org.mubench.model.Models;
import org.mubench.model.VisionLanguageModel;

/**
 * The whole main job, as the command line, the Fiji command and the macro extension run it: open the dataset and the
 * model, answer every selected question (appending to {@code predictions.jsonl}), then score all predictions in the
 * output folder and write summary.json, summary.csv, report.md and accuracy.png.
 */
public final class BenchmarkJob {
	private BenchmarkJob() {}

	/** What a job produced: the run's counts and, unless it was cancelled, the scored summary. */
	public static final class Outcome {
		public final RunResult result;
		/** Null when the run was cancelled (its finished predictions stay on disk for --resume). */
		public final Summary summary;
		/** All predictions in the output folder that were scored (earlier sessions included); 0 when cancelled. */
		public final int predictionCount;
		/** The model's {@link VisionLanguageModel#name()}. */
		public final String modelName;

		Outcome(RunResult result, Summary summary, int predictionCount, String modelName) {
			this.result = result;
			this.summary = summary;
			this.predictionCount = predictionCount;
			this.modelName = modelName;
		}

		public boolean cancelled() {
			return result.status == RunResult.Status.CANCELLED;
		}
	}

	/**
	 * @param options what to run; {@code options.out} is the output folder and {@code options.modelSpec} the model
	 * @param resamples bootstrap resamples for the confidence intervals (the paper: 9,999)
	 * @param warnings where notices about the predictions file go (a torn last line, …)
	 */
	public static Outcome run(Path datasetDir, RunOptions options, ModelOptions modelOptions, int resamples,
		ProgressListener listener, Cancellation cancellation) throws IOException
	{
		Dataset data = Dataset.open(datasetDir);
		Map<String, Object> runInfo = new LinkedHashMap<>();
		RunResult result;
		String modelName;
		try (VisionLanguageModel model = Models.open(options.modelSpec, modelOptions)) {
			modelName = model.name();
			if (model instanceof GenerativeModel) runInfo.putAll(((GenerativeModel) model).runInfo());
			result = new BenchmarkRunner(options).listener(listener).cancellation(cancellation).run(data, model);
			// Token totals and the like are final only once every request has returned.
			if (model instanceof GenerativeModel) runInfo.putAll(((GenerativeModel) model).runInfo());
			// The answerer's view: the model's info plus reply counts (unparseable, failed requests, cache hits).
			runInfo.putAll(result.modelInfo);
		}
		if (result.status == RunResult.Status.CANCELLED) return new Outcome(result, null, 0, modelName);
		List<Prediction> all = PredictionsFile.read(result.predictionsFile, listener::log);
		ReportOptions report = new ReportOptions().model(modelName).seed(options.seed).resamples(resamples);
		report.run.putAll(runInfo);
		report.run("model_spec", options.modelSpec);
		report.run("dataset", datasetDir.toString());
		report.run("shard", options.shard.toString());
		if (result.identity != null) report.run(RunIdentity.KEY, result.identity.toMap());
		report.run("images_per_s", result.imagesPerSecond());
		Summary summary;
		try {
			summary = RunReports.write(all, options.out, report);
		}
		catch (IOException e) {
			throw new IOException("Cannot write the reports into " + options.out + ": " + e.getMessage(), e);
		}
		return new Outcome(result, summary, all.size(), modelName);
	}
}
