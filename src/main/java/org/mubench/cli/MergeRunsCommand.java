package org.mubench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.mubench.eval.Prediction;
import org.mubench.eval.report.PredictionsFile;
import org.mubench.eval.report.ReportOptions;
import org.mubench.eval.report.RunMerger;
import org.mubench.eval.report.RunReports;
import org.mubench.eval.score.Bootstrap;
import org.mubench.eval.score.Summary;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mubench merge-runs}: joins shard runs into one run with its reports. */
@Command(name = "merge-runs", mixinStandardHelpOptions = true,
	description = { "Join the predictions of shard runs (run --shard K/N) into one run: predictions.jsonl sorted by " +
		"row, and its reports. Scores equal an unsharded run's with the same seed.",
		"A question present in several shards must be identical in each; otherwise the merge stops and names it." })
final class MergeRunsCommand implements Callable<Integer> {
	@Spec
	CommandSpec spec;

	@Option(names = "--runs", required = true, arity = "1..*", paramLabel = "DIR",
		description = "The shard runs' --out folders (or their predictions.jsonl files).")
	List<Path> runs = new ArrayList<>();

	@Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the merged run.")
	Path out;

	@Option(names = "--resamples", description = "Bootstrap resamples (default: the shards' setting, else " +
		Bootstrap.DEFAULT_RESAMPLES + ").")
	Integer resamples;

	@Option(names = "--seed", description = "Bootstrap seed (default: the shards' seed, else 0).")
	Long seed;

	@Option(names = "--model", description = "Model name for the reports (default: from the predictions).")
	String model;

	@Override
	public Integer call() throws IOException {
		for (Path r : runs)
			if (r.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize()))
				throw new IllegalArgumentException("--out " + out + " is one of the --runs; choose a new folder");
		List<Prediction> merged = RunMerger.merge(runs,
			msg -> spec.commandLine().getErr().println("warning: " + msg));
		if (merged.isEmpty()) throw new IOException("the shard runs hold no predictions");
		// Take the scoring settings and model from the first shard's summary when the user gave none.
		Summary first = null;
		Path firstSummary = Files.isDirectory(runs.get(0)) ? runs.get(0).resolve(RunReports.SUMMARY_JSON) : null;
		if (firstSummary != null && Files.isRegularFile(firstSummary)) first = Summary.read(firstSummary);
		ReportOptions o = new ReportOptions().model(model != null ? model : first != null ? first.model : null)
			.seed(seed != null ? seed : first != null ? first.seed : 0)
			.resamples(resamples != null ? resamples : first != null && first.resamples > 0 ? first.resamples
				: Bootstrap.DEFAULT_RESAMPLES);
		List<String> from = new ArrayList<>();
		for (Path r : runs)
			from.add(r.toString());
		o.run("merged_from", from);
		Files.createDirectories(out);
		PredictionsFile.write(out.resolve(PredictionsFile.FILE_NAME), merged);
		Summary s = RunReports.write(merged, out, o);
		spec.commandLine().getOut().println("merged " + runs.size() + " runs, " + merged.size() + " questions");
		spec.commandLine().getOut().println(ScoreCommand.headline(s, merged.size(), out));
		spec.commandLine().getOut().flush();
		return 0;
	}
}
