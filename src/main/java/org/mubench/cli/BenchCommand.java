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
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;


import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.mubench.base.Json;

/**
 * {@code mubench bench}: how fast a contrastive model runs the benchmark here, stage by stage, against ONNX Runtime's
 * raw image-tower throughput, and how long the full release would take. See docs/benchmarks.md.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
	description = { "Measure throughput: end to end through the runner, each stage alone, and raw ONNX Runtime.",
		"Prints per-stage time, images/s and peak heap, and the time the full release (17,315 images) would take." })
public final class BenchCommand implements Callable<Integer> {
	@Spec
	CommandLine.Model.CommandSpec spec;

	@Mixin
	InferenceOptions inference = new InferenceOptions();

	@Option(names = "--model", required = true, paramLabel = "DIR", description = "Model folder (ONNX CLIP layout).")
	Path model;

	@Option(names = "--dataset", required = true, paramLabel = "DIR", description = "Dataset folder (uBench shards).")
	Path dataset;

	@Option(names = "--limit", paramLabel = "N", description = "At most N rows of the dataset.")
	long limit;

	@Option(names = "--raw-seconds", paramLabel = "S", defaultValue = "10",
		description = "Seconds for the raw ONNX Runtime and the engine-alone image figures (default ${DEFAULT-VALUE}).")
	double rawSeconds;

	@Option(names = "--stage-images", paramLabel = "N", defaultValue = "200",
		description = "Images for the one-stage-at-a-time decode and preprocess figures (default ${DEFAULT-VALUE}).")
	int stageImages;

	@Option(names = "--json", description = "Print one JSON object instead of the table.")
	boolean json;

	@Override
	public Integer call() throws Exception {
		inference.check(spec.commandLine());
		if (limit < 0) throw new CommandLine.ParameterException(spec.commandLine(), "--limit must be 0 (all) or more");
		if (rawSeconds <= 0) throw new CommandLine.ParameterException(spec.commandLine(), "--raw-seconds must be positive");
		if (stageImages < 1) throw new CommandLine.ParameterException(spec.commandLine(), "--stage-images must be at least 1");
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		Benchmark b = new Benchmark();
		b.model = model;
		b.dataset = dataset;
		b.batch = inference.batch;
		b.threads = inference.threads;
		b.decodeThreads = inference.decodeThreads;
		b.device = inference.device;
		b.variant = inference.variant;
		b.imageStreams = inference.imageStreams;
		b.limit = limit;
		b.rawSeconds = rawSeconds;
		b.stageImages = stageImages;
		b.log = new org.mubench.base.ProgressListener() {
			@Override
			public void progress(long done, long total, String message) {}

			@Override
			public void log(String message) {
				err.println(message);
				err.flush();
			}
		};
		Map<String, Object> r = b.run();
		if (json) out.println(Json.MAPPER.writeValueAsString(r));
		else print(out, r);
		out.flush();
		return 0;
	}

	@SuppressWarnings("unchecked")
	static void print(PrintWriter out, Map<String, Object> r) {
		out.printf(Locale.ROOT, "Model %s on %s, %s cores, batch %s, %s intra-op threads in %s image stream(s), %s decode threads (%s), heap max %s MiB%n",
			r.get("model"), r.get("device"), r.get("cores"), r.get("batch"), r.get("intra_op_threads"), r.get("image_streams"), r.get("decode_threads"),
			Boolean.TRUE.equals(r.get("decode_overlaps_inference")) ? "during inference" : "between batches", r.get("heap_max_mib"));
		out.printf(Locale.ROOT, "Dataset %s: %s images, %s questions, %s distinct option texts; load average %s%n",
			r.get("dataset"), r.get("images"), r.get("questions"), r.get("unique_texts"), r.get("load_average_start"));
		out.println();
		out.println("Stages one at a time:");
		out.printf(Locale.ROOT, "  %-16s %10s %12s %14s%n", "stage", "seconds", "images/s", "peak heap MiB");
		Map<String, Object> stages = (Map<String, Object>) r.get("stages");
		for (String name : Benchmark.stageNames()) {
			Map<String, Object> s = (Map<String, Object>) stages.get(name);
			out.printf(Locale.ROOT, "  %-16s %10.2f %12.1f %14.1f%s%n", name, d(s.get("seconds")), d(s.get("images_per_s")),
				d(s.get("peak_heap_mib")), name.equals("text_inference") ? "   (" + s.get("texts") + " texts, "
					+ String.format(Locale.ROOT, "%.1f", d(s.get("texts_per_s"))) + " texts/s)" : "");
		}
		Map<String, Object> p = (Map<String, Object>) r.get("pipeline");
		out.println();
		out.printf(Locale.ROOT, "End to end (runner): %.1f images/s, %.1f s, peak heap %.1f MiB%n", d(r.get("end_to_end_images_per_s")),
			d(r.get("end_to_end_seconds")), d(r.get("end_to_end_peak_heap_mib")));
		out.printf(Locale.ROOT, "  inside the run: image inference %.1f s (%.1f images/s), text inference %.2f s, scoring %.3f s,%n"
			+ "  waiting for images %.2f s, journal %.2f s; decode %.1f s + preprocess %.1f s on the decode threads%n",
			d(p.get("image_inference_s")), d(r.get("image_inference_images_per_s")), d(p.get("text_inference_s")),
			d(p.get("scoring_s")), d(p.get("waiting_for_images_s")), d(p.get("journal_s")), d(p.get("decode_thread_s")),
			d(p.get("preprocess_thread_s")));
		Object raw = r.get("raw_image_tower_images_per_s");
		if (raw != null) {
			out.printf(Locale.ROOT, "Raw ONNX Runtime image tower: %.1f images/s; end to end / raw = %.2f, image inference / raw = %.2f%n",
				d(raw), d(r.get("ratio_end_to_end_to_raw")), d(r.get("ratio_image_inference_to_raw")));
		}
		out.printf(Locale.ROOT, "Peak heap over the benchmark: %.1f MiB%n", d(r.get("peak_heap_mib")));
		out.printf(Locale.ROOT, "Full release (%,d images) at this rate: %s%n", Benchmark.RELEASE_IMAGES,
			duration(d(r.get("full_release_estimate_s"))));
	}

	static String duration(double seconds) {
		long s = Math.round(seconds);
		if (s < 60) return s + " s";
		if (s < 3600) return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
		return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
	}

	private static double d(Object o) {
		return o == null ? Double.NaN : ((Number) o).doubleValue();
	}
}
