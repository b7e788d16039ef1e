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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.concurrent.CancellationException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.mubench.base.Cancellation;
import org.mubench.base.ProgressListener;
import org.mubench.eval.classify.ZeroShotClassifier;
import org.mubench.eval.job.BenchmarkJob;
import org.mubench.eval.run.RunOptions;
import org.mubench.model.merge.WeightMerge;
import org.mubench.eval.score.Bootstrap;
import org.mubench.eval.score.Summary;
import org.mubench.model.ContrastiveModel;
import org.mubench.model.ModelException;
import org.mubench.model.ModelOptions;
import org.mubench.model.Models;
import org.mubench.model.VisionLanguageModel;

import ij.ImagePlus;

/**
 * What the Fiji commands and the macro extensions do, in one place, so that a command, a macro and the command line
 * give the same answer for the same input. Keeps the last opened model so a macro that classifies a folder loads it
 * once.
 */
public final class MicroBenchFiji {
	private static final Object LOCK = new Object();
	private static String openSpec;
	private static VisionLanguageModel openModel;
	private static volatile Summary lastSummary;
	private static final Settings MACRO_SETTINGS = new Settings();

	private MicroBenchFiji() {}

	/** Settings that macro calls share ({@code Ext.setOption(key, value)}). */
	public static final class Settings {
		public String device = "auto";
		public String tasks = "coarse,fine";
		public String template = "";
		public String plane = "current";
		public long limit = 0;
		public int batch = 16;
		public boolean resume = false;
		public String datasets = "";
		/** A file holding the API key of an openai: model (the key itself is never a parameter). */
		public String apiKeyFile = "";

		public void set(String key, String value) {
			String k = key.trim().toLowerCase(Locale.ROOT);
			switch (k) {
				case "device": device = value; break;
				case "tasks": tasks = value; break;
				case "template": template = value; break;
				case "plane": plane = value; break;
				case "datasets": datasets = value; break;
				case "api_key_file": apiKeyFile = value; break;
				case "limit": limit = Long.parseLong(value.trim()); break;
				case "batch": batch = Integer.parseInt(value.trim()); break;
				case "resume": resume = Boolean.parseBoolean(value.trim()); break;
				default:
					throw new IllegalArgumentException("Unknown option '" + key
						+ "': use device, tasks, template, plane, datasets, api_key_file, limit, batch or resume");
			}
		}
	}

	public static Settings macroOptions() {
		return MACRO_SETTINGS;
	}

	/** Opens (or reuses) a model; closes the previously open one when the spec or device changes. */
	static VisionLanguageModel model(String spec, Settings settings, ProgressListener listener) {
		String key = spec + "|" + settings.device + "|" + settings.batch + "|" + settings.apiKeyFile;
		synchronized (LOCK) {
			if (key.equals(openSpec) && openModel != null) return openModel;
			if (openModel != null) openModel.close();
			openModel = null;
			openSpec = null;
			openModel = Models.open(spec, modelOptions(settings, listener));
			openSpec = key;
			return openModel;
		}
	}

	static ModelOptions modelOptions(Settings settings, ProgressListener listener) {
		ModelOptions options = new ModelOptions();
		options.device = settings.device;
		options.batchSize = settings.batch;
		options.listener = listener;
		if (settings.apiKeyFile != null && !settings.apiKeyFile.trim().isEmpty()) {
			options.apiKeyFile = java.nio.file.Paths.get(settings.apiKeyFile.trim());
		}
		return options;
	}

	/** Zero-shot classification of the active plane of {@code imp} (see {@link ImagePlusTensors} for which plane). */
	public static List<ZeroShotClassifier.LabelProbability> classify(ImagePlus imp, String modelSpec, List<String> labels,
		Settings settings, ProgressListener listener)
	{
		ImagePlusImages.check(imp);
		VisionLanguageModel model = model(modelSpec, settings, listener);
		if (!(model instanceof ContrastiveModel)) {
			throw new ModelException(modelSpec + " is not a CLIP-style model: zero-shot classification needs a contrastive model folder");
		}
		ContrastiveModel clip = (ContrastiveModel) model;
		float[] pixels = ImagePlusTensors.tensor(imp, settings.plane, clip.preprocessing());
		return ZeroShotClassifier.classify(clip, pixels, labels, settings.template);
	}

	/** Runs the benchmark and writes its reports; blocks until done. The summary is kept for {@link #lastSummary}. */
	public static Summary runBenchmark(Path dataset, String model, Path out, Settings settings, ProgressListener listener,
		Cancellation cancellation)
	{
		RunOptions options = new RunOptions();
		options.modelSpec = model;
		options.out = out;
		options.tasks = csv(settings.tasks);
		options.datasets = csv(settings.datasets);
		options.limit = settings.limit;
		options.batchSize = settings.batch;
		options.resume = settings.resume;
		ModelOptions modelOptions = modelOptions(settings, listener);
		BenchmarkJob.Outcome outcome;
		try {
			outcome = BenchmarkJob.run(dataset, options, modelOptions, Bootstrap.DEFAULT_RESAMPLES, listener,
				cancellation == null ? new Cancellation() : cancellation);
		}
		catch (IOException e) {
			throw new UncheckedIOException(out + ": " + e.getMessage(), e);
		}
		if (outcome.cancelled()) {
			throw new CancellationException("Run cancelled; the finished predictions are in " + outcome.result.predictionsFile
				+ "; " + FijiErrors.phrase(org.mubench.base.Fix.RESUME_TO_CONTINUE, false));
		}
		lastSummary = outcome.summary;
		return outcome.summary;
	}

	/** The summary of the last run (or Score Predictions) in this ImageJ session: what {@code Ext.getAccuracy} reads. */
	public static Summary lastSummary() {
		Summary s = lastSummary;
		if (s == null) throw new IllegalStateException("No benchmark has run in this session: call Ext.runBenchmark first");
		return s;
	}

	/** Makes {@code summary} the one {@code Ext.getAccuracy} reads (after Score Predictions). */
	static void remember(Summary summary) {
		lastSummary = summary;
	}

	public static void mergeWeights(Path base, Path finetuned, double alpha, Path out, ProgressListener listener) {
		try {
			WeightMerge.merge(base, finetuned, out, alpha, false, listener, new Cancellation());
		}
		catch (IOException e) {
			throw new UncheckedIOException(out + ": " + e.getMessage(), e);
		}
	}

	static List<String> csv(String s) {
		List<String> out = new ArrayList<>();
		if (s != null) for (String part : s.split(",")) if (!part.trim().isEmpty()) out.add(part.trim());
		return out;
	}
}
