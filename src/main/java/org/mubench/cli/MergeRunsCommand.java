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
import org.mubench.eval.run.RunIdentity;
import org.mubench.eval.run.RunRecord;
import org.mubench.eval.score.Summary;

import picocli.CommandLine;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mubench merge-runs}: joins shard runs into one run with its reports. */
@Command(name = "merge-runs", mixinStandardHelpOptions = true,
	description = { "Join the predictions of shard runs (run --shard K/N) into one run: predictions.jsonl sorted by " +
		"row, and its reports. Scores equal an unsharded run's with the same seed.",
		"The runs must be shards of one run (same model, model files, dataset, selection and settings; see run.json), "
			+ "each shard once and finished; a question present in several shards must be identical in each." })
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

	@Option(names = "--allow-partial", description = "Merge a known subset: shards missing or unfinished are allowed "
		+ "(and listed in summary.json as missing_shards).")
	boolean allowPartial;

	@Option(names = "--force", description = "Replace the files of an existing --out folder.")
	boolean force;

	@Override
	public Integer call() throws IOException {
		for (Path r : runs)
			if (r.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize()))
				throw new CommandLine.ParameterException(spec.commandLine(), "--out " + out + " is one of the --runs; choose a new folder");
		OutputFolder.refuseOverwrite(spec.commandLine(), "--out", out, force,
			OutputFolder.with(OutputFolder.REPORTS, PredictionsFile.FILE_NAME, RunRecord.FILE));
		List<Path> folders = new ArrayList<>();
		for (Path r : runs)
			folders.add(Files.isDirectory(r) ? r : r.toAbsolutePath().getParent());
		List<String> missing = RunIdentity.checkShards(folders, allowPartial,
			"add --allow-partial to merge only these, or give every shard's --out folder");
		RunIdentity identity = RunIdentity.read(folders.get(0));
		List<Prediction> predictions = RunMerger.merge(runs,
			msg -> spec.commandLine().getErr().println("warning: " + msg));
		if (predictions.isEmpty()) throw new IOException("the shard runs hold no predictions");
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
		o.run("partial", !missing.isEmpty());
		o.run("missing_shards", missing);
		RunIdentity merged = identity.merged(missing);
		o.run(RunIdentity.KEY, merged.toMap());
		Files.createDirectories(out);
		PredictionsFile.write(out.resolve(PredictionsFile.FILE_NAME), predictions);
		Summary s = RunReports.write(predictions, out, o);
		RunRecord.writeMerged(out, merged, from, missing);
		spec.commandLine().getOut().println("merged " + runs.size() + " runs, " + predictions.size() + " questions"
			+ (missing.isEmpty() ? "" : "; partial, without shards " + String.join(", ", missing)));
		spec.commandLine().getOut().println(ScoreCommand.headline(s, predictions.size(), out));
		spec.commandLine().getOut().flush();
		return 0;
	}
}
