package org.mubench.fiji;

import java.io.File;
import java.io.IOException;

import org.mubench.eval.report.Rescoring;
import org.mubench.eval.score.Bootstrap;
import org.mubench.eval.score.Summary;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.ui.UIService;

/** Plugins › Micro-Bench › Score Predictions…: recomputes every metric of a run (ours or the authors' eVLLM CSVs). */
@Plugin(type = Command.class, menuPath = "Plugins>Micro-Bench>Score Predictions...", headless = true)
public class ScorePredictionsCommand implements Command {
	@Parameter(label = "Predictions (predictions.jsonl, a run folder, or eVLLM CSV files)", style = "both")
	private File predictions;

	@Parameter(label = "Output folder", style = "directory")
	private File out;

	@Parameter(label = "Format", choices = { "auto", "jsonl", "evllm" })
	private String format = "auto";

	@Parameter(label = "Bootstrap resamples", min = "1")
	private int resamples = Bootstrap.DEFAULT_RESAMPLES;

	@Parameter(label = "Seed")
	private long seed = 0;

	@Parameter(type = ItemIO.OUTPUT)
	private String report;

	@Parameter
	private LogService log;

	@Parameter(required = false)
	private UIService ui;

	@Override
	public void run() {
		Summary summary;
		try {
			summary = Rescoring.score(predictions.toPath(), format, out.toPath(), null, seed, resamples, log::warn);
		}
		catch (IOException e) {
			throw new IllegalStateException(predictions + ": " + e.getMessage(), e);
		}
		MicroBenchFiji.remember(summary);
		report = out.toPath().resolve("report.md").toString();
		Results.show(summary, out.toPath(), ui);
	}
}
