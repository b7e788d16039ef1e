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
package org.mubench.eval.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mubench.image.PreprocessConfig;
import org.mubench.model.ContrastiveModel;

class ZeroShotClassifierTest {
	/** Image embedding (1, 0); texts embedded by the first letter: "a…" → (1, 0), "b…" → (0.6, 0.8), else (0, 1). */
	static final class FakeModel implements ContrastiveModel {
		@Override
		public String name() {
			return "fake";
		}

		@Override
		public void close() {}

		@Override
		public PreprocessConfig preprocessing() {
			return new PreprocessConfig();
		}

		@Override
		public float[][] embedImages(List<float[]> pixels) {
			return new float[][] { { 1, 0 } };
		}

		@Override
		public float[][] embedTexts(List<String> texts) {
			float[][] out = new float[texts.size()][];
			for (int i = 0; i < out.length; i++) {
				char c = texts.get(i).charAt(texts.get(i).length() - 1);
				out[i] = c == 'a' ? new float[] { 1, 0 } : c == 'b' ? new float[] { 0.6f, 0.8f } : new float[] { 0, 1 };
			}
			return out;
		}

		@Override
		public float logitScale() {
			return 10f;
		}
	}

	@Test
	void probabilitiesAreSoftmaxOfScaledSimilarities() {
		List<ZeroShotClassifier.LabelProbability> r = ZeroShotClassifier.classify(new FakeModel(), new float[0],
			Arrays.asList("c", "b", "a"), "x {}");
		// logits 10*[0, 0.6, 1] → softmax: e^10 / (1 + e^6 + e^10) for "a".
		double z = 1 + Math.exp(6) + Math.exp(10);
		assertEquals("a", r.get(0).label);
		assertEquals(Math.exp(10) / z, r.get(0).probability, 1e-7);
		assertEquals("b", r.get(1).label);
		assertEquals(Math.exp(6) / z, r.get(1).probability, 1e-7);
		assertEquals(1 / z, r.get(2).probability, 1e-7);
		assertEquals("x a", r.get(0).text);
		assertEquals(0.6, r.get(1).similarity, 1e-6);
	}

	@Test
	void labelsAndTemplatesAreChecked() {
		assertEquals(Arrays.asList("a b", "c"), ZeroShotClassifier.parseLabels(" a b , ,c"));
		assertThrows(IllegalArgumentException.class, () -> ZeroShotClassifier.parseLabels("only"));
		assertThrows(IllegalArgumentException.class, () -> ZeroShotClassifier.caption("x", "no placeholder"));
		assertEquals("x", ZeroShotClassifier.caption("x", ""));
	}
}
