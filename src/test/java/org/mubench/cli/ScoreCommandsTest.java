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
import org.mubench.eval.score.Summary;
import org.mubench.eval.score.SyntheticPredictions;

class ScoreCommandsTest {
	@TempDir
	Path dir;

	private static String[] run(String... args) {
		StringWriter out = new StringWriter(), err = new StringWriter();
		int code = MuBenchCli.execute(args, new PrintWriter(out), new PrintWriter(err));
		return new String[] { String.valueOf(code), out.toString(), err.toString() };
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
		assertTrue(r[1].contains("coarse " + RunReports.accPm(direct.group("coarse")) + "%"), r[1]);
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
		String[] r = run("merge-runs", "--runs", dir.resolve("a").toString(), dir.resolve("b").toString(), "--out",
			dir.resolve("m").toString());
		assertEquals("1", r[0]);
		assertTrue(r[2].contains("row " + b.get(7).row + " question " + b.get(7).questionKey), r[2]);
	}
}
