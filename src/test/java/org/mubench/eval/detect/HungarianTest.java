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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class HungarianTest {
	@Test
	void squareTextbookCase() {
		// All 6 permutations (column of row 0, 1, 2): 012 = 4+0+2 = 6, 021 = 4+5+2 = 11, 102 = 1+2+2 = 5,
		// 120 = 1+5+3 = 9, 201 = 3+2+2 = 7, 210 = 3+0+3 = 6 -> the unique minimum is 102 with total 5.
		double[][] c = { { 4, 1, 3 }, { 2, 0, 5 }, { 3, 2, 2 } };
		int[] a = Hungarian.solve(c);
		assertEquals(5.0, total(c, a), 0);
		assertArrayEquals(new int[] { 1, 0, 2 }, a);
	}

	@Test
	void emptyAndDegenerateShapes() {
		assertEquals(0, Hungarian.solve(new double[0][]).length);
		assertArrayEquals(new int[] { -1, -1 }, Hungarian.solve(new double[][] { {}, {} }));
		assertArrayEquals(new int[] { 0 }, Hungarian.solve(new double[][] { { 7 } }));
	}

	@Test
	void matchesScipyTotals() {
		// Minimum totals from tools/grit_reference.py (scipy.optimize.linear_sum_assignment, numpy default_rng(7)).
		checkTotal(new double[][] { { 0.625, 0.897, 0.776, 0.225 }, { 0.3, 0.874, 0.005, 0.821 }, { 0.797, 0.468, 0.303, 0.278 }, { 0.255, 0.445, 0.505, 0.553 } }, 0.95300000000000007);
		checkTotal(new double[][] { { 0.996, 0.793, 0.622, 0.989, 0.215, 0.16 }, { 0.613, 0.044, 0.036, 0.515, 0.466, 0.917 }, { 0.629, 0.514, 0.497, 0.248, 0.012, 0.192 } }, 0.20800000000000002);
		checkTotal(new double[][] { { 0.692, 0.201, 0.37 }, { 0.004, 0.83, 0.154 }, { 0.268, 0.88, 0.51 }, { 0.847, 0.64, 0.742 }, { 0.091, 0.541, 0.508 }, { 0.871, 0.361, 0.598 } }, 0.44599999999999995);
		checkTotal(new double[][] { { 0.059, 0.388, 0.323, 0.15, 0.816, 0.379, 0.979 }, { 0.59, 0.605, 0.638, 0.676, 0.151, 0.44, 0.24 }, { 0.402, 0.097, 0.968, 0.215, 0.672, 0.3, 0.874 }, { 0.662, 0.132, 0.845, 0.945, 0.904, 0.57, 0.145 }, { 0.192, 0.928, 0.552, 0.181, 0.884, 0.642, 0.57 }, { 0.376, 0.411, 0.239, 0.038, 0.876, 0.468, 0.548 }, { 0.322, 0.751, 0.025, 0.372, 0.03, 0.123, 0.967 } }, 0.995);
		checkTotal(new double[][] { { 0.658, 0.428, 0.524, 0.873, 0.344, 0.59, 0.684, 0.355 }, { 0.519, 0.765, 0.909, 0.151, 0.933, 0.005, 0.753, 0.811 }, { 0.137, 0.419, 0.815, 0.014, 0.628, 0.793, 0.513, 0.726 }, { 0.226, 0.199, 0.363, 0.179, 0.346, 0.948, 0.573, 0.34 }, { 0.272, 0.952, 0.444, 0.98, 0.516, 0.521, 0.897, 0.743 } }, 0.83400000000000007);
	}

	private static void checkTotal(double[][] c, double expected) {
		int[] a = Hungarian.solve(c);
		int assigned = 0;
		Set<Integer> cols = new HashSet<>();
		for (int j : a) {
			if (j < 0) continue;
			assigned++;
			assertTrue(cols.add(j), "column used twice");
		}
		assertEquals(Math.min(c.length, c[0].length), assigned);
		assertEquals(expected, total(c, a), 1e-9);
	}

	private static double total(double[][] c, int[] a) {
		double t = 0;
		for (int i = 0; i < a.length; i++)
			if (a[i] >= 0) t += c[i][a[i]];
		return t;
	}
}
