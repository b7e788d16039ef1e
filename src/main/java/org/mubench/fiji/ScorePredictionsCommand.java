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
import java.io.IOException;

import org.mubench.eval.report.Rescoring;
import org.mubench.eval.score.Bootstrap;
import org.mubench.eval.score.Summary;
import org.scijava.command.Command;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.ui.UIService;

/** Plugins › Micro-Bench › Score Predictions…: recomputes every metric of a run (ours or the authors' eVLLM CSVs). */
@Plugin(type = Command.class, menuPath = "Plugins>Micro-Bench>Score Predictions...", headless = true)
public class ScorePredictionsCommand implements Command {
	@Parameter(label = "Predictions", style = "both",
		description = "A run folder, its predictions.jsonl, or a folder of the authors' eVLLM prediction CSV files")
	private File predictions;

	@Parameter(label = "Output folder", style = "directory",
		description = "Where summary.json/.csv, report.md and accuracy.png are written")
	private File out;

	@Parameter(label = "Format", choices = { "auto", "jsonl", "evllm" },
		description = "auto tells by the file names; jsonl = our predictions; evllm = the authors' CSV files")
	private String format = "auto";

	@Parameter(label = "Bootstrap resamples", min = "1",
		description = "Resamples for the 95% confidence intervals (the paper uses 9999)")
	private int resamples = Bootstrap.DEFAULT_RESAMPLES;

	@Parameter(label = "Seed", description = "Seed of the bootstrap: the same seed gives the same intervals")
	private long seed = 0;

	@Parameter
	private LogService log;

	@Parameter(required = false)
	private UIService ui;

	@Override
	public void run() {
		FijiErrors.run(this, this::execute);
	}

	private void execute() {
		Summary summary;
		try {
			summary = Rescoring.score(predictions.toPath(), format, out.toPath(), null, seed, resamples, log::warn);
		}
		catch (IOException e) {
			throw new IllegalStateException(predictions + ": " + e.getMessage(), e);
		}
		MicroBenchFiji.remember(summary);
		log.info("Micro-Bench: scores and report in " + out.toPath().resolve("report.md"));
		Results.show(summary, out.toPath(), ui);
	}
}
