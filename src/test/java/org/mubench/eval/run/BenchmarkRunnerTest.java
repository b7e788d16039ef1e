package org.mubench.eval.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mubench.eval.run.RunnerTestSupport.byKey;
import static org.mubench.eval.run.RunnerTestSupport.options;
import static org.mubench.eval.run.RunnerTestSupport.read;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mubench.data.Cancellation;
import org.mubench.data.Question;
import org.mubench.data.Sample;
import org.mubench.eval.Prediction;
import org.mubench.eval.report.PredictionsFile;
import org.mubench.model.random.RandomModel;

import com.fasterxml.jackson.databind.JsonNode;

class BenchmarkRunnerTest {
	@TempDir
	Path tmp;

	private RunResult runRandom(Path out, RunOptions o, int rows) {
		return new BenchmarkRunner(o).run(new MemoryDataset(MemoryDataset.generate(rows)), new RandomModel(7));
	}

	@Test
	void randomModelAnswersTemplateOneCaptionsByDefault() throws Exception {
		Path out = tmp.resolve("run");
		RunResult r = runRandom(out, options(out), 10);
		List<Prediction> ps = read(out);
		assertEquals(40, ps.size()); // 10 rows × 4 caption types of template 1
		assertEquals(40, r.predictions);
		RandomModel m = new RandomModel(7);
		for (Prediction p : ps) {
			assertTrue(p.questionKey.endsWith("_1"), p.questionKey);
			assertEquals(1, p.template);
			assertEquals(m.pick(p.row, p.questionKey, p.options.size()), p.predIdx);
			assertEquals(p.predIdx == p.answerIdx, p.correct);
			assertNull(p.scores);
			assertNull(p.skipped);
			assertEquals("random", p.model);
		}
		byKey(ps);
		Prediction first = ps.get(0);
		assertEquals(0, first.row);
		assertEquals("img0", first.imageId);
		assertEquals("kather_et_al_2016", first.dataset);
		assertEquals("pathology", first.domain);
		assertEquals("domain", first.task);
		Prediction cls = ps.get(3);
		assertEquals("classification_1", cls.questionKey);
		assertEquals("colorectal_cancer_texture", cls.task);
		assertEquals(RunResult.Status.FINISHED, r.status);
		JsonNode run = RunnerTestSupport.JSON.readTree(out.resolve("run.json").toFile());
		assertEquals("finished", run.get("status").asText());
		assertEquals(40, run.get("session").get("predictions").asLong());
	}

	@Test
	void templatesTasksDatasetsAndLimitSelectQuestions() {
		Path out = tmp.resolve("both");
		RunOptions o = options(out);
		o.templates = Arrays.asList(0, 1);
		o.tasks = Arrays.asList("coarse");
		o.datasets = Arrays.asList("acevedo_et_al_2020", "icpr2020_pollen");
		o.limit = 5;
		runRandom(out, o, 30);
		List<Prediction> ps = read(out);
		Set<Long> rows = new HashSet<>();
		for (Prediction p : ps) {
			rows.add(p.row);
			assertFalse(p.questionKey.startsWith("classification"), p.questionKey);
			assertTrue(p.row % 3 != 0, "dataset filter: " + p.row);
		}
		assertEquals(new HashSet<>(Arrays.asList(1L, 2L, 4L, 5L, 7L)), rows);
		assertEquals(5 * 3 * 2, ps.size()); // 5 rows × 3 coarse types × 2 templates

		assertEquals(Arrays.asList("polen"), BenchmarkRunner.unknownTaskSelectors(Arrays.asList("Coarse", "pollen-grains",
			"White blood cell types", "modality", "pathology", "polen")));

		Path patho = tmp.resolve("pathology");
		RunOptions po = options(patho);
		po.tasks = Arrays.asList("pathology");
		runRandom(patho, po, 6);
		for (Prediction p : read(patho)) assertEquals(0, p.row % 2); // even rows are the pathology domain
		assertEquals(12, read(patho).size());

		Path gen = tmp.resolve("generative-set");
		RunOptions g = options(gen);
		g.questionSet = QuestionSet.QUESTIONS;
		g.tasks = Arrays.asList("white blood cell types");
		runRandom(gen, g, 9);
		List<Prediction> gs = read(gen);
		assertEquals(3, gs.size()); // rows 1, 4, 7 are acevedo_et_al_2020
		for (Prediction p : gs) {
			assertEquals("classification", p.questionKey);
			assertEquals(-1, p.template);
		}
	}

	@Test
	void contrastiveScoresAreScaledSimilaritiesAndEachInputIsEmbeddedOnce() {
		Path out = tmp.resolve("clip");
		RunOptions o = options(out);
		o.templates = Arrays.asList(0, 1);
		FakeClip clip = new FakeClip();
		int rows = 24;
		List<Sample> samples = MemoryDataset.generate(rows);
		RunResult r = new BenchmarkRunner(o).answerer(new ContrastiveAnswerer(clip, FakeClip.PREPARER))
			.run(new MemoryDataset(samples), clip);
		List<Prediction> ps = read(out);
		assertEquals(rows * 8, ps.size());
		assertEquals(rows, clip.imagesEmbedded); // once per image for all its 8 questions
		assertEquals(rows / o.batchSize, clip.imageCalls); // one call per batch
		assertEquals(new HashSet<>(clip.textsEmbedded).size(), clip.textsEmbedded.size()); // each text once
		Set<String> distinct = new HashSet<>();
		for (Sample s : samples) for (Question q : s.captions.values()) distinct.addAll(q.options);
		assertEquals(distinct, new HashSet<>(clip.textsEmbedded));
		assertTrue(clip.textCalls <= rows / o.batchSize, "one text call per batch at most");
		for (Prediction p : ps) {
			int n = p.options.size();
			// Image of row r embeds to e_(3r mod 8); option i < n-1 mentions class (r+i) mod 8, so it matches iff
			// i ≡ 2r (mod 8); otherwise "none of the above" (score 100/√8 ≈ 35.4) beats the zeros.
			int match = (int) (2 * p.row % 8);
			int expected = match <= n - 2 ? match : n - 1;
			assertEquals(expected, p.predIdx, p.key());
			assertEquals(p.predIdx == p.answerIdx, p.correct);
			assertEquals(n, p.scores.length);
			for (int i = 0; i < n - 1; i++) assertEquals(i == match ? 100.0 : 0.0, p.scores[i], 1e-9, p.key());
			assertEquals(100 / Math.sqrt(8), p.scores[n - 1], 1e-4);
		}
		assertEquals(RunnerTestSupport.correct(ps), r.correct);
	}

	@Test
	void tiesGoToTheLowestIndex() {
		Sample.Builder b = Sample.builder(0);
		b.imageBytes = new byte[] { 2 };
		b.dataset = "x";
		b.captions.put("stain_1", new Question("stain_1", "s", "stain", "t", null, 1,
			Arrays.asList("A class 5.", "B class 2.", "C class 2.", "none of the above"), null));
		Path out = tmp.resolve("ties");
		FakeClip clip = new FakeClip();
		new BenchmarkRunner(options(out)).answerer(new ContrastiveAnswerer(clip, FakeClip.PREPARER))
			.run(new MemoryDataset(Arrays.asList(b.build())), clip);
		Prediction p = read(out).get(0);
		assertEquals(1, p.predIdx);
		assertTrue(p.correct);
		assertEquals(p.scores[1], p.scores[2]);
	}

	@Test
	void unreadableImageIsSkippedCountedAndLoggedOnce() {
		List<Sample> samples = new ArrayList<>(MemoryDataset.generate(6));
		Sample.Builder bad = Sample.builder(6);
		bad.imageId = "broken";
		bad.dataset = "kather_et_al_2016";
		bad.imageBytes = new byte[] { 99 };
		bad.captions.putAll(samples.get(0).captions);
		samples.add(3, bad.build());
		Path out = tmp.resolve("bad");
		FakeClip clip = new FakeClip();
		RunnerTestSupport.Recorder rec = new RunnerTestSupport.Recorder();
		RunResult r = new BenchmarkRunner(options(out)).listener(rec)
			.answerer(new ContrastiveAnswerer(clip, FakeClip.PREPARER)).run(new MemoryDataset(samples), clip);
		List<Prediction> ps = read(out);
		assertEquals(7 * 4, ps.size());
		long skipped = 0;
		for (Prediction p : ps) {
			if (p.row == 6) {
				assertEquals("unreadable_image", p.skipped);
				assertEquals(-1, p.predIdx);
				assertFalse(p.correct);
				skipped++;
			}
			else assertNull(p.skipped);
		}
		assertEquals(4, skipped);
		assertEquals(Long.valueOf(4), r.skipped.get("unreadable_image"));
		assertEquals(6, clip.imagesEmbedded);
		long mentions = rec.logs.stream().filter(l -> l.contains("image_id broken")).count();
		assertEquals(1, mentions, rec.logs.toString());
	}

	@Test
	void shardsPartitionTheQuestions() {
		int rows = 23;
		Path whole = tmp.resolve("whole");
		runRandom(whole, options(whole), rows);
		Map<String, Prediction> all = byKey(read(whole));
		Map<String, Prediction> union = new java.util.TreeMap<>();
		for (int k = 1; k <= 3; k++) {
			Path out = tmp.resolve("shard" + k);
			RunOptions o = options(out);
			o.shard = new Shard(k, 3);
			runRandom(out, o, rows);
			for (Prediction p : read(out)) {
				assertEquals(k - 1, p.row % 3);
				assertNull(union.put(p.key(), p), "in two shards: " + p.key());
			}
		}
		assertEquals(all.keySet(), union.keySet());
		for (String key : all.keySet()) assertEquals(all.get(key).predIdx, union.get(key).predIdx, key);
		assertEquals(8, new Shard(1, 3).rowsOf(23));
		assertEquals(7, new Shard(3, 3).rowsOf(23));
		assertEquals("2/5", Shard.parse(" 2/5 ").toString());
		assertThrows(IllegalArgumentException.class, () -> Shard.parse("0/5"));
		assertThrows(IllegalArgumentException.class, () -> Shard.parse("6/5"));
		assertThrows(IllegalArgumentException.class, () -> Shard.parse("3"));
	}

	@Test
	void existingPredictionsNeedResume() throws Exception {
		Path out = tmp.resolve("again");
		runRandom(out, options(out), 4);
		IllegalStateException e = assertThrows(IllegalStateException.class, () -> runRandom(out, options(out), 4));
		assertTrue(e.getMessage().contains("--resume"), e.getMessage());
		RunOptions o = options(out);
		o.resume = true;
		RunResult r = runRandom(out, o, 4);
		assertEquals(0, r.predictions); // nothing left to do
		assertEquals(16, r.resumedPredictions);
		assertEquals(16, read(out).size());
	}

	@Test
	void resumeAfterTornLineGivesTheUninterruptedResult() throws Exception {
		int rows = 20;
		Path whole = tmp.resolve("whole");
		runRandom(whole, options(whole), rows);
		List<String> reference = Files.readAllLines(BenchmarkRunner.predictionsFile(whole));

		Path out = tmp.resolve("torn");
		Files.createDirectories(out);
		Path file = BenchmarkRunner.predictionsFile(out);
		// The first 30 complete lines, then half of the 31st without its newline: what kill -9 mid-write leaves.
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < 30; i++) sb.append(reference.get(i)).append('\n');
		sb.append(reference.get(30), 0, reference.get(30).length() / 2);
		Files.write(file, sb.toString().getBytes("UTF-8"));
		// The killed run had recorded what it was (run.json is written before the first batch).
		Files.copy(whole.resolve(RunRecord.FILE), out.resolve(RunRecord.FILE));
		int tornBytes = reference.get(30).length() / 2;
		assertEquals(30, PredictionsFile.read(file, null).size());

		RunOptions o = options(out);
		o.resume = true;
		RunResult r = runRandom(out, o, rows);
		assertEquals(30, r.resumedPredictions);
		assertEquals(tornBytes, r.tornBytesDropped);
		List<String> resumed = Files.readAllLines(file);
		assertEquals(reference.size(), resumed.size());
		assertEquals(new HashSet<>(reference), new HashSet<>(resumed)); // same lines, each once
		assertEquals(byKey(read(whole)).keySet(), byKey(read(out)).keySet());
	}

	@Test
	void aFullDiskFailsTheRunWithOneLineAndRecordsIt() throws Exception {
		Path full = java.nio.file.Paths.get("/dev/full");
		org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(full), "needs /dev/full (Linux)");
		Path out = tmp.resolve("full");
		Files.createDirectories(out);
		// Every write to the predictions file fails with ENOSPC, as on a full disk.
		Files.createSymbolicLink(BenchmarkRunner.predictionsFile(out), full);
		java.io.UncheckedIOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.UncheckedIOException.class,
			() -> runRandom(out, options(out), 20));
		assertTrue(e.getMessage().contains("cannot append predictions") && e.getMessage().contains("No space left"),
			e.getMessage());
		JsonNode record = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.resolve(RunRecord.FILE).toFile());
		assertEquals("failed", record.path("status").asText(), record.toString());
		assertEquals("random", record.path(RunIdentity.KEY).path("model").asText(), record.toString());
	}

	@Test
	void resumingWithAnotherModelIsRefusedAndAppendsNothing() throws Exception {
		Path out = tmp.resolve("other");
		runRandom(out, options(out), 10);
		long size = Files.size(BenchmarkRunner.predictionsFile(out));
		RunOptions o = options(out);
		o.resume = true;
		IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
			() -> new BenchmarkRunner(o).run(new MemoryDataset(MemoryDataset.generate(10)), new RandomModel(8)));
		assertEquals(out + " holds another run (recorded vs now: model_settings.seed: 7 vs 8); to continue it repeat its "
			+ "settings, otherwise choose another output folder", e.getMessage());
		assertEquals(size, Files.size(BenchmarkRunner.predictionsFile(out)));
	}

	@Test
	void cancellationStopsBetweenBatchesAndLeavesAValidFile() throws Exception {
		Path out = tmp.resolve("cancel");
		RunOptions o = options(out);
		Cancellation cancel = new Cancellation();
		// Cancel as soon as the second batch is on disk.
		org.mubench.data.ProgressListener l = (done, total, msg) -> {
			if (done >= 2 * o.batchSize) cancel.cancel();
		};
		RunResult r = new BenchmarkRunner(o).listener(l).cancellation(cancel)
			.run(new MemoryDataset(MemoryDataset.generate(40)), new RandomModel(7));
		assertEquals(RunResult.Status.CANCELLED, r.status);
		List<String> lines = Files.readAllLines(BenchmarkRunner.predictionsFile(out));
		assertEquals(2 * o.batchSize * 4, lines.size()); // exactly two whole batches of 4 rows × 4 questions
		byte[] bytes = Files.readAllBytes(BenchmarkRunner.predictionsFile(out));
		assertEquals('\n', bytes[bytes.length - 1]);
		assertEquals(32, read(out).size()); // every line parses
		JsonNode run = RunnerTestSupport.JSON.readTree(out.resolve("run.json").toFile());
		assertEquals("cancelled", run.get("status").asText());

		RunOptions again = options(out);
		again.resume = true;
		runRandom(out, again, 40);
		Path whole = tmp.resolve("whole");
		runRandom(whole, options(whole), 40);
		assertEquals(byKey(read(whole)).keySet(), byKey(read(out)).keySet());
		assertEquals(RunnerTestSupport.correct(read(whole)), RunnerTestSupport.correct(read(out)));
	}

	@Test
	void modelErrorsSkipOnlyTheFailingItem() {
		Path out = tmp.resolve("errors");
		FakeClip clip = new FakeClip() {
			@Override
			public synchronized float[][] embedImages(List<float[]> pixels) {
				for (float[] p : pixels) if (p[0] == 7) throw new IllegalStateException("tensor exploded");
				return super.embedImages(pixels);
			}
		};
		RunnerTestSupport.Recorder rec = new RunnerTestSupport.Recorder();
		RunResult r = new BenchmarkRunner(options(out)).listener(rec)
			.answerer(new ContrastiveAnswerer(clip, FakeClip.PREPARER)).run(new MemoryDataset(MemoryDataset.generate(16)), clip);
		// Image byte 3r mod 8 = 7 for rows 5 and 13, both after the first batch (rows 0–3) succeeded.
		assertEquals(Long.valueOf(8), r.skipped.get("model_error"));
		for (Prediction p : read(out)) assertEquals(p.row == 5 || p.row == 13, "model_error".equals(p.skipped), p.key());
		assertEquals(14, clip.imagesEmbedded); // the other images of the failing batches were answered one by one
		assertTrue(rec.logs.stream().anyMatch(s -> s.contains("tensor exploded")));
	}

	@Test
	void aFailureInTheFirstBatchStopsTheRun() {
		Path out = tmp.resolve("first-batch");
		FakeClip clip = new FakeClip() {
			@Override
			public synchronized float[][] embedImages(List<float[]> pixels) {
				throw new IllegalStateException("vision_model.onnx: input pixel_values expects 336x336; check the model folder");
			}
		};
		IllegalStateException e = assertThrows(IllegalStateException.class, () -> new BenchmarkRunner(options(out))
			.answerer(new ContrastiveAnswerer(clip, FakeClip.PREPARER)).run(new MemoryDataset(MemoryDataset.generate(8)), clip));
		assertTrue(e.getMessage().startsWith("vision_model.onnx"));
		assertEquals(0, read(out).size());
	}

	@Test
	void aModelThatNeverWorksFailsTheRun() {
		Path out = tmp.resolve("broken-model");
		FakeClip clip = new FakeClip() {
			@Override
			public synchronized float[][] embedTexts(List<String> texts) {
				throw new IllegalStateException("text tower missing");
			}
		};
		IllegalStateException e = assertThrows(IllegalStateException.class, () -> new BenchmarkRunner(options(out))
			.answerer(new ContrastiveAnswerer(clip, FakeClip.PREPARER)).run(new MemoryDataset(MemoryDataset.generate(8)), clip));
		assertEquals("text tower missing", e.getMessage());
	}

	@Test
	void aBrokenStreamEndsTheRunKeepingEveryRowReadBefore() throws Exception {
		Path out = tmp.resolve("truncated");
		List<Sample> samples = MemoryDataset.generate(10);
		MemoryDataset broken = new MemoryDataset(samples) {
			@Override
			public org.mubench.data.SampleStream samples() {
				org.mubench.data.SampleStream inner = super.samples();
				return new org.mubench.data.SampleStream() {
					int n;

					@Override
					public boolean hasNext() {
						return inner.hasNext();
					}

					@Override
					public Sample next() {
						if (n++ == 6) throw new org.mubench.data.DatasetException("shard 1 is truncated after row 5; download it again");
						return inner.next();
					}

					@Override
					public void close() {}
				};
			}
		};
		org.mubench.data.DatasetException e = assertThrows(org.mubench.data.DatasetException.class,
			() -> new BenchmarkRunner(options(out)).run(broken, new RandomModel(7)));
		assertTrue(e.getMessage().contains("truncated"), e.getMessage());
		Set<Long> rows = new HashSet<>();
		for (Prediction p : read(out)) rows.add(p.row);
		assertEquals(new HashSet<>(Arrays.asList(0L, 1L, 2L, 3L, 4L, 5L)), rows); // rows 4 and 5 were a partial batch
		JsonNode run = RunnerTestSupport.JSON.readTree(out.resolve("run.json").toFile());
		assertEquals("failed", run.get("status").asText());
	}

	@Test
	void pluginsPickTheAnswerer() {
		assertTrue(BenchmarkRunner.answererFor(new RandomModel(1), new RunOptions()) instanceof RandomAnswerer);
		assertTrue(BenchmarkRunner.answererFor(new FakeClip(), new RunOptions()) instanceof ContrastiveAnswerer);
		org.mubench.model.VisionLanguageModel unknown = new org.mubench.model.VisionLanguageModel() {
			@Override
			public String name() {
				return "odd";
			}

			@Override
			public void close() {}
		};
		org.mubench.model.ModelException e = assertThrows(org.mubench.model.ModelException.class,
			() -> BenchmarkRunner.answererFor(unknown, new RunOptions()));
		assertTrue(e.getMessage().contains("odd"), e.getMessage());
	}

	@Test
	void scoresSurviveTheJsonRoundTrip() {
		Path out = tmp.resolve("json");
		FakeClip clip = new FakeClip();
		new BenchmarkRunner(options(out)).answerer(new ContrastiveAnswerer(clip, FakeClip.PREPARER))
			.run(new MemoryDataset(MemoryDataset.generate(3)), clip);
		for (Prediction p : read(out)) {
			double[] expected = new double[p.options.size()];
			for (int i = 0; i < expected.length; i++) {
				float[] t = FakeClip.textVector(p.options.get(i));
				expected[i] = FakeClip.SCALE * (double) t[(int) (3 * p.row % 8)];
			}
			assertArrayEquals(expected, p.scores, 1e-12);
		}
	}
}
