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

import java.util.Arrays;

/**
 * Minimum-cost assignment (Kuhn–Munkres with row potentials, O(n²·m)) for a rectangular cost matrix. Every row of the
 * smaller side gets exactly one distinct column of the larger side, as {@code scipy.optimize.linear_sum_assignment}.
 */
public final class Hungarian {
	private Hungarian() {}

	/**
	 * @param cost n×m matrix of finite costs (rows may outnumber columns or the reverse)
	 * @return for each row, the assigned column, or -1 when the row is left out (only when n &gt; m)
	 */
	public static int[] solve(double[][] cost) {
		int n = cost.length;
		if (n == 0) return new int[0];
		int m = cost[0].length;
		for (double[] r : cost) {
			if (r.length != m) throw new IllegalArgumentException("cost matrix rows differ in length");
			for (double v : r)
				if (!Double.isFinite(v)) throw new IllegalArgumentException("cost matrix holds a non-finite value");
		}
		if (m == 0) {
			int[] none = new int[n];
			Arrays.fill(none, -1);
			return none;
		}
		if (n <= m) return solveTall(cost, n, m);
		// More rows than columns: solve the transpose, then invert the assignment.
		double[][] t = new double[m][n];
		for (int i = 0; i < n; i++)
			for (int j = 0; j < m; j++)
				t[j][i] = cost[i][j];
		int[] colToRow = solveTall(t, m, n);
		int[] rowToCol = new int[n];
		Arrays.fill(rowToCol, -1);
		for (int j = 0; j < m; j++)
			rowToCol[colToRow[j]] = j;
		return rowToCol;
	}

	/** n ≤ m: shortest augmenting paths with dual potentials u (rows) and v (columns); 1-based internally. */
	private static int[] solveTall(double[][] a, int n, int m) {
		double[] u = new double[n + 1];
		double[] v = new double[m + 1];
		int[] p = new int[m + 1]; // p[j] = row matched to column j (0 = none)
		int[] way = new int[m + 1];
		double[] minv = new double[m + 1];
		boolean[] used = new boolean[m + 1];
		for (int i = 1; i <= n; i++) {
			p[0] = i;
			int j0 = 0;
			Arrays.fill(minv, Double.POSITIVE_INFINITY);
			Arrays.fill(used, false);
			do {
				used[j0] = true;
				int i0 = p[j0];
				double delta = Double.POSITIVE_INFINITY;
				int j1 = -1;
				for (int j = 1; j <= m; j++) {
					if (used[j]) continue;
					double cur = a[i0 - 1][j - 1] - u[i0] - v[j];
					if (cur < minv[j]) {
						minv[j] = cur;
						way[j] = j0;
					}
					if (minv[j] < delta) {
						delta = minv[j];
						j1 = j;
					}
				}
				for (int j = 0; j <= m; j++) {
					if (used[j]) {
						u[p[j]] += delta;
						v[j] -= delta;
					}
					else minv[j] -= delta;
				}
				j0 = j1;
			}
			while (p[j0] != 0);
			do {
				int j1 = way[j0];
				p[j0] = p[j1];
				j0 = j1;
			}
			while (j0 != 0);
		}
		int[] rowToCol = new int[n];
		Arrays.fill(rowToCol, -1);
		for (int j = 1; j <= m; j++)
			if (p[j] != 0) rowToCol[p[j] - 1] = j - 1;
		return rowToCol;
	}
}
