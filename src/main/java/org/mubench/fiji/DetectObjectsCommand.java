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

import java.awt.GraphicsEnvironment;
import java.io.File;

import org.mubench.model.openai.OpenAiSettings;
import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;

/**
 * Plugins › Micro-Bench › Detect Objects…: asks a generative model for boxes of a class on the active plane; the boxes
 * become ROIs named {@code class score} on the image's Overlay and, in the GUI, are appended to the ROI Manager (which
 * is cleared first only when {@code clear_roi_manager} is set).
 */
@Plugin(type = Command.class, menuPath = "Plugins>Micro-Bench>Detect Objects...", headless = true)
public class DetectObjectsCommand implements Command {
	@Parameter(description = "The image to search: its current plane (channel, slice, frame) is sent")
	private ImagePlus imp;

	@Parameter(label = "API model name",
		description = "A vision-language chat model behind an OpenAI-compatible API, e.g. gpt-4o")
	private String model_name = "";

	@Parameter(label = "API base URL", required = false,
		description = "OpenAI's URL, or a local server (vLLM, Ollama, …) such as http://localhost:8000/v1")
	private String base_url = OpenAiSettings.DEFAULT_BASE_URL;

	@Parameter(label = "API key file", required = false, style = "open",
		description = "A text file holding the key; empty = the OPENAI_API_KEY variable (local servers need none)")
	private File api_key_file;

	@Parameter(label = "Class name", description = "What to find, in words the model knows, e.g. nucleus")
	private String class_name;

	@Parameter(label = "Box format", choices = { "json", "qwen", "paligemma" },
		description = "How the model writes boxes: json (GPT-4o, most), qwen (Qwen-VL, 0–1000), paligemma (<loc>)")
	private String format = "json";

	@Parameter(label = "Add to ROI Manager",
		description = "Also list the boxes in the ROI Manager (they are always drawn on the image's overlay)")
	private boolean add_to_roi_manager = true;

	@Parameter(label = "Clear ROI Manager first", persist = false,
		description = "Remove the ROIs already in the ROI Manager before adding these")
	private boolean clear_roi_manager = false;

	@Parameter(type = ItemIO.OUTPUT)
	private int count;

	@Parameter
	private StatusService status;

	@Parameter
	private LogService log;

	@Override
	public void run() {
		FijiErrors.run(this, this::execute);
	}

	private void execute() {
		String spec = ModelChoice.spec(ModelChoice.API, null, model_name, base_url);
		boolean manager = add_to_roi_manager && !GraphicsEnvironment.isHeadless();
		MicroBenchFiji.Settings settings = new MicroBenchFiji.Settings();
		if (api_key_file != null) settings.apiKeyFile = api_key_file.getPath();
		count = Detections.detect(imp, spec, class_name, format, manager, clear_roi_manager, settings,
			new FijiProgress(status, log));
		log.info(imp.getTitle() + ": " + count + " " + class_name + " box(es)");
	}
}
