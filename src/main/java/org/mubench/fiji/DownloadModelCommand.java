package org.mubench.fiji;

import java.io.File;

import org.mubench.data.Cancellation;
import org.mubench.data.download.DownloadPlan;
import org.mubench.data.download.UbenchRelease;
import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.ui.UIService;

/** Plugins › Micro-Bench › Download Model…: the files of a CLIP-style ONNX export from the Hugging Face hub. */
@Plugin(type = Command.class, menuPath = "Plugins>Micro-Bench>Download Model...", headless = true)
public class DownloadModelCommand extends ContextCommand {
	@Parameter(label = "Model (hf:OWNER/NAME)")
	private String model;

	@Parameter(label = "Revision (branch, tag or commit)")
	private String revision = "main";

	@Parameter(label = "Download into", style = "directory")
	private File to;

	@Parameter(label = "Hub address (a mirror with the same paths)", required = false)
	private String base_url = UbenchRelease.DEFAULT_BASE_URL;

	@Parameter(type = ItemIO.OUTPUT)
	private int files;

	@Parameter
	private StatusService status;

	@Parameter
	private LogService log;

	@Parameter(required = false)
	private UIService ui;

	private final Cancellation cancellation = new Cancellation();

	@Override
	public void run() {
		files = Downloads.run(DownloadPlan.hfModel(model, revision, base_url), to.toPath(), new FijiProgress(status, log), log,
			ui, cancellation);
		if (files < 0) cancel("Download declined");
	}

	@Override
	public void cancel(String reason) {
		cancellation.cancel();
		super.cancel(reason);
	}
}
