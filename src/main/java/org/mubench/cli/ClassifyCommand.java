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

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.mubench.base.ProgressListener;
import org.mubench.eval.classify.ZeroShotClassifier;
import org.mubench.image.ContrastMapping;
import org.mubench.image.ImageFiles;
import org.mubench.image.PreprocessConfig;
import org.mubench.model.ContrastiveModel;
import org.mubench.model.ModelOptions;
import org.mubench.model.Models;
import org.mubench.model.VisionLanguageModel;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mubench classify}: zero-shot classification of the user's own image with a CLIP-style model. */
@Command(name = "classify", mixinStandardHelpOptions = true,
	description = { "Zero-shot classification of one image with a CLIP-style model folder.",
		"Prints each label's probability (softmax of the logit-scaled similarities), highest first." })
public final class ClassifyCommand implements Callable<Integer> {
	@Spec
	CommandSpec spec;

	@Option(names = "--model", required = true, paramLabel = "DIR", description = "Model folder (onnx/vision_model.onnx, onnx/text_model.onnx, tokenizer.json, …).")
	String model;

	@Option(names = "--image", required = true, paramLabel = "FILE", description = "PNG, TIFF, JPEG, BMP or GIF image.")
	Path image;

	@Option(names = "--labels", required = true, paramLabel = "A,B,…", description = "Comma-separated candidate labels (at least two).")
	String labels;

	@Option(names = "--template", paramLabel = "TEXT", description = "Text around each label, {} marking where it goes, e.g. \"a photo of {}.\" (default: the label alone).")
	String template;

	@Option(names = "--device", defaultValue = "auto", paramLabel = "auto|cpu|gpu[:N]", description = "Where the model runs (default: ${DEFAULT-VALUE}).")
	String device;

	@Option(names = "--threads", defaultValue = "0", paramLabel = "N", description = "Inference threads (default: all cores).")
	int threads;

	@Option(names = "--variant", paramLabel = "NAME", description = "Model file variant, e.g. quantized for onnx/*_quantized.onnx.")
	String variant;

	@Option(names = "--contrast", defaultValue = "pil", paramLabel = "pil|min-max|saturated", description = "How data deeper than 8 bits becomes 0-255: pil clips as the paper's Python pipeline (default), min-max stretches, saturated stretches 0.35%% to 99.65%%.")
	String contrast;

	@Option(names = { "-v", "--verbose" }, description = "Print the device choice and model details to stderr.")
	boolean verbose;

	@Override
	public Integer call() throws Exception {
		List<String> labelList = ZeroShotClassifier.parseLabels(labels);
		if (template != null) ZeroShotClassifier.caption(labelList.get(0), template);
		ContrastMapping mapping = contrastMapping(contrast);
		byte[] bytes = readImage(image);
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();

		ModelOptions options = new ModelOptions();
		options.device = device;
		options.threads = threads;
		options.imageStreams = 1; // one image: every thread on its one call
		if (variant != null) options.extra.put("variant", variant);
		if (verbose) options.listener = new ProgressListener() {
			@Override
			public void progress(long done, long total, String message) {}

			@Override
			public void log(String message) {
				err.println(message);
				err.flush();
			}
		};
		try (VisionLanguageModel opened = Models.open(model, options)) {
			if (!(opened instanceof ContrastiveModel)) throw new IllegalArgumentException("Model '" + model + "' ("
				+ opened.name() + ") is not a CLIP-style model: classify needs a model folder with image and text towers.");
			ContrastiveModel clip = (ContrastiveModel) opened;
			PreprocessConfig cfg = clip.preprocessing().withContrast(mapping);
			float[] pixels = ImageFiles.toTensor(bytes, image.toString(), cfg);
			List<ZeroShotClassifier.LabelProbability> result = ZeroShotClassifier.classify(clip, pixels, labelList, template);
			for (ZeroShotClassifier.LabelProbability p : result)
				out.println(String.format(Locale.ROOT, "%.4f\t%s", p.probability, p.label));
			out.flush();
		}
		return 0;
	}

	static ContrastMapping contrastMapping(String name) {
		String n = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
		for (ContrastMapping m : ContrastMapping.values())
			if (m.name().equals(n)) return m;
		throw new IllegalArgumentException("Unknown --contrast '" + name + "': use pil, min-max or saturated.");
	}

	private static byte[] readImage(Path file) throws IOException {
		try {
			return Files.readAllBytes(file);
		}
		catch (NoSuchFileException e) {
			throw new IllegalArgumentException("Image " + file + " does not exist: give the path of a PNG, TIFF or JPEG file.");
		}
	}
}
