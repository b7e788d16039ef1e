package org.mubench.fiji;

import java.awt.GraphicsEnvironment;
import java.io.File;

import org.mubench.model.openai.OpenAiSettings;
import org.scijava.ItemIO;
import org.scijava.ItemVisibility;
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

	@Parameter(label = "API model name", required = false,
		description = "A vision-language chat model behind an OpenAI-compatible API, e.g. gpt-4o, or the model a local "
			+ "server (vLLM, Ollama, …) serves")
	private String model_name = "";

	@Parameter(label = "API base URL", required = false,
		description = OpenAiSettings.DEFAULT_BASE_URL + " for OpenAI, or a local server such as http://localhost:8000/v1")
	private String base_url = OpenAiSettings.DEFAULT_BASE_URL;

	@Parameter(label = "API key file", required = false, style = "open",
		description = "A text file holding the key (the key itself is never typed here); empty = the OPENAI_API_KEY "
			+ "environment variable. Local servers usually need none")
	private File api_key_file;

	@Parameter(label = "Class name", description = "What to find, in words the model knows, e.g. nucleus")
	private String class_name;

	@Parameter(label = "Box format", choices = { "json", "qwen", "paligemma" },
		description = "How the model writes boxes: json (GPT-4o and most chat models), qwen (Qwen-VL <box> tokens in "
			+ "0–1000), paligemma (<loc> tokens in 0–1023)")
	private String format = "json";

	@Parameter(label = "Add to ROI Manager",
		description = "Also list the boxes in the ROI Manager (they are always drawn on the image's overlay)")
	private boolean add_to_roi_manager = true;

	@Parameter(label = "Clear ROI Manager first", persist = false,
		description = "Remove the ROIs already in the ROI Manager before adding these")
	private boolean clear_roi_manager = false;

	/** Macros written before the separate API fields existed give the model SPEC here ({@code openai:NAME@URL}). */
	@Parameter(required = false, persist = false, visibility = ItemVisibility.INVISIBLE)
	private String model = "";

	@Parameter(type = ItemIO.OUTPUT)
	private int count;

	@Parameter
	private StatusService status;

	@Parameter
	private LogService log;

	@Override
	public void run() {
		String spec = ModelChoice.spec(ModelChoice.API, null, model_name, base_url, model);
		boolean manager = add_to_roi_manager && !GraphicsEnvironment.isHeadless();
		MicroBenchFiji.Settings settings = new MicroBenchFiji.Settings();
		if (api_key_file != null) settings.apiKeyFile = api_key_file.getPath();
		count = Detections.detect(imp, spec, class_name, format, manager, clear_roi_manager, settings,
			new FijiProgress(status, log));
		log.info(imp.getTitle() + ": " + count + " " + class_name + " box(es)");
	}
}
