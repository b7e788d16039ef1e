package org.mubench.fiji;

import java.io.File;

import org.mubench.data.Cancellation;
import org.mubench.eval.score.Summary;
import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.ui.UIService;

/** Plugins › Micro-Bench › Run Benchmark…: a model over a μ-Bench dataset; accuracy ± CI as a table and a plot. */
@Plugin(type = Command.class, menuPath = "Plugins>Micro-Bench>Run Benchmark...", headless = true)
public class RunBenchmarkCommand extends ContextCommand {
	@Parameter(label = "Dataset folder", style = "directory", description = "The uBench release shards, or a folder with a manifest")
	private File dataset;

	@Parameter(label = "Model", description = "A model folder (ONNX CLIP), 'random', or openai:MODEL@URL")
	private String model = "random";

	@Parameter(label = "API key file (openai: models; else OPENAI_API_KEY)", required = false, style = "open")
	private File api_key_file;

	@Parameter(label = "Tasks", description = "coarse, fine, cognition, or task names, comma-separated")
	private String tasks = "coarse,fine";

	@Parameter(label = "Device", choices = { "auto", "cpu", "gpu" })
	private String device = "auto";

	@Parameter(label = "Output folder", style = "directory")
	private File out;

	@Parameter(label = "Resume an interrupted run")
	private boolean resume = false;

	@Parameter(label = "Limit (rows, 0 = all)", min = "0")
	private long limit = 0;

	@Parameter(type = ItemIO.OUTPUT)
	private String report;

	@Parameter
	private StatusService status;

	@Parameter
	private LogService log;

	@Parameter(required = false)
	private UIService ui;

	private final Cancellation cancellation = new Cancellation();

	@Override
	public void run() {
		MicroBenchFiji.Settings settings = new MicroBenchFiji.Settings();
		settings.tasks = tasks;
		settings.device = device;
		settings.resume = resume;
		settings.limit = limit;
		if (api_key_file != null) settings.apiKeyFile = api_key_file.getPath();
		Summary summary = MicroBenchFiji.runBenchmark(dataset.toPath(), model, out.toPath(), settings,
			new FijiProgress(status, log), cancellation);
		report = out.toPath().resolve("report.md").toString();
		Results.show(summary, out.toPath(), ui);
	}

	@Override
	public void cancel(String reason) {
		cancellation.cancel();
		super.cancel(reason);
	}
}
