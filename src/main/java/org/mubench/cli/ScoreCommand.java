package org.mubench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.mubench.eval.Prediction;
import org.mubench.eval.report.PredictionsFile;
import org.mubench.eval.report.ReportOptions;
import org.mubench.eval.report.Rescoring;
import org.mubench.eval.report.RunReports;
import org.mubench.eval.score.Bootstrap;
import org.mubench.eval.score.EvllmImport;
import org.mubench.eval.score.Summary;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mubench score}: recomputes every metric from a predictions file (ours or the authors' eVLLM CSVs). */
@Command(name = "score", mixinStandardHelpOptions = true,
	description = { "Recompute accuracy and bootstrap CIs from a predictions file and write summary.json, " +
		"summary.csv, report.md and accuracy.png.",
		"Reads our predictions.jsonl, or the eVLLM harness's result CSVs (a file or a folder of <dataset>.csv)." })
final class ScoreCommand implements Callable<Integer> {
	@Spec
	CommandSpec spec;

	@Option(names = "--predictions", required = true, paramLabel = "FILE",
		description = "predictions.jsonl, a run folder, an eVLLM CSV, or a folder of eVLLM CSVs.")
	Path predictions;

	@Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the reports.")
	Path out;

	@Option(names = "--resamples", defaultValue = "" + Bootstrap.DEFAULT_RESAMPLES,
		description = "Bootstrap resamples (default: ${DEFAULT-VALUE}, as scipy and the paper).")
	int resamples;

	@Option(names = "--seed", defaultValue = "0", description = "Bootstrap seed (default: ${DEFAULT-VALUE}).")
	long seed;

	@Option(names = "--format", defaultValue = "auto", paramLabel = "auto|jsonl|evllm",
		description = "Input format (default: auto — .csv files and folders of them are eVLLM).")
	String format;

	@Option(names = "--model", description = "Model name for the reports (default: from the predictions).")
	String model;

	@Option(names = "--force", description = "Replace the reports already in --out.")
	boolean force;

	@Override
	public Integer call() throws IOException {
		OutputFolder.refuseOverwrite(spec.commandLine(), "--out", out, force, OutputFolder.REPORTS);
		Summary s = Rescoring.score(predictions, format, out, model, seed, resamples,
			msg -> spec.commandLine().getErr().println("warning: " + msg));
		spec.commandLine().getOut().println(headline(s, ((Number) s.run.get("predictions")).intValue(), out));
		spec.commandLine().getOut().flush();
		return 0;
	}

	static String headline(Summary s, int questions, Path out) {
		StringBuilder b = new StringBuilder();
		b.append(s.model).append(": ").append(questions).append(" predictions");
		for (String g : new String[] { "coarse", "fine", "fine_paper", "cognition" }) {
			if (s.group(g) != null && s.group(g).hasAccuracy())
				b.append(", ").append(g).append(' ').append(RunReports.pct(s.group(g).accuracy)).append("% (95% CI ")
					.append(RunReports.interval(s.group(g))).append(')');
		}
		b.append("\nreport: ").append(out.resolve(RunReports.REPORT_MD));
		return b.toString();
	}
}
