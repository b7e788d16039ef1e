package org.mubench.fiji;

import org.mubench.data.download.DownloadPlan;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** Plugins › Micro-Bench › Download Model…: the files of a CLIP-style ONNX export from the Hugging Face hub. */
@Plugin(type = Command.class, menuPath = "Plugins>Micro-Bench>Download Model...", headless = true)
public class DownloadModelCommand extends AbstractDownloadCommand {
	@Parameter(label = "Model (hf:OWNER/NAME)",
		description = "A Hugging Face repository holding a CLIP-style ONNX export, e.g. hf:Xenova/clip-vit-base-patch32")
	private String model;

	@Parameter(label = "Revision", description = "A branch, tag or commit of that repository (a commit pins the files)")
	private String revision = "main";

	@Override
	DownloadPlan plan(String baseUrl) {
		return DownloadPlan.hfModel(model, revision, baseUrl);
	}
}
