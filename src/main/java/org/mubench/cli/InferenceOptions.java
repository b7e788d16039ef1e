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

import picocli.CommandLine;
import picocli.CommandLine.Option;

/** How a local model runs: batch size, device, inference and decoding threads, file variant (shared by run and bench). */
final class InferenceOptions {
	@Option(names = "--batch", paramLabel = "N", defaultValue = "16", description = "Images per batch (default ${DEFAULT-VALUE}).")
	int batch;

	@Option(names = "--device", paramLabel = "auto|cpu|gpu", defaultValue = "auto", description = "Inference device (default ${DEFAULT-VALUE}).")
	String device;

	@Option(names = "--threads", paramLabel = "N", defaultValue = "0", description = "Inference (ONNX Runtime intra-op) threads (default: all cores).")
	int threads;

	@Option(names = "--decode-threads", paramLabel = "N", defaultValue = "0",
		description = "Threads decoding images for the model (default: the runner's choice for the model and device).")
	int decodeThreads;

	@Option(names = "--image-streams", paramLabel = "N", defaultValue = "0",
		description = "Parts of each image batch run at the same time on the CPU, the threads split between them (default: "
			+ "one per core, at least 4 images each; 1 = the whole batch in one call; see docs/benchmarks.md).")
	int imageStreams;

	@Option(names = "--variant", paramLabel = "NAME",
		description = "Model file variant, e.g. quantized for onnx/*_quantized.onnx (int8; see docs/benchmarks.md for its speed and agreement).")
	String variant;

	/** Puts the chosen variant, if any, and the image streams into the model options. */
	void applyTo(org.mubench.model.ModelOptions options) {
		options.imageStreams = imageStreams;
		if (variant != null) options.extra.put("variant", variant);
	}

	/** Refuses a batch size below 1 as bad usage. */
	void check(CommandLine commandLine) {
		if (batch < 1) throw new CommandLine.ParameterException(commandLine, "--batch must be at least 1");
		if (imageStreams < 0) throw new CommandLine.ParameterException(commandLine, "--image-streams must be 0 (choose) or at least 1");
	}
}
