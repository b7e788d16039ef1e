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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PairedTestsTest {
	/** Reference: scipy.stats.binomtest(min(b, c), b + c, 0.5).pvalue (1 when b + c = 0), computed in a venv. */
	@ParameterizedTest
	@CsvSource({ "15, 26, 0.11727520595741225", "0, 5, 0.0625", "3, 3, 1.0", "0, 0, 1.0",
		"480, 560, 0.014259079095385853", "1, 9, 0.021484375", "70, 80, 0.4625495178668307", "2, 0, 0.5" })
	void exactMcNemarMatchesScipyBinomtest(long onlyA, long onlyB, double scipy) {
		assertEquals(scipy, PairedTests.exactMcNemar(onlyA, onlyB), 1e-12 * Math.max(1, scipy));
		assertEquals(scipy, PairedTests.exactMcNemar(onlyB, onlyA), 1e-12 * Math.max(1, scipy), "symmetric");
	}

	@Test
	void largeCountsDoNotUnderflow() {
		// 20 000 discordant questions split evenly: p is 1 (capped); a clear split gives a tiny but positive p.
		assertEquals(1.0, PairedTests.exactMcNemar(10_000, 10_000), 0);
		double p = PairedTests.exactMcNemar(9_000, 11_000);
		assertEquals(true, p > 0 && p < 1e-40, "p = " + p);
	}

	@Test
	void holmOnKnownPValues() {
		// Sorted 0.005, 0.01, 0.03, 0.04 → ×4, ×3, ×2, ×1 = 0.02, 0.03, 0.06, 0.04 → running max 0.02, 0.03, 0.06, 0.06.
		assertArrayEquals(new double[] { 0.03, 0.06, 0.06, 0.02 },
			PairedTests.holm(new double[] { 0.01, 0.04, 0.03, 0.005 }), 1e-15);
		// Capped at 1; a single test is unchanged; NaN stays NaN and does not count.
		assertArrayEquals(new double[] { 0.8, 0.8 }, PairedTests.holm(new double[] { 0.6, 0.4 }), 1e-15);
		assertArrayEquals(new double[] { 1.0, 1.0 }, PairedTests.holm(new double[] { 0.6, 0.7 }), 1e-15);
		assertArrayEquals(new double[] { 0.2 }, PairedTests.holm(new double[] { 0.2 }), 0);
		double[] withNaN = PairedTests.holm(new double[] { 0.01, Double.NaN, 0.02 });
		assertEquals(0.02, withNaN[0], 1e-15);
		assertEquals(Double.NaN, withNaN[1]);
		assertEquals(0.02, withNaN[2], 1e-15);
	}
}
