package org.mubench.fiji;

import java.awt.GraphicsEnvironment;
import java.io.File;

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
	@Parameter
	private ImagePlus imp;

	@Parameter(label = "Model", description = "openai:MODEL@URL (a chat-completions server)")
	private String model;

	@Parameter(label = "Class name", description = "What to find, e.g. nucleus")
	private String class_name;

	@Parameter(label = "Box format", choices = { "json", "qwen", "paligemma" })
	private String format = "json";

	@Parameter(label = "API key file (for servers that need a key; else OPENAI_API_KEY)", required = false, style = "open")
	private File api_key_file;

	@Parameter(label = "Add to ROI Manager")
	private boolean add_to_roi_manager = true;

	@Parameter(label = "Clear ROI Manager first")
	private boolean clear_roi_manager = false;

	@Parameter(type = ItemIO.OUTPUT)
	private int count;

	@Parameter
	private StatusService status;

	@Parameter
	private LogService log;

	@Override
	public void run() {
		boolean manager = add_to_roi_manager && !GraphicsEnvironment.isHeadless();
		MicroBenchFiji.Settings settings = new MicroBenchFiji.Settings();
		if (api_key_file != null) settings.apiKeyFile = api_key_file.getPath();
		count = Detections.detect(imp, model, class_name, format, manager, clear_roi_manager, settings,
			new FijiProgress(status, log));
		log.info(imp.getTitle() + ": " + count + " " + class_name + " box(es)");
	}
}
