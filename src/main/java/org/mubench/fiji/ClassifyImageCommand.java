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
import java.util.List;

import org.mubench.eval.classify.ZeroShotClassifier;
import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import ij.measure.ResultsTable;

/**
 * Plugins › Micro-Bench › Classify Image…: zero-shot classification of the active image with a CLIP-style model. The
 * plane classified is the one on screen ({@code plane=current}: all channels of the current z/t as a composite) or a
 * maximum projection over z ({@code plane=max}). An {@code image_file} is opened instead of the active image, through
 * Bio-Formats for microscopy formats.
 */
@Plugin(type = Command.class, menuPath = "Plugins>Micro-Bench>Classify Image...", headless = true)
public class ClassifyImageCommand implements Command {
	public static final String TABLE_TITLE = "Micro-Bench classification";

	@Parameter(required = false, description = "The active image (unless Image file names another)")
	private ImagePlus imp;

	@Parameter(label = "Image file (optional)", required = false, style = "open", persist = false,
		description = "Classify this file, not the active image; czi, nd2, lif, ome.tif… are read with Bio-Formats")
	private File image_file;

	@Parameter(label = "Model folder", style = "directory",
		description = "A CLIP-style ONNX export: onnx/vision_model.onnx, onnx/text_model.onnx, tokenizer.json")
	private File model;

	@Parameter(label = "Labels (comma-separated)",
		description = "The classes to choose from, e.g. nucleus, mitochondria, background")
	private String labels;

	@Parameter(label = "Template ({} = label)", required = false,
		description = "The sentence each label goes into, e.g. 'a micrograph of {}.'; empty = the label alone")
	private String template = "";

	@Parameter(label = "Plane", choices = { "current", "max" },
		description = "current = the plane on screen (all channels of this z and t); max = maximum projection over z")
	private String plane = "current";

	@Parameter(label = "Device", choices = { "auto", "cpu", "gpu" },
		description = "auto = a CUDA GPU when ONNX Runtime finds one, else the CPU")
	private String device = "auto";

	@Parameter(type = ItemIO.OUTPUT)
	private String top_label;

	@Parameter(type = ItemIO.OUTPUT)
	private double top_probability;

	@Parameter(type = ItemIO.OUTPUT)
	private ResultsTable table;

	@Parameter
	private StatusService status;

	@Parameter
	private LogService log;

	@Override
	public void run() {
		FijiErrors.run(this, this::execute);
	}

	private void execute() {
		MicroBenchFiji.Settings settings = new MicroBenchFiji.Settings();
		settings.device = device;
		settings.template = template;
		settings.plane = plane;
		// A recorded macro gives image_file=[] for "none".
		if (image_file != null && !image_file.getPath().isEmpty()) imp = FijiImages.open(image_file);
		List<ZeroShotClassifier.LabelProbability> result = MicroBenchFiji.classify(imp, model.getPath(),
			ZeroShotClassifier.parseLabels(labels), settings, new FijiProgress(status, log));
		top_label = result.get(0).label;
		top_probability = result.get(0).probability;
		table = Results.classification(imp.getTitle(), result);
		Results.showTable(table, TABLE_TITLE);
		log.info(imp.getTitle() + ": " + top_label + " (p = " + String.format("%.4f", top_probability) + ", plane " + plane + ")");
	}
}
