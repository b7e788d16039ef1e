/*-
 * #%L
 * The microscopy vision-language benchmark Micro-Bench (uBench) as a Fiji plugin suite and command line.
 * %%
 * Copyright (C) 2026 Micro-Bench for Fiji developers
 * %%
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 * 
 *      http://www.apache.org/licenses/LICENSE-2.0
 * 
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 * #L%
 */
package org.mubench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mubench.eval.Prediction;
import org.mubench.eval.journal.PredictionsFile;
import org.mubench.eval.score.GroupResult;
import org.mubench.eval.score.Summary;
import org.mubench.testdata.TestImages;
import org.mubench.testdata.TestShards;

class RunCommandTest {
	static final List<String> CLASSES = Arrays.asList("lymphocyte", "neutrophil", "basophil");

	@TempDir
	Path tmp;
	Path data;
	String out, err;

	@BeforeEach
	void shards() throws Exception {
		TestShards.Builder b = TestShards.builder().shards(2);
		for (int i = 0; i < 10; i++) {
			b.add(TestShards.typical(i, i < 5 ? "acevedo_et_al_2020" : "icpr2020_pollen", CLASSES.get(i % 3), CLASSES,
				TestImages.rgbPng(8, 8)));
		}
		data = tmp.resolve("data");
		b.writeTo(data);
	}

	private int run(String... args) {
		StringWriter o = new StringWriter(), e = new StringWriter();
		int code = MuBenchCli.execute(args, new PrintWriter(o), new PrintWriter(e));
		out = o.toString();
		err = e.toString();
		return code;
	}

	private Set<String> keys(Path dir) throws Exception {
		Set<String> keys = new HashSet<>();
		for (Prediction p : PredictionsFile.read(dir.resolve("predictions.jsonl"), null)) {
			assertTrue(keys.add(p.key()), "twice: " + p.key());
		}
		return keys;
	}

	@Test
	void runWritesPredictionsRunRecordAndSummary() throws Exception {
		Path o = tmp.resolve("out");
		assertEquals(0, run("run", "--dataset", data.toString(), "--model", "random", "--out", o.toString()), err);
		assertEquals(50, keys(o).size()); // 10 rows × 5 template-1 captions
		assertTrue(Files.exists(o.resolve("run.json")));
		for (String f : new String[] { "summary.json", "summary.csv", "report.md", "accuracy.png" })
			assertTrue(Files.exists(o.resolve(f)), f);
		assertTrue(out.contains("report: " + o.resolve("report.md")), out);
		assertTrue(out.contains("50 questions"), out);

		// A second run into the same folder is refused, with the way out in one line.
		assertEquals(1, run("run", "--dataset", data.toString(), "--model", "random", "--out", o.toString()));
		assertTrue(err.contains("--resume") && err.trim().split("\n").length == 1, err);

		// --resume has nothing left to do and leaves the file as it was.
		byte[] before = Files.readAllBytes(o.resolve("predictions.jsonl"));
		assertEquals(0, run("run", "--dataset", data.toString(), "--model", "random", "--out", o.toString(), "--resume"), err);
		assertTrue(Arrays.equals(before, Files.readAllBytes(o.resolve("predictions.jsonl"))));
	}

	@Test
	void shardsTasksTemplatesAndDatasets() throws Exception {
		Path whole = tmp.resolve("whole");
		assertEquals(0, run("run", "--dataset", data.toString(), "--model", "random:3", "--out", whole.toString(),
			"--templates", "0,1", "--tasks", "coarse", "--batch", "3"), err);
		Set<String> all = keys(whole);
		assertEquals(10 * 4 * 2, all.size()); // 4 coarse caption types × 2 templates
		Set<String> union = new HashSet<>();
		for (int k = 1; k <= 3; k++) {
			Path part = tmp.resolve("part" + k);
			assertEquals(0, run("run", "--dataset", data.toString(), "--model", "random:3", "--out", part.toString(),
				"--templates", "0,1", "--tasks", "coarse", "--shard", k + "/3"), err);
			for (String key : keys(part)) assertTrue(union.add(key), "in two shards: " + key);
		}
		assertEquals(all, union);

		// merge-runs joins the shards into a run that scores exactly like the unsharded one, CIs included.
		Path merged = tmp.resolve("merged");
		assertEquals(0, run("merge-runs", "--runs", tmp.resolve("part1").toString(), tmp.resolve("part2").toString(),
			tmp.resolve("part3").toString(), "--out", merged.toString()), err);
		Summary a = Summary.read(whole.resolve("summary.json")), b = Summary.read(merged.resolve("summary.json"));
		assertEquals(a.groups.size(), b.groups.size());
		assertTrue(a.groups.size() > 5);
		for (GroupResult g : a.groups) {
			GroupResult h = b.group(g.group);
			assertEquals(g.n, h.n, g.group);
			assertEquals(g.accuracy, h.accuracy, g.group);
			assertEquals(g.ciLow, h.ciLow, g.group);
			assertEquals(g.ciHigh, h.ciHigh, g.group);
		}

		Path pollen = tmp.resolve("pollen");
		assertEquals(0, run("run", "--dataset", data.toString(), "--model", "random", "--out", pollen.toString(),
			"--datasets", "icpr2020_pollen", "--tasks", "fine", "--limit", "3"), err);
		Set<String> expected = new HashSet<>(Arrays.asList("5/classification_1", "6/classification_1", "7/classification_1"));
		assertEquals(expected, keys(pollen));
	}

	@Test
	void badUsageIsExitCodeTwo() {
		assertEquals(2, run("run", "--dataset", data.toString(), "--model", "random", "--out", "x", "--shard", "4/3"));
		assertTrue(err.contains("4/3"), err);
		assertEquals(2, run("run", "--dataset", data.toString(), "--model", "random", "--out", "x", "--question-set", "all"));
		assertEquals(2, run("run", "--model", "random", "--out", "x"));
		assertEquals(2, run("run", "--dataset", data.toString(), "--model", "random", "--out", "x", "--tasks", "coarse,polen"));
		assertTrue(err.contains("polen"), err);
		assertEquals(1, run("run", "--dataset", data.toString(), "--model", "no-such-model", "--out",
			tmp.resolve("nm").toString()));
		assertTrue(err.contains("no-such-model"), err);
	}

	/** --variant picks the model's onnx/*_NAME.onnx files, and says which variants the folder has when one is missing. */
	@Test
	void variantChoosesTheModelFiles() throws Exception {
		Path model = tmp.resolve("tiny");
		assertEquals(0, run("make-tiny-model", "--out", model.toString()), err);
		assertEquals(1, run("run", "--dataset", data.toString(), "--model", model.toString(), "--variant", "quantized",
			"--out", tmp.resolve("v1").toString()));
		assertTrue(err.contains("quantized"), err);
		for (String tower : new String[] { "vision_model", "text_model" })
			Files.copy(model.resolve("onnx/" + tower + ".onnx"), model.resolve("onnx/" + tower + "_quantized.onnx"));
		assertEquals(0, run("run", "--dataset", data.toString(), "--model", model.toString(), "--variant", "quantized",
			"--out", tmp.resolve("v2").toString(), "--limit", "2"), err);
		assertEquals(10, keys(tmp.resolve("v2")).size());
	}

	/** --image-streams reaches the model, and run.json records how the model ran (it is not part of the identity). */
	@Test
	void imageStreamsAreChosenAndRecorded() throws Exception {
		Path model = tmp.resolve("tiny-streams");
		assertEquals(0, run("make-tiny-model", "--out", model.toString()), err);
		for (int streams : new int[] { 1, 2 }) {
			Path out = tmp.resolve("streams" + streams);
			assertEquals(0, run("run", "--dataset", data.toString(), "--model", model.toString(), "--threads", "2",
				"--image-streams", Integer.toString(streams), "--limit", "3", "--out", out.toString()), err);
			com.fasterxml.jackson.databind.JsonNode info = new com.fasterxml.jackson.databind.ObjectMapper()
				.readTree(out.resolve("run.json").toFile()).path("model_info");
			assertEquals(streams, info.path("image_streams").asInt(), info.toString());
			assertEquals(2 / streams, info.path("threads_per_image_stream").asInt(), info.toString());
		}
		assertEquals(Files.readString(tmp.resolve("streams1/predictions.jsonl")), Files.readString(tmp.resolve("streams2/predictions.jsonl")));
		assertEquals(2, run("run", "--dataset", data.toString(), "--model", model.toString(), "--image-streams", "-1",
			"--out", tmp.resolve("streams-bad").toString()));
		assertTrue(err.contains("--image-streams"), err);
	}

	@Test
	void anUnknownSourceDatasetIsBadUsageListingTheKnownOnes() {
		assertEquals(2, run("run", "--dataset", data.toString(), "--model", "random", "--out", tmp.resolve("u").toString(),
			"--datasets", "icpr2020_pollen,nosuchds"));
		assertTrue(err.contains("error: --datasets: 'nosuchds' is not a source dataset of " + data
			+ ", which has: acevedo_et_al_2020, icpr2020_pollen"), err);
		assertTrue(!java.nio.file.Files.exists(tmp.resolve("u")), "nothing written");
	}

	@Test
	void aUsageErrorIsItsLineAndAPointerToHelp() {
		assertEquals(2, run("run", "--dataset", data.toString(), "--model", "random"));
		String[] lines = err.trim().split("\\R");
		assertEquals(2, lines.length, err);
		assertEquals("error: Missing required option: '--out=DIR'", lines[0]);
		assertEquals("See 'mubench run --help' for the options.", lines[1]);
	}

	@Test
	void resumeContinuesOnlyTheSameRun() throws Exception {
		Path o = tmp.resolve("r");
		assertEquals(0, run("run", "--dataset", data.toString(), "--model", "random", "--out", o.toString(), "--shard", "1/2"),
			err);
		int before = keys(o).size();
		String[] other = { "random:5", "--shard", "1/2" };
		assertEquals(1, run("run", "--dataset", data.toString(), "--model", other[0], "--out", o.toString(), other[1],
			other[2], "--resume"));
		assertTrue(err.contains("error: " + o + " holds another run (recorded vs now: model_settings.seed: 0 vs 5)"), err);
		assertEquals(1, run("run", "--dataset", data.toString(), "--model", "random", "--out", o.toString(), "--shard", "2/2",
			"--resume"));
		assertTrue(err.contains("shard: 1/2 vs 2/2"), err);
		assertEquals(1, run("run", "--dataset", data.toString(), "--model", "random", "--out", o.toString(), "--shard", "1/2",
			"--tasks", "coarse", "--resume"));
		assertTrue(err.contains("tasks: [] vs [\"coarse\"]"), err);
		assertEquals(before, keys(o).size(), "nothing appended by a refused resume");
		// The same run, a larger batch: continues.
		assertEquals(0, run("run", "--dataset", data.toString(), "--model", "random", "--out", o.toString(), "--shard", "1/2",
			"--batch", "7", "--resume"), err);
		// A folder of predictions with no identity (an older version's run) is not resumed blindly.
		java.nio.file.Files.delete(o.resolve("run.json"));
		assertEquals(1, run("run", "--dataset", data.toString(), "--model", "random", "--out", o.toString(), "--shard", "1/2",
			"--resume"));
		assertTrue(err.contains("holds predictions but no record of the run"), err);
	}

	@Test
	void theDatasetsFilesAreFingerprinted() throws Exception {
		Path o = tmp.resolve("fp");
		assertEquals(0, run("run", "--dataset", data.toString(), "--model", "random", "--out", o.toString()), err);
		// The same data changed: another run.
		Path shard;
		try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(data)) {
			shard = files.filter(f -> f.toString().endsWith(".arrow")).sorted().findFirst().get();
		}
		byte[] bytes = java.nio.file.Files.readAllBytes(shard);
		bytes[bytes.length / 2] ^= 1;
		java.nio.file.Files.write(shard, bytes);
		assertEquals(1, run("run", "--dataset", data.toString(), "--model", "random", "--out", o.toString(), "--resume"));
		assertTrue(err.contains("dataset_files: "), err);
	}
}
