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

import java.io.File;

import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** Plugins › Micro-Bench › Merge Model Weights…: WiSE-FT, θ = (1 − α)·base + α·fine-tuned for every float tensor. */
@Plugin(type = Command.class, menuPath = "Plugins>Micro-Bench>Merge Model Weights...", headless = true)
public class MergeModelWeightsCommand implements Command {
	@Parameter(label = "Base model folder", style = "directory",
		description = "The zero-shot model (an ONNX model folder)")
	private File base;

	@Parameter(label = "Fine-tuned model folder", style = "directory",
		description = "The same architecture fine-tuned from the base (an ONNX model folder with the same tensors)")
	private File finetuned;

	@Parameter(label = "Alpha (0 = base, 1 = fine-tuned)", min = "0", max = "1", stepSize = "0.05",
		description = "How much of the fine-tuned weights: each float tensor becomes (1 − alpha)·base + alpha·fine-tuned")
	private double alpha = 0.5;

	@Parameter(label = "Output folder", style = "directory",
		description = "Where the merged model folder is written (usable as a Model folder afterwards)")
	private File out;

	@Parameter(type = ItemIO.OUTPUT)
	private String model;

	@Parameter
	private StatusService status;

	@Parameter
	private LogService log;

	@Override
	public void run() {
		FijiErrors.run(this, this::execute);
	}

	private void execute() {
		MicroBenchFiji.mergeWeights(base.toPath(), finetuned.toPath(), alpha, out.toPath(), new FijiProgress(status, log));
		model = out.getPath();
		log.info("Merged model (alpha " + alpha + "): " + model);
	}
}
