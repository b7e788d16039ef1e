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
package org.mubench.eval.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mubench.data.Dataset;
import org.mubench.base.ProgressListener;
import org.mubench.data.Sample;
import org.mubench.eval.Prediction;
import org.mubench.eval.run.BenchmarkRunner;
import org.mubench.eval.journal.PredictionsFile;
import org.mubench.eval.run.RunOptions;
import org.mubench.image.PngEncoder;
import org.mubench.model.ModelOptions;
import org.mubench.model.Models;
import org.mubench.model.VisionLanguageModel;
import org.mubench.model.onnx.TinyClip;
import org.mubench.testdata.TestShards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

public class WeightSweepTest {
	@TempDir
	Path tmp;

	static final List<String> CELLS = Arrays.asList("basophil", "eosinophil", "lymphocyte", "monocyte");

	/** Rows of two source datasets with random RGB images; every other row outside pathology. */
	public static Path dataset(Path dir, int rows) throws Exception {
		Random r = new Random(11);
		TestShards.Builder b = TestShards.builder();
		for (int i = 0; i < rows; i++) {
			int[] px = new int[40 * 30];
			for (int k = 0; k < px.length; k++) px[k] = r.nextInt(1 << 24);
			Sample.Builder s = TestShards.typical(i, "acevedo_et_al_2020", CELLS.get(i % 4), CELLS, PngEncoder.rgb8(40, 30, px));
			if (i % 2 == 1) s.domain = "cell biology";
			b.add(s);
		}
		b.writeTo(dir);
		return dir;
	}

	private WeightSweep.Options options(Path base, Path ft, Path data, Path out, Double... alphas) {
		WeightSweep.Options o = new WeightSweep.Options();
		o.base = base;
		o.finetuned = ft;
		o.dataset = data;
		o.out = out;
		o.alphas = Arrays.asList(alphas);
		o.resamples = 200;
		o.run.batchSize = 4;
		o.run.decodeThreads = 1;
		o.model.device = "cpu";
		o.model.threads = 1;
		return o;
	}

	@Test
	void sweepsMergesRunsAndReports() throws Exception {
		Path base = tmp.resolve("base"), ft = tmp.resolve("ft");
		TinyClip.write(base, new TinyClip.Options().seed(1).imageSize(32));
		TinyClip.write(ft, new TinyClip.Options().seed(2).imageSize(32));
		Path data = dataset(tmp.resolve("data"), 12);
		Path out = tmp.resolve("sweep");
		List<String> logs = new ArrayList<>();
		ProgressListener l = new ProgressListener() {
			@Override
			public void progress(long done, long total, String message) {}

			@Override
			public synchronized void log(String message) {
				logs.add(message);
			}
		};
		WeightSweep.Result r = WeightSweep.run(options(base, ft, data, out, 0.0, 0.5, 1.0), l, null);
		assertEquals(3, r.points.size());
		for (String a : new String[] { "alpha-0", "alpha-0.5", "alpha-1" }) {
			assertTrue(Files.isRegularFile(out.resolve(a).resolve("model/onnx/vision_model.onnx")), a);
			assertTrue(Files.isRegularFile(out.resolve(a).resolve("summary.json")), a);
		}
		// 12 rows × 4 template-1 coarse captions + 12 classification captions; acevedo_et_al_2020 is one of the
		// harness's pathology datasets, so all count there; the domain slice keeps the even rows only.
		WeightSweep.Point p0 = r.points.get(0);
		assertEquals(48, p0.groups.get("coarse").n);
		assertEquals(12, p0.groups.get("fine").n);
		assertEquals(60, p0.groups.get("pathology").n);
		assertEquals(48, p0.groups.get("coarse_paper").n);
		assertEquals((p0.groups.get("coarse_paper").accuracy + p0.groups.get("fine_paper").accuracy) / 2, p0.mubenchMean,
			1e-12);

		// α = 0 is the base model: its predictions equal a direct run of the base.
		Path direct = tmp.resolve("direct");
		RunOptions ro = new RunOptions();
		ro.out = direct;
		ro.batchSize = 4;
		ro.decodeThreads = 1;
		ModelOptions mo = new ModelOptions();
		mo.device = "cpu";
		try (VisionLanguageModel m = Models.open(base.toString(), mo)) {
			new BenchmarkRunner(ro).run(Dataset.open(data), m);
		}
		assertArrayEquals(predicted(direct), predicted(out.resolve("alpha-0")));
		assertNotEquals(Arrays.toString(scores(out.resolve("alpha-0"))), Arrays.toString(scores(out.resolve("alpha-1"))));

		// Best α: the largest μ-Bench mean (first on ties), recomputed from sweep.csv.
		double best = -1;
		String bestAlpha = null;
		List<String> csv = Files.readAllLines(out.resolve("sweep.csv"));
		assertEquals("alpha,group,n,correct,accuracy,ci_low,ci_high,half_width", csv.get(0));
		for (String line : csv) {
			String[] f = line.split(",", -1);
			if (f[1].equals(WeightSweep.MEAN) && Double.parseDouble(f[4]) > best + 1e-9) {
				best = Double.parseDouble(f[4]);
				bestAlpha = f[0];
			}
		}
		assertEquals(bestAlpha, WeightSweep.plain(r.bestAlpha));
		assertEquals(3 * (WeightSweep.GROUPS.size() + 1) + 1, csv.size());
		JsonNode json = new ObjectMapper().readTree(out.resolve("sweep.json").toFile());
		assertEquals(r.bestAlpha, json.get("best_alpha").asDouble(), 0);
		assertEquals(3, json.get("points").size());
		assertEquals("coarse_paper", json.at("/points/1/groups/0/group").asText());

		BufferedImage png = ImageIO.read(out.resolve("sweep.png").toFile());
		org.mubench.eval.chart.LineBandChart chart = SweepPlot.chart(r);
		assertEquals(org.mubench.eval.chart.LineBandChart.WIDTH, png.getWidth());
		assertEquals(org.mubench.eval.chart.LineBandChart.HEIGHT, png.getHeight());
		assertEquals(Arrays.asList("coarse_paper", "fine_paper", "pathology", "μ-Bench mean"),
			chart.series.stream().map(s -> s.name).collect(java.util.stream.Collectors.toList()));
		assertEquals(100 * r.points.get(1).groups.get("fine_paper").ciHigh, chart.series.get(1).high[1], 1e-9);
		assertEquals(100 * r.points.get(2).mubenchMean, chart.series.get(3).y[2], 1e-9);
		assertTrue(chart.title.endsWith("best α = " + WeightSweep.plain(r.bestAlpha)), chart.title);
		Set<Integer> colours = new HashSet<>();
		for (int y = 0; y < png.getHeight(); y++) for (int x = 0; x < png.getWidth(); x++) colours.add(png.getRGB(x, y) & 0xffffff);
		for (org.mubench.eval.chart.LineBandChart.Series s : chart.series)
			assertTrue(colours.contains(org.mubench.eval.chart.Palette.colour(s.colour).getRGB() & 0xffffff), s.name);
		String svg = new String(Files.readAllBytes(out.resolve("sweep.svg")), java.nio.charset.StandardCharsets.UTF_8);
		assertTrue(svg.contains("best α = " + WeightSweep.plain(r.bestAlpha)) && svg.contains("μ-Bench mean"));

		// The paired comparison: α = 0.5 against the base and the fine-tuned model, and base against fine-tuned.
		assertNotNull(r.comparison);
		assertTrue(Files.isRegularFile(out.resolve("comparison/comparison.json")));
		java.util.Set<String> pairs = new java.util.TreeSet<>();
		for (org.mubench.eval.compare.RunComparison.Pair p : r.comparison.pairs)
			if (p.group.equals("coarse")) pairs.add(p.a + " | " + p.b);
		assertEquals(new java.util.TreeSet<>(Arrays.asList("base (α = 0) | fine-tuned (α = 1)",
			"base (α = 0) | α = 0.5", "fine-tuned (α = 1) | α = 0.5")), pairs);
		for (org.mubench.eval.compare.RunComparison.Pair p : r.comparison.pairs)
			if (p.group.equals("coarse") && p.a.startsWith("base") && p.b.startsWith("fine")) {
				double accBase = r.points.get(0).groups.get("coarse").accuracy;
				double accFt = r.points.get(2).groups.get("coarse").accuracy;
				assertEquals(accFt - accBase, p.diff, 1e-12, "every question answered by both: the exact difference");
			}

		// Running again reuses the finished α values.
		logs.clear();
		WeightSweep.Result again = WeightSweep.run(options(base, ft, data, out, 0.0, 0.5, 1.0), l, null);
		assertEquals(r.bestAlpha, again.bestAlpha);
		assertTrue(logs.stream().filter(s -> s.contains("reusing")).count() == 3, logs.toString());
		// Other settings in the same folder would mix results: refused.
		WeightSweep.Options limited = options(base, ft, data, out, 0.0, 0.5, 1.0);
		limited.run.limit = 3;
		Exception e = assertThrows(IllegalArgumentException.class, () -> WeightSweep.run(limited, l, null));
		assertTrue(e.getMessage().contains("holds a sweep with another limit (0, now 3)"), e.getMessage());
	}

	@Test
	void badAlphaListsAreRefused() throws Exception {
		assertEquals(Arrays.asList(0.0, 0.2, 0.4, 0.6, 0.8, 1.0), WeightSweep.parseAlphas("0,0.2,...,1"));
		assertEquals(Arrays.asList(1.0, 0.75, 0.5), WeightSweep.parseAlphas("1, 0.75, …, 0.5"));
		assertEquals(Arrays.asList(0.3), WeightSweep.parseAlphas("0.3"));
		assertThrows(IllegalArgumentException.class, () -> WeightSweep.parseAlphas("0,x"));
		assertThrows(IllegalArgumentException.class, () -> WeightSweep.parseAlphas("0,...,1"));
		assertThrows(IllegalArgumentException.class, () -> WeightSweep.parseAlphas("0,0.5,0.5"));
		WeightSweep.Options o = options(tmp, tmp, tmp, tmp.resolve("o"), 0.0, 1.2);
		Exception e = assertThrows(RuntimeException.class, () -> WeightSweep.run(o, null, null));
		assertTrue(e.getMessage().contains("alpha 1.2 is outside [0, 1]"), e.getMessage());
	}

	private static int[] predicted(Path run) throws Exception {
		List<Prediction> ps = new ArrayList<>(PredictionsFile.read(BenchmarkRunner.predictionsFile(run)));
		ps.sort((a, b) -> a.key().compareTo(b.key()));
		int[] out = new int[ps.size()];
		for (int i = 0; i < out.length; i++) out[i] = ps.get(i).predIdx;
		return out;
	}

	private static double[] scores(Path run) throws Exception {
		List<Prediction> ps = new ArrayList<>(PredictionsFile.read(BenchmarkRunner.predictionsFile(run)));
		ps.sort((a, b) -> a.key().compareTo(b.key()));
		return ps.get(0).scores;
	}
}
