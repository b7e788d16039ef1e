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
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mubench.model.onnx.TinyClip;
import org.mubench.testdata.BenchDatasetGenerator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code mubench bench} on a tiny generated model and dataset: the figures exist and are positive (no timing bounds). */
class BenchCommandTest {
	@TempDir
	Path tmp;

	private String out, err;

	private int run(String... args) {
		StringWriter o = new StringWriter(), e = new StringWriter();
		int code = MuBenchCli.execute(args, new PrintWriter(o), new PrintWriter(e));
		out = o.toString();
		err = e.toString();
		return code;
	}

	private Path fixtures() throws Exception {
		TinyClip.write(tmp.resolve("model"), new TinyClip.Options().seed(1).imageSize(32));
		// 7 rows with sizes 20-60 px, batch 3: a partial last batch, and images both up- and down-sized.
		BenchDatasetGenerator.write(tmp.resolve("data"), 7, 20, 60, 2, 3);
		return tmp;
	}

	@Test
	void jsonHasEveryFigureAndTheyArePositive() throws Exception {
		fixtures();
		assertEquals(0, run("bench", "--model", tmp.resolve("model").toString(), "--dataset", tmp.resolve("data").toString(),
			"--batch", "3", "--threads", "1", "--device", "cpu", "--raw-seconds", "0.05", "--json"), err);
		JsonNode j = new ObjectMapper().readTree(out);
		for (String k : Arrays.asList("end_to_end_images_per_s", "image_inference_images_per_s",
			"raw_image_tower_images_per_s", "peak_heap_mib", "full_release_estimate_s", "ratio_end_to_end_to_raw",
			"end_to_end_seconds")) {
			assertTrue(j.path(k).isNumber() && j.path(k).asDouble() > 0, k + " in " + out);
		}
		assertEquals(7, j.path("images").asLong());
		assertEquals(1, j.path("image_streams").asInt(), out); // one thread: nothing to split
		assertEquals(7, j.path("stages").path("read").path("images").asLong(), out);
		assertEquals(35, j.path("questions").asLong()); // 7 rows × 5 template-1 captions
		assertEquals(j.path("full_release_estimate_s").asDouble(), 17_315 / j.path("end_to_end_images_per_s").asDouble(), 1e-6);
		for (String s : Arrays.asList("read", "decode", "preprocess", "image_inference", "text_inference", "scoring")) {
			JsonNode stage = j.path("stages").path(s);
			for (String k : Arrays.asList("seconds", "images_per_s", "peak_heap_mib")) {
				assertTrue(stage.path(k).isNumber() && stage.path(k).asDouble() > 0, s + "." + k + " in " + out);
			}
		}
		assertTrue(j.path("stages").path("text_inference").path("texts").asLong() > 0, out);
		// The hooks saw the run: every image decoded, embedded, and its texts embedded once.
		JsonNode p = j.path("pipeline");
		assertTrue(p.path("decode_thread_s").asDouble() > 0 && p.path("image_inference_s").asDouble() > 0, out);
		assertEquals(j.path("unique_texts").asLong(), p.path("texts_embedded").asLong(), out);
	}

	@Test
	void tablePrintsStagesAndTheReleaseEstimate() throws Exception {
		fixtures();
		assertEquals(0, run("bench", "--model", tmp.resolve("model").toString(), "--dataset", tmp.resolve("data").toString(),
			"--batch", "4", "--limit", "5", "--device", "cpu", "--raw-seconds", "0.05"), err);
		for (String s : Arrays.asList("decode", "preprocess", "image_inference", "text_inference", "scoring",
			"End to end", "Raw ONNX Runtime", "Full release (17,315 images)")) {
			assertTrue(out.contains(s), s + " in " + out);
		}
	}

	@Test
	void badUsageIsExitTwo() throws Exception {
		assertEquals(2, run("bench", "--model", tmp.toString(), "--dataset", tmp.toString(), "--batch", "0"));
		assertEquals(2, run("bench", "--model", tmp.toString()));
	}

	@Test
	void durations() {
		assertEquals("42 s", BenchCommand.duration(42.4));
		assertEquals("12 min 03 s", BenchCommand.duration(723));
		assertEquals("2 h 05 min", BenchCommand.duration(7500));
	}
}
