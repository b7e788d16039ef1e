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
package org.mubench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.mubench.base.Cancellation;
import org.mubench.data.SourceDatasets;
import org.mubench.eval.job.BenchmarkJob;
import org.mubench.eval.run.BenchmarkRunner;
import org.mubench.eval.run.QuestionSet;
import org.mubench.eval.run.RunOptions;
import org.mubench.eval.run.RunResult;
import org.mubench.eval.run.Shard;
import org.mubench.eval.score.Bootstrap;
import org.mubench.model.ModelOptions;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mubench run}: a model over the benchmark, predictions appended to {@code OUT/predictions.jsonl} as it goes,
 * then the reports. Ctrl-C finishes the batch in flight and stops; {@code --resume} continues.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
	description = { "Run a model over Micro-Bench and write predictions and reports.",
		"Predictions are flushed to OUT/predictions.jsonl after every batch; an interrupted run continues with --resume." })
public final class RunCommand implements Callable<Integer> {
	@Spec
	CommandLine.Model.CommandSpec spec;

	@Mixin
	InferenceOptions inference = new InferenceOptions();

	@Option(names = "--dataset", required = true, paramLabel = "DIR", description = "Dataset folder (uBench shards).")
	Path dataset;

	@Option(names = "--model", required = true, paramLabel = "SPEC",
		description = "Model folder (ONNX CLIP), 'random' / 'random:SEED', or openai:NAME@URL.")
	String model;

	@Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
	Path out;

	@Option(names = "--tasks", split = ",", paramLabel = "TASK",
		description = "coarse, fine, cognition, pathology, question types (modality, …) or fine task ids (pollen_grains, …). Default: all.")
	List<String> tasks = new ArrayList<>();

	@Option(names = "--datasets", split = ",", paramLabel = "NAME", description = "Only these source datasets.")
	List<String> datasets = new ArrayList<>();

	@Option(names = "--limit", paramLabel = "N", description = "At most N rows (after --datasets and --shard).")
	long limit;

	@Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Seed of the random model (default ${DEFAULT-VALUE}).")
	long seed;

	@Option(names = "--shard", paramLabel = "K/N", converter = ShardConverter.class,
		description = "Only rows r with r %% N == K-1 (cluster job arrays; join with merge-runs).")
	Shard shard = Shard.ALL;

	@Option(names = "--resume", description = "Continue the run in --out, skipping questions already answered.")
	boolean resume;

	@Option(names = "--templates", split = ",", paramLabel = "T", defaultValue = "1",
		description = "Caption templates for contrastive models (default 1, the paper's; 0,1 reports both).")
	List<Integer> templates;

	@Option(names = "--question-set", paramLabel = "auto|captions|questions", defaultValue = "auto",
		description = "Questions to answer; auto: captions for contrastive and random models, questions for generative ones.")
	String questionSet;

	@Option(names = "--resamples", paramLabel = "N", defaultValue = "" + Bootstrap.DEFAULT_RESAMPLES, description = "Bootstrap resamples for the CIs (default ${DEFAULT-VALUE}).")
	int resamples;

	@Mixin
	ApiModelOptions api = new ApiModelOptions();

	@Override
	public Integer call() throws Exception {
		PrintWriter stdout = spec.commandLine().getOut();
		PrintWriter stderr = spec.commandLine().getErr();
		RunOptions o = options();
		checkSourceDatasets(spec.commandLine(), dataset, datasets);
		TerminalProgress progress = new TerminalProgress(stderr, TerminalProgress.isTerminal(), "images");
		ModelOptions mo = new ModelOptions();
		mo.device = inference.device;
		mo.batchSize = inference.batch;
		mo.threads = inference.threads;
		inference.applyTo(mo);
		mo.seed = seed;
		mo.listener = progress;
		api.applyTo(mo);

		Cancellation cancel = new Cancellation();
		CountDownLatch done = new CountDownLatch(1);
		// Ctrl-C: let the batch in flight reach the disk, then exit.
		Thread hook = new Thread(() -> {
			cancel.cancel();
			try {
				done.await(60, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}, "mubench-cancel");
		java.lang.Runtime.getRuntime().addShutdownHook(hook);
		BenchmarkJob.Outcome outcome;
		try {
			outcome = BenchmarkJob.run(dataset, o, mo, resamples, progress, cancel);
		}
		finally {
			progress.finish();
			done.countDown();
			try {
				java.lang.Runtime.getRuntime().removeShutdownHook(hook);
			}
			catch (IllegalStateException shuttingDown) {
				// the JVM is already exiting through the hook
			}
		}
		RunResult result = outcome.result;
		Path predictions = result.predictionsFile;
		if (outcome.cancelled()) {
			throw new IllegalStateException("Run cancelled; finished predictions are in " + predictions
				+ "; run again with --resume to continue");
		}
		stdout.printf(Locale.ROOT, "%,d questions (%,d this session, %,d skipped) in %.1f s, %.2f images/s%n",
			outcome.predictionCount, result.predictions, result.skippedTotal(), result.seconds, result.imagesPerSecond());
		stdout.println(ScoreCommand.headline(outcome.summary, outcome.predictionCount, out));
		stdout.println("predictions: " + predictions);
		stdout.flush();
		return 0;
	}

	RunOptions options() {
		inference.check(spec.commandLine());
		if (limit < 0) throw new CommandLine.ParameterException(spec.commandLine(), "--limit must be 0 (all) or more");
		if (resamples < 1) throw new CommandLine.ParameterException(spec.commandLine(), "--resamples must be at least 1");
		for (int t : templates) {
			if (t < 0) throw new CommandLine.ParameterException(spec.commandLine(), "--templates takes 0, 1, …");
		}
		checkTaskSelectors(spec.commandLine(), tasks);
		RunOptions o = new RunOptions();
		o.tasks = tasks;
		o.datasets = datasets;
		o.limit = limit;
		o.batchSize = inference.batch;
		o.templates = templates;
		try {
			o.questionSet = QuestionSet.valueOf(questionSet.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new CommandLine.ParameterException(spec.commandLine(),
				"--question-set must be auto, captions or questions, not '" + questionSet + "'");
		}
		o.seed = seed;
		o.shard = shard;
		o.resume = resume;
		o.modelSpec = model;
		o.out = out;
		o.decodeThreads = inference.decodeThreads;
		return o;
	}

	/** A usage error when a {@code --tasks} selector names nothing the runner knows. */
	static void checkTaskSelectors(CommandLine cli, List<String> tasks) {
		List<String> unknown = BenchmarkRunner.unknownTaskSelectors(tasks);
		if (!unknown.isEmpty()) {
			throw new CommandLine.ParameterException(cli, "--tasks: unknown task " + unknown
				+ "; use coarse, fine, cognition, pathology, a question type (modality, …) or a task id (pollen_grains, …)");
		}
	}

	/** A usage error when a {@code --datasets} name is not a source dataset of the dataset; lists the ones it has. */
	static void checkSourceDatasets(CommandLine cli, Path dir, List<String> names) {
		if (names == null || names.isEmpty()) return;
		org.mubench.data.Dataset d = org.mubench.data.Dataset.open(dir);
		SourceDatasets.Check c = SourceDatasets.check(d, names);
		if (!c.unknown.isEmpty()) throw new CommandLine.ParameterException(cli, "--datasets: " + c.describe(d));
	}

	static final class ShardConverter implements CommandLine.ITypeConverter<Shard> {
		@Override
		public Shard convert(String value) {
			try {
				return Shard.parse(value);
			}
			catch (IllegalArgumentException e) {
				throw new CommandLine.TypeConversionException(e.getMessage());
			}
		}
	}
}
