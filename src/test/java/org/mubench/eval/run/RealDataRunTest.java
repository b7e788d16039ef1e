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
package org.mubench.eval.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mubench.data.Dataset;
import org.mubench.eval.Prediction;
import org.mubench.testdata.TestImages;
import org.mubench.testdata.TestShards;

/** The runner on release-format shards with real PNGs, through the plugin-chosen answerer and the image layer. */
class RealDataRunTest {
	static final List<String> CLASSES = Arrays.asList("lymphocyte", "neutrophil", "basophil");

	@TempDir
	Path tmp;

	@Test
	void contrastiveRunDecodesRealImagesAndSkipsACorruptOne() throws Exception {
		TestShards.Builder b = TestShards.builder().shards(2).rowsPerBatch(3);
		for (int i = 0; i < 7; i++) {
			byte[] png = i == 4 ? TestImages.corruptPng() : i % 2 == 0 ? TestImages.rgbPng(40, 30) : TestImages.grey16Png(30, 50);
			b.add(TestShards.typical(i, "acevedo_et_al_2020", CLASSES.get(i % 3), CLASSES, png));
		}
		Path data = tmp.resolve("data");
		b.writeTo(data);
		final int[] tensorLengths = new int[1];
		// Every image embeds to e_1. The typical sample's options never mention "class N", so every option text embeds to
		// the uniform vector, all options score alike, and the tie goes to index 0.
		FakeClip clip = new FakeClip() {
			@Override
			public synchronized float[][] embedImages(List<float[]> pixels) {
				float[][] out = new float[pixels.size()][DIM];
				for (int i = 0; i < pixels.size(); i++) {
					tensorLengths[0] = pixels.get(i).length;
					out[i][1] = 1f;
				}
				imagesEmbedded += pixels.size();
				return out;
			}
		};
		Path out = tmp.resolve("run");
		RunOptions o = RunnerTestSupport.options(out);
		RunResult r = new BenchmarkRunner(o).run(Dataset.open(data), clip);
		assertEquals(3 * 224 * 224, tensorLengths[0]);
		assertEquals(6, clip.imagesEmbedded);
		List<Prediction> ps = RunnerTestSupport.read(out);
		assertEquals(7 * 5, ps.size()); // five template-1 captions per row (the release has no subdomain captions)
		for (Prediction p : ps) {
			if (p.row == 4) assertEquals("unreadable_image", p.skipped);
			else {
				assertNull(p.skipped);
				assertEquals(0, p.predIdx, p.key()); // all options score alike (uniform text vector): lowest index wins
				assertEquals(p.options.size(), p.scores.length);
			}
		}
		assertEquals(Long.valueOf(5), r.skipped.get("unreadable_image"));
		assertTrue(r.answerer.startsWith("contrastive"));
	}
}
