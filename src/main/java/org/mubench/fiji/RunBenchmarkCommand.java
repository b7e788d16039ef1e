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
import java.util.concurrent.CancellationException;

import org.mubench.base.Cancellation;
import org.mubench.eval.score.Summary;
import org.mubench.model.openai.OpenAiSettings;
import org.scijava.ItemVisibility;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.ui.UIService;

/**
 * Plugins › Micro-Bench › Run Benchmark…: a model over a μ-Bench dataset; accuracy ± CI as a table and a plot, progress
 * in the status bar, Esc stops the run after the current batch (finished predictions are kept for Resume).
 */
@Plugin(type = Command.class, menuPath = "Plugins>Micro-Bench>Run Benchmark...", headless = true)
public class RunBenchmarkCommand extends ContextCommand {
	@Parameter(visibility = ItemVisibility.MESSAGE, persist = false)
	private String help = "Fill in the fields the chosen Model needs; hover over a field for help.";

	@Parameter(label = "Dataset folder", style = "directory",
		description = "The μ-Bench release (Download Dataset… fills one) or your own images with a manifest")
	private File dataset;

	// Not remembered: a macro that gives only model=FOLDER (the form before this choice) must not inherit "Random
	// baseline" from the last dialog, since SciJava fills keys a macro leaves out with remembered values.
	@Parameter(label = "Model", choices = { ModelChoice.FOLDER, ModelChoice.RANDOM, ModelChoice.API }, persist = false,
		description = "A CLIP-style ONNX export on this computer, the random baseline, or a model behind an API")
	private String model_kind = ModelChoice.FOLDER;

	// Named model, as in Classify Image: macros written before the Model choice gave the model SPEC under this key,
	// and ModelChoice still reads 'random' or 'openai:NAME@URL' given here.
	@Parameter(label = "Model folder", style = "directory", required = false,
		description = "For an ONNX model: the folder with onnx/vision_model.onnx, onnx/text_model.onnx, tokenizer.json")
	private File model;

	@Parameter(label = "API model name", required = false,
		description = "For an API model: the model the server serves, e.g. gpt-4o")
	private String model_name = "";

	@Parameter(label = "API base URL", required = false,
		description = "For an API model: OpenAI's URL, or a local server such as http://localhost:8000/v1")
	private String base_url = OpenAiSettings.DEFAULT_BASE_URL;

	@Parameter(label = "API key file", required = false, style = "open",
		description = "For an API model: a text file holding the key; empty = the OPENAI_API_KEY variable")
	private File api_key_file;

	// The TaskRegistry's selectors (TaskChoices.choices(); a test keeps the two equal). Listed here, not set by an
	// initializer, so the command stays a plain Command that CommandService.run(Class, …) runs.
	@Parameter(label = "Tasks", choices = { "coarse,fine", "all", "coarse", "fine", "cognition", "pathology", "domain",
		"subdomain", "modality", "submodality", "stain", "colorectal_tissue_types", "white_blood_cell_types",
		"amyloid_beta_pathology", "colorectal_cancer_texture", "heart_failure", "cervical_lesions", "cell_cycle_phase",
		"synthetic_cell_phenotypes", "subcellular_structures", "organisms_fluorescence", "organisms_electron",
		"pollen_grains", "colocalization_patterns" },
		description = "coarse,fine = the paper's two tables; all = every question; or one group, type or task")
	private String tasks = TaskChoices.COARSE_AND_FINE;

	@Parameter(label = "Device", choices = { "auto", "cpu", "gpu" },
		description = "Where an ONNX model runs: auto = a CUDA GPU when ONNX Runtime finds one, else the CPU")
	private String device = "auto";

	@Parameter(label = "Output folder", style = "directory",
		description = "Gets predictions.jsonl, summary.json/.csv, report.md, accuracy.png; not another run's folder")
	private File out;

	@Parameter(label = "Resume an interrupted run", persist = false,
		description = "Continue the run in Output folder: questions already answered there are skipped")
	private boolean resume = false;

	@Parameter(label = "Limit (rows, 0 = all)", min = "0", persist = false,
		description = "Only the first N rows of the dataset, for a quick trial; 0 runs everything")
	private long limit = 0;

	@Parameter
	private StatusService status;

	@Parameter
	private LogService log;

	@Parameter(required = false)
	private UIService ui;

	private final Cancellation cancellation = new Cancellation();

	@Override
	public void run() {
		FijiErrors.run(this, this::execute);
	}

	private void execute() {
		String spec = ModelChoice.spec(model_kind, model, model_name, base_url);
		MicroBenchFiji.Settings settings = new MicroBenchFiji.Settings();
		settings.tasks = TaskChoices.selectors(tasks);
		settings.device = device;
		settings.resume = resume;
		settings.limit = limit;
		if (api_key_file != null) settings.apiKeyFile = api_key_file.getPath();
		Summary summary;
		try (EscapeWatcher esc = new EscapeWatcher(cancellation)) {
			summary = MicroBenchFiji.runBenchmark(dataset.toPath(), spec, out.toPath(), settings, new FijiProgress(status,
				log), cancellation);
		}
		catch (CancellationException e) {
			log.warn(e.getMessage());
			status.showStatus(e.getMessage());
			cancel(e.getMessage());
			return;
		}
		String report = out.toPath().resolve("report.md").toString();
		Results.show(summary, out.toPath(), ui);
		status.showStatus("Micro-Bench: run finished, report in " + report);
	}

	@Override
	public void cancel(String reason) {
		cancellation.cancel();
		super.cancel(reason);
	}
}
