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
package org.mubench.model.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.mubench.model.ModelException;
import org.mubench.model.ModelOptions;
import org.mubench.model.Models;

class RandomModelTest {
	@Test
	void pickIsAFunctionOfSeedRowAndKey() {
		RandomModel a = new RandomModel(42);
		RandomModel b = new RandomModel(42);
		int differentSeed = 0, differentKey = 0;
		RandomModel c = new RandomModel(43);
		for (int row = 0; row < 2000; row++) {
			assertEquals(a.pick(row, "modality_1", 6), b.pick(row, "modality_1", 6));
			if (a.pick(row, "modality_1", 6) != c.pick(row, "modality_1", 6)) differentSeed++;
			if (a.pick(row, "modality_1", 6) != a.pick(row, "modality_0", 6)) differentKey++;
		}
		// Independent picks among 6 differ with probability 5/6: about 1667 of 2000.
		assertTrue(differentSeed > 1500 && differentSeed < 1800, "seed matters: " + differentSeed);
		assertTrue(differentKey > 1500 && differentKey < 1800, "key matters: " + differentKey);
		// Order of calls does not matter (no hidden state).
		int first = a.pick(1234, "stain_1", 5);
		for (int i = 0; i < 100; i++) a.pick(i, "x", 3);
		assertEquals(first, a.pick(1234, "stain_1", 5));
		assertEquals(-1, a.pick(0, "none", 0));
		assertEquals(0, a.pick(0, "one", 1));
	}

	@Test
	void theShuffleIsAPermutationAndUniform() {
		RandomModel m = new RandomModel(3);
		int[] firstCounts = new int[5];
		int n = 50_000;
		for (int row = 0; row < n; row++) {
			int[] order = m.shuffled(row, "domain_1", 5);
			int[] sorted = order.clone();
			Arrays.sort(sorted);
			assertTrue(Arrays.equals(new int[] { 0, 1, 2, 3, 4 }, sorted));
			assertEquals(order[0], m.pick(row, "domain_1", 5));
			firstCounts[order[0]]++;
		}
		// Each option first with probability 1/5: 10,000 ± 89 (binomial sd); allow 5 sd.
		for (int count : firstCounts) assertEquals(10_000, count, 450, Arrays.toString(firstCounts));
	}

	@Test
	void accuracyIsCloseToTheMeanOfOneOverTheOptionCount() {
		RandomModel m = new RandomModel(0);
		SplittableRandom questions = new SplittableRandom(99); // independent of the model's hashing
		int n = 40_000;
		double expected = 0, variance = 0;
		int correct = 0;
		for (int row = 0; row < n; row++) {
			int options = 2 + questions.nextInt(5); // 2…6 options, as in μ-Bench (modality 4, most 6)
			int answer = questions.nextInt(options);
			double p = 1.0 / options;
			expected += p;
			variance += p * (1 - p);
			if (m.pick(row, "classification_1", options) == answer) correct++;
		}
		// Sum of independent Bernoulli(1/k): mean Σ1/k, sd √Σ p(1-p) ≈ 86; allow 5 sd.
		double sd = Math.sqrt(variance);
		assertEquals(expected, correct, 5 * sd, "accuracy " + (double) correct / n + " vs " + expected / n);
	}

	@Test
	void backendAcceptsRandomAndRandomSeed() {
		RandomBackend backend = new RandomBackend();
		assertTrue(backend.accepts("random"));
		assertTrue(backend.accepts("random:17"));
		assertTrue(!backend.accepts("randomly") && !backend.accepts("/models/clip"));
		ModelOptions o = new ModelOptions();
		o.seed = 5;
		assertEquals(5, ((RandomModel) backend.open("random", o)).seed());
		assertEquals(17, ((RandomModel) backend.open("random:17", o)).seed());
		ModelException e = assertThrows(ModelException.class, () -> backend.open("random:abc", o));
		assertTrue(e.getMessage().contains("random:abc"));
		// Discovered through the plugin index, as the command line opens models.
		RandomModel viaModels = (RandomModel) Models.open("random:9", o);
		assertEquals(9, viaModels.seed());
		assertEquals("random", viaModels.name());
	}
}
