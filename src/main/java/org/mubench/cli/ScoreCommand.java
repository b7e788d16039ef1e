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

	@Override
	public Integer call() throws IOException {
		if (resamples < 1) throw new IllegalArgumentException("--resamples must be at least 1");
		String fmt = format.toLowerCase(Locale.ROOT);
		Path input = predictions;
		if (fmt.equals("auto")) fmt = detect(input);
		List<Prediction> preds;
		if (fmt.equals("evllm")) {
			preds = EvllmImport.read(input, model);
		}
		else if (fmt.equals("jsonl")) {
			if (Files.isDirectory(input)) input = input.resolve(PredictionsFile.FILE_NAME);
			preds = PredictionsFile.read(input, msg -> spec.commandLine().getErr().println("warning: " + msg));
		}
		else throw new IllegalArgumentException("--format must be auto, jsonl or evllm, not " + format);
		if (preds.isEmpty()) throw new IOException(input + ": holds no predictions");
		ReportOptions o = new ReportOptions().model(model).seed(seed).resamples(resamples);
		o.run("scored_from", input.toString());
		o.run("format", fmt);
		Files.createDirectories(out);
		if (fmt.equals("evllm")) PredictionsFile.write(out.resolve(PredictionsFile.FILE_NAME), preds);
		Summary s = RunReports.write(preds, out, o);
		spec.commandLine().getOut().println(headline(s, preds.size(), out));
		spec.commandLine().getOut().flush();
		return 0;
	}

	static String detect(Path input) throws IOException {
		String name = input.getFileName() == null ? "" : input.getFileName().toString().toLowerCase(Locale.ROOT);
		if (Files.isDirectory(input)) {
			if (Files.isRegularFile(input.resolve(PredictionsFile.FILE_NAME))) return "jsonl";
			try (java.util.stream.Stream<Path> s = Files.list(input)) {
				if (s.anyMatch(p -> p.toString().toLowerCase(Locale.ROOT).endsWith(".csv"))) return "evllm";
			}
			throw new IOException(input + ": neither a predictions.jsonl nor .csv files in this folder");
		}
		return name.endsWith(".csv") ? "evllm" : "jsonl";
	}

	static String headline(Summary s, int questions, Path out) {
		StringBuilder b = new StringBuilder();
		b.append(s.model).append(": ").append(questions).append(" predictions");
		for (String g : new String[] { "coarse", "fine", "fine_paper", "cognition" }) {
			if (s.group(g) != null && s.group(g).hasAccuracy())
				b.append(", ").append(g).append(' ').append(RunReports.accPm(s.group(g))).append('%');
		}
		b.append("\nreport: ").append(out.resolve(RunReports.REPORT_MD));
		return b.toString();
	}
}
