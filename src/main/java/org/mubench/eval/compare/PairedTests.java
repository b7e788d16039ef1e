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

import java.util.Arrays;

/**
 * Significance of a paired difference in accuracy, and the Holm correction.
 * <p>
 * p-value: the exact McNemar test. Only questions one model got right and the other wrong carry information about a
 * difference; under "no difference" each such question is equally likely to favour either model, so the count
 * favouring b is Binomial(discordant, ½). Two-sided p = min(1, 2·P(X ≤ min(b, c))), the same as scipy's
 * {@code binomtest(k, n, 0.5).pvalue} (for p = ½ its "as likely or less likely" rule is the doubled tail). Exact, no
 * Monte Carlo noise, valid for small counts; 1 when no question is discordant.
 */
public final class PairedTests {
	private PairedTests() {}

	public static final String P_VALUE_METHOD = "exact McNemar (two-sided binomial test on discordant questions, p = 1/2)";
	public static final String CORRECTION = "Holm (step-down Bonferroni) across the pairs of one group";

	/**
	 * @param onlyA questions only a answered correctly
	 * @param onlyB questions only b answered correctly
	 */
	public static double exactMcNemar(long onlyA, long onlyB) {
		if (onlyA < 0 || onlyB < 0) throw new IllegalArgumentException("negative count");
		long m = onlyA + onlyB;
		if (m == 0) return 1.0;
		long k = Math.min(onlyA, onlyB);
		// log pmf(j) = log C(m, j) − m log 2, built up by the ratio pmf(j+1)/pmf(j) = (m − j)/(j + 1); summed in log
		// space so tens of thousands of questions do not underflow.
		double logPmf = -m * Math.log(2);
		double logTail = logPmf;
		for (long j = 0; j < k; j++) {
			logPmf += Math.log((double) (m - j) / (j + 1));
			logTail = logAdd(logTail, logPmf);
		}
		return Math.min(1.0, 2 * Math.exp(logTail));
	}

	private static double logAdd(double a, double b) {
		double hi = Math.max(a, b), lo = Math.min(a, b);
		return hi + Math.log1p(Math.exp(lo - hi));
	}

	/**
	 * Holm-adjusted p-values in the input order: sort ascending, multiply the i-th smallest (0-based) by (m − i),
	 * carry the running maximum so adjusted values keep the order of the raw ones, cap at 1. NaN entries are left out
	 * (and stay NaN).
	 */
	public static double[] holm(double[] p) {
		int[] order = java.util.stream.IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i])).boxed()
			.sorted((i, j) -> Double.compare(p[i], p[j])).mapToInt(Integer::intValue).toArray();
		double[] out = new double[p.length];
		Arrays.fill(out, Double.NaN);
		int m = order.length;
		double running = 0;
		for (int r = 0; r < m; r++) {
			double adj = Math.min(1.0, (m - r) * p[order[r]]);
			running = Math.max(running, adj);
			out[order[r]] = running;
		}
		return out;
	}
}
