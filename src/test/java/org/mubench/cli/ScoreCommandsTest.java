package org.mubench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mubench.eval.Prediction;
import org.mubench.eval.report.PredictionsFile;
import org.mubench.eval.report.ReportOptions;
import org.mubench.eval.report.RunReports;
import org.mubench.eval.run.QuestionSet;
import org.mubench.eval.run.RunIdentity;
import org.mubench.eval.run.RunOptions;
import org.mubench.eval.run.RunRecord;
import org.mubench.eval.run.RunResult;
import org.mubench.eval.run.Shard;
import org.mubench.eval.score.Summary;
import org.mubench.model.random.RandomModel;
import org.mubench.eval.score.SyntheticPredictions;

class ScoreCommandsTest {
	@TempDir
	Path dir;

	private static String[] run(String... args) {
		StringWriter out = new StringWriter(), err = new StringWriter();
		int code = MuBenchCli.execute(args, new PrintWriter(out), new PrintWriter(err));
		return new String[] { String.valueOf(code), out.toString(), err.toString() };
	}

	/** Writes the run.json a real shard run leaves: its identity (the random model, seed) and status. */
	static void recordRun(Path folder, Shard shard, long seed, String status) {
		RunOptions o = new RunOptions();
		o.shard = shard;
		o.seed = seed;
		o.modelSpec = "random";
		RunResult r = new RunResult();
		r.model = "random";
		r.questionSet = QuestionSet.CAPTIONS;
		r.identity = RunIdentity.of(o, new RandomModel(seed), null, QuestionSet.CAPTIONS);
		RunRecord.write(folder, o, null, status, r, "2026-01-01T00:00:00Z");
	}

	/** Three shard runs of 30 rows (1/3, 2/3, 3/3) with run.json, like run --shard K/3 leaves them. */
	private List<Path> shards(long seed) throws IOException {
		List<Prediction> all = SyntheticPredictions.make(30, 8, 1);
		List<Path> out = new ArrayList<>();
		for (int k = 0; k < 3; k++) {
			List<Prediction> shard = new ArrayList<>();
			for (Prediction p : all)
				if (p.row % 3 == k) shard.add(p);
			Path d = dir.resolve("s" + seed + "-" + (k + 1));
			PredictionsFile.write(d.resolve("predictions.jsonl"), shard);
			recordRun(d, new Shard(k + 1, 3), seed, "finished");
			out.add(d);
		}
		return out;
	}

	@Test
	void mergeRunsRefusesRunsOfDifferentModelsNamingTheDifference() throws IOException {
		List<Path> a = shards(0), b = shards(7);
		String[] r = run("merge-runs", "--runs", a.get(0).toString(), b.get(1).toString(), a.get(2).toString(), "--out",
			dir.resolve("m").toString());
		assertEquals("1", r[0], r[2]);
		assertTrue(r[2].contains(b.get(1) + " is not a shard of the same run as " + a.get(0)), r[2]);
		assertTrue(r[2].contains("model_settings.seed: 0 vs 7"), r[2]);
		assertEquals(1, r[2].trim().split("\n").length, r[2]);
		assertTrue(!Files.exists(dir.resolve("m")), "nothing written");
	}

	@Test
	void mergeRunsNamesMissingAndDuplicatedShards() throws IOException {
		List<Path> a = shards(0);
		String[] missing = run("merge-runs", "--runs", a.get(0).toString(), a.get(2).toString(), "--out",
			dir.resolve("m").toString());
		assertEquals("1", missing[0], missing[2]);
		assertTrue(missing[2].contains("missing shard 2/3") && missing[2].contains("--allow-partial"), missing[2]);

		Path copy = dir.resolve("copy-of-1");
		Files.createDirectories(copy);
		for (String f : new String[] { "predictions.jsonl", "run.json" })
			Files.copy(a.get(0).resolve(f), copy.resolve(f));
		String[] twice = run("merge-runs", "--runs", a.get(0).toString(), copy.toString(), a.get(1).toString(),
			a.get(2).toString(), "--out", dir.resolve("m").toString());
		assertEquals("1", twice[0], twice[2]);
		assertTrue(twice[2].contains("shard 1/3 is given twice (" + a.get(0) + " and " + copy + ")"), twice[2]);

		// A known subset, on request: merged and recorded as partial.
		String[] partial = run("merge-runs", "--runs", a.get(0).toString(), a.get(2).toString(), "--allow-partial",
			"--out", dir.resolve("m").toString());
		assertEquals("0", partial[0], partial[2]);
		assertTrue(partial[1].contains("partial, without shards 2/3"), partial[1]);
		Summary s = Summary.read(dir.resolve("m/summary.json"));
		assertEquals(Boolean.TRUE, s.run.get("partial"));
		assertEquals(Collections.singletonList("2/3"), s.run.get("missing_shards"));
		RunIdentity merged = RunIdentity.read(dir.resolve("m"));
		assertEquals("1/1", merged.shard().toString());
		assertTrue(RunIdentity.read(a.get(0)).differences(merged, true).contains("missing_shards: (none) vs [\"2/3\"]"),
			RunIdentity.read(a.get(0)).differences(merged, true).toString());
	}

	@Test
	void mergeRunsRefusesAnUnfinishedShardUnlessPartialIsAllowed() throws IOException {
		List<Path> a = shards(0);
		recordRun(a.get(1), new Shard(2, 3), 0, "cancelled");
		String[] r = run("merge-runs", "--runs", a.get(0).toString(), a.get(1).toString(), a.get(2).toString(), "--out",
			dir.resolve("m").toString());
		assertEquals("1", r[0], r[2]);
		assertTrue(r[2].contains("shard 2/3 (" + a.get(1) + ") is cancelled"), r[2]);
	}

	@Test
	void outputsAreNotOverwrittenWithoutForce() throws IOException {
		List<Path> a = shards(0);
		Path out = dir.resolve("m");
		String[] first = run("merge-runs", "--runs", a.get(0).toString(), a.get(1).toString(), a.get(2).toString(),
			"--out", out.toString());
		assertEquals("0", first[0], first[2]);
		String[] again = run("merge-runs", "--runs", a.get(0).toString(), a.get(1).toString(), a.get(2).toString(),
			"--out", out.toString());
		assertEquals("2", again[0], again[2]);
		assertTrue(again[2].contains("--out " + out + " already holds summary.json, summary.csv, report.md, accuracy.png, predictions.jsonl, run.json; add --force"), again[2]);
		String[] forced = run("merge-runs", "--runs", a.get(0).toString(), a.get(1).toString(), a.get(2).toString(),
			"--out", out.toString(), "--force");
		assertEquals("0", forced[0], forced[2]);

		String[] score = run("score", "--predictions", out.resolve("predictions.jsonl").toString(), "--out", out.toString());
		assertEquals("2", score[0], score[2]);
		assertTrue(score[2].contains("add --force"), score[2]);
		assertEquals("0", run("score", "--predictions", out.resolve("predictions.jsonl").toString(), "--out",
			out.toString(), "--force")[0]);
	}

	private static String read(Path p) throws IOException {
		return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
	}

	@Test
	void scoreRecomputesTheRunnersSummary() throws IOException {
		List<Prediction> preds = SyntheticPredictions.make(120, 4, 1);
		Path runDir = dir.resolve("run");
		PredictionsFile.write(runDir.resolve("predictions.jsonl"), preds);
		Summary direct = RunReports.write(preds, dir.resolve("direct"), new ReportOptions().seed(3).resamples(999));
		String[] r = run("score", "--predictions", runDir.resolve("predictions.jsonl").toString(), "--out",
			dir.resolve("scored").toString(), "--seed", "3", "--resamples", "999");
		assertEquals("0", r[0], r[2]);
		assertTrue(r[1].contains("coarse " + RunReports.pct(direct.group("coarse").accuracy) + "% (95% CI "
			+ RunReports.interval(direct.group("coarse")) + ")"), r[1]);
		Summary scored = Summary.read(dir.resolve("scored/summary.json"));
		assertEquals(direct.groups.toString(), scored.groups.toString());
		assertEquals(read(dir.resolve("direct/summary.csv")), read(dir.resolve("scored/summary.csv")));
		assertTrue(Files.size(dir.resolve("scored/accuracy.png")) > 1000);
		// A run folder works as well, and a torn last line is reported, not fatal.
		Files.write(runDir.resolve("predictions.jsonl"), "{\"row\": 9".getBytes(StandardCharsets.UTF_8),
			StandardOpenOption.APPEND);
		r = run("score", "--predictions", runDir.toString(), "--out", dir.resolve("scored2").toString(), "--seed", "3",
			"--resamples", "999");
		assertEquals("0", r[0], r[2]);
		assertTrue(r[2].contains("incomplete last line"), r[2]);
		assertEquals(read(dir.resolve("scored/summary.csv")), read(dir.resolve("scored2/summary.csv")));
	}

	@Test
	void scoreImportsEvllmCsv() throws IOException {
		Path model = dir.resolve("outputs/GPT4o");
		Files.createDirectories(model);
		String prompt = "Answer with a single letter, no extra details.\nQuestion:Which stain?\nA) H&E\nB) DAPI\n" +
			"C) none of the above";
		String csv = "question_class,questions,image_id,correct_answer,correct_idx,model_answers\n" +
			"stain,\"" + prompt + "\",a.png,A) H&E,0,\"{'text': 'A'}\"\n" +
			"stain,\"" + prompt + "\",b.png,B) DAPI,1,\"{'text': 'A) H&E'}\"\n";
		Files.write(model.resolve("nirschl_et_al_2018.csv"), csv.getBytes(StandardCharsets.UTF_8));
		String[] r = run("score", "--predictions", model.toString(), "--out", dir.resolve("ev").toString());
		assertEquals("0", r[0], r[2]);
		Summary s = Summary.read(dir.resolve("ev/summary.json"));
		assertEquals("GPT4o", s.model);
		assertEquals(0.5, s.accuracy("coarse/stain"), 0.0);
		assertEquals("evllm", s.run.get("format"));
		assertEquals(2, PredictionsFile.read(dir.resolve("ev/predictions.jsonl")).size());
	}

	@Test
	void scoreFailsWithOneLine() {
		String[] r = run("score", "--predictions", dir.resolve("missing.jsonl").toString(), "--out", dir.toString());
		assertEquals("1", r[0]);
		assertTrue(r[2].startsWith("error: ") && r[2].contains("missing.jsonl"), r[2]);
		assertEquals("2", run("score", "--out", dir.toString())[0]);
	}

	/** Shards split by row % N, written in shuffled order, merge to exactly the unsharded summary. */
	@Test
	void mergedShardsEqualTheUnshardedRun() throws IOException {
		List<Prediction> all = SyntheticPredictions.make(150, 8, 0, 1);
		all.get(5).skipped = "unreadable_image";
		Summary whole = RunReports.write(all, dir.resolve("whole"), new ReportOptions().model("synthetic").seed(11)
			.resamples(999));
		int n = 3;
		List<String> args = new ArrayList<>();
		args.add("merge-runs");
		args.add("--runs");
		for (int k = 0; k < n; k++) {
			List<Prediction> shard = new ArrayList<>();
			for (Prediction p : all)
				if (p.row % n == k) shard.add(p);
			Collections.shuffle(shard, new Random(k));
			Path d = dir.resolve("shard" + k);
			PredictionsFile.write(d.resolve("predictions.jsonl"), shard);
			RunReports.write(shard, d, new ReportOptions().model("synthetic").seed(11).resamples(999));
			recordRun(d, new Shard(k + 1, n), 11, "finished");
			args.add(d.toString());
		}
		// A question repeated identically in two shards (a resumed shard) is fine.
		Files.write(dir.resolve("shard1/predictions.jsonl"),
			(PredictionsFile.toLine(all.get(0)) + "\n").getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
		args.add("--out");
		args.add(dir.resolve("merged").toString());
		String[] r = run(args.toArray(new String[0]));
		assertEquals("0", r[0], r[2]);
		Summary merged = Summary.read(dir.resolve("merged/summary.json"));
		assertEquals(whole.groups.toString(), merged.groups.toString());
		for (int i = 0; i < whole.groups.size(); i++) {
			assertEquals(whole.groups.get(i).ciLow, merged.groups.get(i).ciLow);
			assertEquals(whole.groups.get(i).ciHigh, merged.groups.get(i).ciHigh);
		}
		assertEquals(read(dir.resolve("whole/summary.csv")), read(dir.resolve("merged/summary.csv")));
		List<Prediction> back = PredictionsFile.read(dir.resolve("merged/predictions.jsonl"));
		assertEquals(all.size(), back.size());
		for (int i = 1; i < back.size(); i++)
			assertTrue(back.get(i - 1).row <= back.get(i).row);
	}

	@Test
	void conflictingDuplicateIsRefusedNamingTheRow() throws IOException {
		List<Prediction> a = SyntheticPredictions.make(4, 1, 1);
		List<Prediction> b = SyntheticPredictions.make(4, 1, 1);
		b.get(7).correct = !b.get(7).correct;
		PredictionsFile.write(dir.resolve("a/predictions.jsonl"), a);
		PredictionsFile.write(dir.resolve("b/predictions.jsonl"), b);
		recordRun(dir.resolve("a"), new Shard(1, 2), 0, "finished");
		recordRun(dir.resolve("b"), new Shard(2, 2), 0, "finished");
		String[] r = run("merge-runs", "--runs", dir.resolve("a").toString(), dir.resolve("b").toString(), "--out",
			dir.resolve("m").toString());
		assertEquals("1", r[0]);
		assertTrue(r[2].contains("row " + b.get(7).row + " question " + b.get(7).questionKey), r[2]);
	}
}
