package org.mubench.fiji;

import org.mubench.data.download.DownloadPlan;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** Plugins › Micro-Bench › Download Model…: the files of a CLIP-style ONNX export from the Hugging Face hub. */
@Plugin(type = Command.class, menuPath = "Plugins>Micro-Bench>Download Model...", headless = true)
public class DownloadModelCommand extends AbstractDownloadCommand {
	@Parameter(label = "Model (hf:OWNER/NAME)")
	private String model;

	@Parameter(label = "Revision (branch, tag or commit)")
	private String revision = "main";

	@Override
	DownloadPlan plan(String baseUrl) {
		return DownloadPlan.hfModel(model, revision, baseUrl);
	}
}
