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
package org.mubench.eval.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mubench.eval.Prediction;
import org.mubench.eval.journal.PredictionsFile;
import org.mubench.eval.report.ReportOptions;
import org.mubench.eval.report.RunReports;
import org.mubench.eval.score.Scorer;
import org.mubench.eval.score.Summary;
import org.mubench.eval.score.SyntheticPredictions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class RunComparisonTest {
	@TempDir
	Path tmp;

	private Path run(String name, List<Prediction> predictions, boolean withSummary) throws IOException {
		Path dir = tmp.resolve(name);
		Files.createDirectories(dir);
		for (Prediction p : predictions)
			p.model = name;
		PredictionsFile.write(dir.resolve(PredictionsFile.FILE_NAME), predictions);
		if (withSummary) {
			ReportOptions o = new ReportOptions();
			o.resamples = 199;
			o.chart = false;
			RunReports.write(predictions, dir, o);
		}
		return dir;
	}

	private static RunComparison.Options options(Path... runs) {
		RunComparison.Options o = new RunComparison.Options();
		o.runs.addAll(Arrays.asList(runs));
		o.resamples = 999;
		return o;
	}

	private static RunComparison.Pair pair(RunComparison.Result r, String a, String b, String group) {
		for (RunComparison.Pair p : r.pairs)
			if (p.a.equals(a) && p.b.equals(b) && p.group.equals(group)) return p;
		throw new AssertionError("no pair " + a + " / " + b + " / " + group);
	}

	@Test
	void exactDifferencesOverSharedQuestions() throws IOException {
		List<Prediction> pa = SyntheticPredictions.make(35, 1, 1), pb = SyntheticPredictions.make(35, 2, 1);
		Path a = run("model-a", pa, true), b = run("model-b", pb, true);
		RunComparison.Result r = RunComparison.compare(options(a, b), null, null);
		assertEquals(Arrays.asList("model-a", "model-b"), Arrays.asList(r.runs.get(0).label, r.runs.get(1).label));
		Summary sa = Summary.read(a.resolve("summary.json")), sb = Summary.read(b.resolve("summary.json"));
		for (String g : new String[] { "coarse", "fine", "fine_paper", "coarse/stain", "pathology",
			"dataset/opencell" }) {
			RunComparison.Pair p = pair(r, "model-a", "model-b", g);
			// Both runs answered every question: the paired difference is the difference of the run accuracies.
			assertEquals(sb.group(g).accuracy - sa.group(g).accuracy, p.diff, 1e-12, g);
			assertEquals(sa.group(g).n, p.n, g);
			long onlyA = 0, onlyB = 0;
			for (int i = 0; i < pa.size(); i++) {
				if (!Scorer.pooledGroupsOf(pa.get(i)).contains(g) && !Scorer.paperGroupsOf(pa.get(i)).contains(g)) continue;
				if (pa.get(i).correct && !pb.get(i).correct) onlyA++;
				if (pb.get(i).correct && !pa.get(i).correct) onlyB++;
			}
			assertEquals(onlyA, p.onlyA, g);
			assertEquals(onlyB, p.onlyB, g);
			assertEquals((double) (onlyB - onlyA) / p.n, p.diff, 1e-12, g);
			assertEquals(PairedTests.exactMcNemar(onlyA, onlyB), p.pValue, 0, g);
			assertEquals(p.pValue, p.pHolm, 0, "one pair per group: Holm changes nothing");
			assertTrue(p.ciLow <= p.diff + 1e-12 && p.diff <= p.ciHigh + 1e-12, g);
		}
		// Macro and count-only groups are not paired; the table still shows macro groups.
		assertFalse(r.pairs.stream().anyMatch(p -> p.group.startsWith("macro/")));
		assertTrue(r.tableGroups.contains("macro/coarse"));
		assertEquals("coarse_paper", r.tableGroups.get(0), "headline groups first: the paper totals");
		assertTrue(r.notes.isEmpty(), r.notes.toString());
	}

	@Test
	void runsThatDoNotShareAllQuestions() throws IOException {
		List<Prediction> pa = SyntheticPredictions.make(30, 1, 1);
		List<Prediction> pb = new ArrayList<>();
		for (Prediction p : SyntheticPredictions.make(30, 2, 1))
			if (p.row < 25) pb.add(p);
		// One question b skipped, and a question only b has (a row a never reached).
		pb.get(0).skipped = "image_unreadable";
		Prediction extra = SyntheticPredictions.make(31, 2, 1).get(30 * 6);
		pb.add(extra);
		Path a = run("a", pa, true), b = run("b", pb, false);
		RunComparison.Result r = RunComparison.compare(options(a, b), null, null);
		RunComparison.Overlap ov = r.overlaps.get(0);
		assertEquals(25 * 6 - 1, ov.shared);
		assertEquals(30 * 6 - ov.shared, ov.onlyInA);
		assertEquals(1, ov.onlyInB);
		assertEquals(1, r.runs.get(1).skipped);
		assertTrue(r.notes.stream().anyMatch(n -> n.contains("b skipped 1")), r.notes.toString());
		assertTrue(r.notes.stream().anyMatch(n -> n.contains("share " + ov.shared)), r.notes.toString());
		// Recompute the coarse pair by hand over the shared questions.
		Map<String, Prediction> byKey = new HashMap<>();
		for (Prediction p : pb)
			if (p.skipped == null) byKey.put(p.key(), p);
		long n = 0, onlyA = 0, onlyB = 0;
		for (Prediction p : pa) {
			Prediction q = byKey.get(p.key());
			if (q == null || !Scorer.pooledGroupsOf(p).contains("coarse")) continue;
			n++;
			if (p.correct && !q.correct) onlyA++;
			if (q.correct && !p.correct) onlyB++;
		}
		RunComparison.Pair coarse = pair(r, "a", "b", "coarse");
		assertEquals(n, coarse.n);
		assertEquals((double) (onlyB - onlyA) / n, coarse.diff, 1e-15);
		assertEquals(coarse.accuracyB - coarse.accuracyA, coarse.diff, 1e-12);
	}

	@Test
	void holmAcrossThePairsOfOneGroupAndReferences() throws IOException {
		Path a = run("a", SyntheticPredictions.make(30, 1, 1), true);
		Path b = run("b", SyntheticPredictions.make(30, 2, 1), true);
		Path c = run("c", SyntheticPredictions.make(30, 3, 1), true);
		RunComparison.Result r = RunComparison.compare(options(a, b, c), null, null);
		List<RunComparison.Pair> coarse = new ArrayList<>();
		for (RunComparison.Pair p : r.pairs)
			if (p.group.equals("coarse")) coarse.add(p);
		assertEquals(3, coarse.size());
		double[] raw = coarse.stream().mapToDouble(p -> p.pValue).toArray();
		double[] holm = PairedTests.holm(raw);
		for (int i = 0; i < 3; i++)
			assertEquals(holm[i], coarse.get(i).pHolm, 0);
		// With a reference run only the pairs that include it, the reference as a.
		RunComparison.Options o = options(a, b, c);
		o.references.add(2);
		RunComparison.Result ref = RunComparison.compare(o, null, null);
		assertEquals(Arrays.asList("c|a", "c|b"), ref.pairs.stream().filter(p -> p.group.equals("coarse"))
			.map(p -> p.a + "|" + p.b).collect(java.util.stream.Collectors.toList()));
		// Per-pair streams: the a/b pair has the same CI whether or not c was compared too.
		RunComparison.Pair ab3 = pair(r, "a", "b", "coarse");
		RunComparison.Pair ab2 = pair(RunComparison.compare(options(a, b), null, null), "a", "b", "coarse");
		assertEquals(ab2.ciLow, ab3.ciLow, 0);
		assertEquals(ab2.ciHigh, ab3.ciHigh, 0);
	}

	@Test
	void reportFilesAndSelfContainedPage() throws IOException {
		Path a = run("same", SyntheticPredictions.make(30, 1, 1), true);
		Path b = run("other", SyntheticPredictions.make(30, 2, 1), true);
		Files.write(a.resolve("run.json"), "{\"dataset\":\"/data/one\"}".getBytes(StandardCharsets.UTF_8));
		Files.write(b.resolve("run.json"), "{\"dataset\":\"/data/two\"}".getBytes(StandardCharsets.UTF_8));
		RunComparison.Result r = RunComparison.compare(options(a, b), null, null);
		assertTrue(r.notes.stream().anyMatch(n -> n.startsWith("warning: the runs read different datasets")));
		// Same data at two paths (the run identity's fingerprint agrees): no warning.
		Files.write(a.resolve("run.json"), "{\"dataset\":\"/data/one\",\"identity\":{\"dataset_files\":\"f1\"}}"
			.getBytes(StandardCharsets.UTF_8));
		Files.write(b.resolve("run.json"), "{\"dataset\":\"/copy/one\",\"identity\":{\"dataset_files\":\"f1\"}}"
			.getBytes(StandardCharsets.UTF_8));
		assertFalse(RunComparison.compare(options(a, b), null, null).notes.stream()
			.anyMatch(n -> n.contains("different datasets")));
		Path out = tmp.resolve("cmp");
		ComparisonReport.write(r, out);
		JsonNode json = new ObjectMapper().readTree(out.resolve("comparison.json").toFile());
		JsonNode first = json.get("pairs").get(0);
		for (String k : new String[] { "a", "b", "group", "n", "diff", "ci_low", "ci_high", "p_value", "p_holm" })
			assertTrue(first.has(k), k);
		assertEquals(r.pairs.size(), json.get("pairs").size());
		List<String> csv = Files.readAllLines(out.resolve("comparison.csv"));
		assertTrue(csv.get(0).startsWith("a,b,group,n,diff,ci_low,ci_high,p_value,p_holm"));
		assertEquals(r.pairs.size() + 1, csv.size());

		// Confusion: every answered coarse and fine question counted once, by option text.
		long counted = 0;
		for (String line : Files.readAllLines(out.resolve("confusion.csv")).subList(1, 0 + Files.readAllLines(
			out.resolve("confusion.csv")).size()))
			if (line.startsWith("same,")) counted += Long.parseLong(line.substring(line.lastIndexOf(',') + 1));
		Summary s = Summary.read(a.resolve("summary.json"));
		assertEquals(s.group("coarse").n + s.group("fine").n, counted);
		assertTrue(Files.readAllLines(out.resolve("most_confused.csv")).size() > 1);

		String html = new String(Files.readAllBytes(out.resolve("comparison.html")), StandardCharsets.UTF_8);
		assertTrue(html.contains("<svg"), "charts inline as SVG");
		assertTrue(html.contains("data:image/png;base64,"), "confusion matrices inline as PNG");
		assertFalse(html.matches("(?s).*(src|href)=\"(https?:)?//.*"), "nothing loaded from the network");
		assertTrue(html.contains("μ-Bench comparison") && html.contains(RunReports.accPm(s.group("coarse"))));
		assertTrue(Files.isRegularFile(out.resolve("charts/differences.svg")));
		assertTrue(Files.isRegularFile(out.resolve("charts/heatmap.png")));
	}

	@Test
	void clearErrors() throws IOException {
		Path a = run("a", SyntheticPredictions.make(10, 1, 1), true);
		IllegalArgumentException one = assertThrows(IllegalArgumentException.class,
			() -> RunComparison.compare(options(a), null, null));
		assertTrue(one.getMessage().contains("at least two runs"));
		IOException missing = assertThrows(IOException.class,
			() -> RunComparison.compare(options(a, tmp.resolve("nothing")), null, null));
		assertTrue(missing.getMessage().contains("nothing") && missing.getMessage().contains("predictions.jsonl"));
		List<Prediction> elsewhere = SyntheticPredictions.make(20, 1, 1);
		elsewhere.removeIf(p -> p.row < 10);
		Path b = run("b", elsewhere, false);
		IllegalArgumentException disjoint = assertThrows(IllegalArgumentException.class,
			() -> RunComparison.compare(options(a, b), null, null));
		assertTrue(disjoint.getMessage().contains("share no answered question"));
	}
}
