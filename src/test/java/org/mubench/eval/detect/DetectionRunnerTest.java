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
package org.mubench.eval.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mubench.data.Annotation;
import org.mubench.base.Cancellation;
import org.mubench.data.Sample;
import org.mubench.model.GenerativeModel;
import org.mubench.model.GenerativeReply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ij.gui.Roi;

class DetectionRunnerTest {
	@TempDir
	Path tmp;

	/** Replies with scripted strings in order (null = a failed request) and records the prompts. */
	static final class ScriptedModel implements GenerativeModel {
		final Deque<String> replies;
		final List<String> prompts = new ArrayList<>();
		Runnable onAsk = () -> {};

		ScriptedModel(String... replies) {
			this.replies = new ArrayDeque<>(Arrays.asList(replies));
		}

		@Override
		public GenerativeReply ask(String prompt, byte[] png) {
			prompts.add(prompt);
			onAsk.run();
			String r = replies.isEmpty() ? "" : replies.poll();
			if ("FAIL".equals(r)) return GenerativeReply.failed("HTTP 500 from server");
			return new GenerativeReply(r, null, 0, 0, false);
		}

		@Override
		public String name() {
			return "scripted";
		}

		@Override
		public void close() {}
	}

	static byte[] png(int w, int h) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY), "png", out);
		return out.toByteArray();
	}

	static Sample sample(long row, String dataset, String stain, byte[] image, List<Annotation> boxes, List<Annotation> polygons) {
		Sample.Builder b = Sample.builder(row);
		b.imageId = "img" + row;
		b.dataset = dataset;
		b.stain = stain;
		b.imageBytes = image;
		b.boxes = boxes;
		b.polygons = polygons;
		return b.build();
	}

	static List<Annotation> one(String cls, double... points) {
		return new ArrayList<>(Arrays.asList(new Annotation(cls, points)));
	}

	@Test
	void scriptedRun() throws IOException {
		byte[] img = png(100, 50);
		List<Sample> samples = Arrays.asList(
			// Held row: null dataset, derived from the stain; polygon only, class renamed to nucleus
			sample(0, null, "H2B-mCherry", img, null, one("cell", 10, 10, 30, 10, 30, 20, 10, 20)),
			// no annotations: not asked
			sample(1, "kather_et_al_2016", null, img, null, null),
			// wu: bbox present (polygon ignored), class mitochondria; the reply is unreadable
			sample(2, "wu_et_al_2023", null, img, one("mito", 0, 0, 10, 10), one("mito", 50, 20, 60, 40)),
			// the request fails
			sample(3, "burgess_et_al_2024_contour", null, img, one("nucleus", 0, 0, 10, 10), null),
			// not an image
			sample(4, "burgess_et_al_2024_contour", null, new byte[] { 1, 2, 3 }, one("nucleus", 0, 0, 10, 10), null));
		ScriptedModel model = new ScriptedModel("<ref>nucleus</ref><box>(100,200),(300,400)</box><box>(900,900),(950,950)</box>",
			"Sorry, I cannot find any mitochondria.", "FAIL");
		DetectionRunner.Options o = new DetectionRunner.Options();
		o.format = BoxFormat.QWEN;
		o.extended = true; // polygons and renamed classes are our extension
		List<String> logs = new ArrayList<>();
		DetectionRunner.Run run = new DetectionRunner(model, o).run(samples.iterator(), tmp, new org.mubench.base.ProgressListener() {
			@Override
			public void progress(long done, long total, String message) {}

			@Override
			public void log(String message) {
				logs.add(message);
			}
		}, null);

		assertEquals(Arrays.asList("Detect nucleus", "Detect mitochondria", "Detect nucleus"), model.prompts);
		assertEquals(4, run.images);
		assertEquals(4, run.results.size());

		// Row 0: grid (100,200)-(300,400) on 100x50 -> [10,10,30,20], identical to the polygon's bounds: IoU 200/200.000001;
		// second box (90,45)-(95,47.5) is unmatched. GRIT = IoU / (2 + 1 - 1).
		DetectionResult r0 = run.results.get(0);
		assertEquals("held_et_al_2010_h2b", r0.dataset);
		assertEquals("subcellular_structure_localization", r0.task);
		assertEquals("nucleus", r0.className);
		assertEquals(Arrays.toString(new double[] { 10, 10, 30, 20 }), Arrays.toString(r0.pred[0]));
		assertEquals(Arrays.toString(new double[] { 90, 45, 95, 47.5 }), Arrays.toString(r0.pred[1]));
		assertEquals(200 / 200.000001 / 2, r0.score, 1e-12);
		assertFalse(r0.unparseable);

		DetectionResult r2 = run.results.get(1);
		assertEquals("mitochondria", r2.className);
		assertTrue(r2.unparseable);
		assertEquals(0.0, r2.score, 0);
		assertEquals(Arrays.toString(new double[] { 0, 0, 10, 10 }), Arrays.toString(r2.gt[0]));

		assertTrue(run.results.get(2).skipped.startsWith("request_failed: HTTP 500"));
		assertNull(run.results.get(2).score);
		assertEquals("unreadable_image", run.results.get(3).skipped);
		assertEquals(2, logs.size());

		// Summary: two scored questions (0.5·IoU and 0), two skipped, one unparseable.
		assertEquals(2, run.summary.overall.n);
		assertEquals(200 / 200.000001 / 4, run.summary.overall.mean, 1e-12);
		assertEquals(1, run.summary.overall.unparseable);
		assertEquals(2, run.summary.overall.skipped);
		assertEquals(1, run.summary.byClass.get("mitochondria").n);
		assertEquals("cryoet_mitochondria_localization", run.summary.byTask.keySet().toArray()[1]);

		List<String> lines = Files.readAllLines(tmp.resolve("detections.jsonl"), StandardCharsets.UTF_8);
		assertEquals(4, lines.size());
		JsonNode first = new ObjectMapper().readTree(lines.get(0));
		assertEquals(0, first.get("row").asInt());
		assertEquals("img0", first.get("image_id").asText());
		assertEquals("nucleus", first.get("class").asText());
		assertEquals(2, first.get("pred").size());
		assertTrue(first.get("response").asText().contains("<box>"));
		JsonNode summary = new ObjectMapper().readTree(tmp.resolve("grit_summary.json").toFile());
		assertEquals(2, summary.get("overall").get("n").asInt());
		assertTrue(summary.get("by_dataset").has("wu_et_al_2023"));

		// RoiSet of row 0: predictions then ground truth, decoded by ImageJ
		List<Roi> rois = RoiSetWriterTest.decodeZip(Files.readAllBytes(tmp.resolve("rois").resolve("0_img0.zip")));
		assertEquals(3, rois.size());
		assertEquals("nucleus 1.00", rois.get(0).getName());
		assertEquals(new Rectangle(10, 10, 20, 10), rois.get(0).getBounds());
		assertEquals("nucleus 0.00", rois.get(1).getName());
		assertEquals("gt nucleus", rois.get(2).getName());
		assertTrue(Files.exists(tmp.resolve("rois").resolve("2_img2.zip")));
	}

	@Test
	void boxesMapBackFromACentreCroppedFrame() throws IOException {
		// 200x100 image, crop:50 -> resized 100x50 (scale 0.5), crop starts at x = (100-50)/2 = 25.
		// Qwen (0,0)-(1000,1000) = the whole 50x50 frame -> x (0+25)/0.5 = 50 .. (50+25)/0.5 = 150, y 0 .. 100.
		Sample s = sample(7, "burgess_et_al_2024_texture", null, png(200, 100), one("nucleus", 50, 0, 150, 100), null);
		DetectionRunner.Options o = new DetectionRunner.Options();
		o.format = BoxFormat.QWEN;
		o.frame = ModelFrame.centreCrop(50);
		DetectionRunner.Run run = new DetectionRunner(new ScriptedModel("<box>(0,0),(1000,1000)</box>"), o)
			.run(Arrays.asList(s).iterator(), tmp, null, null);
		DetectionResult r = run.results.get(0);
		assertEquals(Arrays.toString(new double[] { 50, 0, 150, 100 }), Arrays.toString(r.pred[0]));
		assertEquals(10000 / 10000.000001, r.score, 1e-12);
		List<Roi> rois = RoiSetWriterTest.decodeZip(Files.readAllBytes(tmp.resolve("rois").resolve("7_img7.zip")));
		assertEquals(new Rectangle(50, 0, 100, 100), rois.get(0).getBounds());
		assertEquals("nucleus 1.00", rois.get(0).getName());
	}

	/**
	 * The harness's protocol (default): only its detection datasets, bbox ground truth under the raw className (also
	 * in the prompt), PaliGemma replies read part by part, an empty reply asked again as {@code segment X; X}.
	 */
	@Test
	void harnessProtocolByDefault() throws IOException {
		byte[] img = png(1024, 512);
		List<Sample> samples = Arrays.asList(
			sample(0, "jung_et_al_2022", null, img, one("lymphocyte", 0, 0, 10, 10), null), // not a harness dataset
			sample(1, "wu_et_al_2023", null, img, null, one("mito", 0, 0, 10, 0, 10, 10)), // polygon only: nothing
			sample(2, "held_et_al_2010_h2b", null, img, one("H2B cell", 100, 50, 300, 150), null),
			sample(3, "burgess_et_al_2024_texture", null, img, one("cell", 0, 0, 512, 256), null));
		ScriptedModel model = new ScriptedModel(
			"<loc0100><loc0100><loc0300><loc0300> H2B cell ; x <loc0001> ; <loc0000><loc0000><loc0512><loc0512><loc0999>",
			"", "<loc0000><loc0000><loc0512><loc0512> cell");
		DetectionRunner.Options o = new DetectionRunner.Options();
		o.format = BoxFormat.PALIGEMMA;
		o.writeRois = false;
		DetectionRunner.Run run = new DetectionRunner(model, o).run(samples.iterator(), tmp, null, null);
		assertEquals(Arrays.asList("detect H2B cell", "detect cell", "segment cell; cell"), model.prompts);
		assertEquals(2, run.results.size());
		DetectionResult held = run.results.get(0);
		assertEquals("H2B cell", held.className);
		// y_min, x_min, y_max, x_max over 1024: (100/1024·1024, 100/1024·512) … ; the one-token part is skipped; the
		// third part keeps its first four tokens.
		assertEquals(Arrays.toString(new double[] { 100, 50, 300, 150 }), Arrays.toString(held.pred[0]));
		assertEquals(Arrays.toString(new double[] { 0, 0, 512, 256 }), Arrays.toString(held.pred[1]));
		assertEquals(2, held.pred.length);
		assertEquals("segment cell; cell", run.results.get(1).prompt);
		assertEquals(1.0, run.results.get(1).score, 1e-5);
		assertEquals("harness", run.summary.protocol);
	}

	@Test
	void limitAndCancellation() throws IOException {
		byte[] img = png(20, 20);
		List<Sample> samples = new ArrayList<>();
		for (int i = 0; i < 5; i++)
			samples.add(sample(i, "jung_et_al_2022", null, img, one("cell", 0, 0, 10, 10), null));
		DetectionRunner.Options o = new DetectionRunner.Options();
		o.extended = true; // white blood cells are our extension
		o.limit = 2;
		o.writeRois = false;
		ScriptedModel model = new ScriptedModel("[[0,0,10,10]]", "[[0,0,10,10]]", "[[0,0,10,10]]");
		DetectionRunner.Run run = new DetectionRunner(model, o).run(samples.iterator(), tmp.resolve("a"), null, null);
		assertEquals(2, run.images);
		assertEquals(2, model.prompts.size());
		assertEquals("white_blood_cell_localization", run.results.get(0).task);
		assertFalse(Files.exists(tmp.resolve("a").resolve("rois")));

		Cancellation cancel = new Cancellation();
		ScriptedModel cancelling = new ScriptedModel("[]", "[]", "[]");
		cancelling.onAsk = cancel::cancel;
		DetectionRunner.Options one = new DetectionRunner.Options();
		one.extended = true;
		one.batchSize = 1;
		DetectionRunner.Run stopped = new DetectionRunner(cancelling, one).run(samples.iterator(),
			tmp.resolve("b"), null, cancel);
		assertTrue(stopped.cancelled);
		assertEquals(1, stopped.images);
		// "[]" is a valid empty answer: parseable, score 0 against one gt box
		assertFalse(stopped.results.get(0).unparseable);
		assertEquals(0.0, stopped.results.get(0).score, 0);
		assertTrue(Files.exists(tmp.resolve("b").resolve("grit_summary.json")));
	}

	@Test
	void detectImageWithoutGroundTruth() throws IOException {
		ScriptedModel model = new ScriptedModel("<loc0000><loc0000><loc0512><loc0512> cell");
		DetectionRunner.Options o = new DetectionRunner.Options();
		o.format = BoxFormat.PALIGEMMA;
		List<DetectionResult> r = new DetectionRunner(model, o).detectImage(png(64, 32), 64, 32, Arrays.asList("cell"));
		assertEquals("detect cell", model.prompts.get(0));
		assertNull(r.get(0).score);
		// y_max 512/1024*32 = 16, x_max 512/1024*64 = 32
		assertEquals(Arrays.toString(new double[] { 0, 0, 32, 16 }), Arrays.toString(r.get(0).pred[0]));
		List<NamedBox> named = r.get(0).rois(true);
		assertEquals(1, named.size());
		assertEquals("cell", named.get(0).name);
	}
}
