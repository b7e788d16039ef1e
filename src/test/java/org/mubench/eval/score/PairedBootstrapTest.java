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
package org.mubench.eval.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The paired basic bootstrap of {@link Bootstrap#pairedDifference} against scipy. Reference numbers: in a throw-away
 * venv, the −1/0/+1 differences of each case were passed to {@code scipy.stats.bootstrap((d,), np.mean,
 * method='basic', n_resamples=9999, confidence_level=0.95)} (numpy 2 / scipy 1.x) with 40 seeds
 * ({@code np.random.default_rng(0..39)}); the constants are the mean and standard deviation of the 40 interval
 * endpoints. Our sampler is checked with 20 seeds against them within 4 standard errors of the difference of the two
 * averages: a biased or mis-scaled interval fails, Monte Carlo noise does not.
 */
class PairedBootstrapTest {

	@ParameterizedTest(name = "{0}")
	@CsvSource({
		// name, minus (only a right), same, plus (only b right), scipy low mean, sd, scipy high mean, sd
		"demo coarse a vs b, 15, 119, 26, -0.008914, 0.003083, 0.145477, 0.002786",
		"n 1000, 80, 850, 70, -0.033975, 0.000474, 0.013975, 0.000353",
		"n 2000 no difference, 300, 1400, 300, -0.023988, 0.000506, 0.023938, 0.000300",
		"small, 3, 10, 9, 0.000000, 0.000000, 0.555739, 0.018954" })
	void matchesScipyWithinMonteCarloNoise(String name, long minus, long same, long plus, double low, double lowSd,
		double high, double highSd)
	{
		int seeds = 20;
		double sumLow = 0, sumHigh = 0;
		for (int s = 0; s < seeds; s++) {
			Bootstrap.Interval ci = Bootstrap.pairedDifference(minus, same, plus, 9999, 0.95,
				Bootstrap.stream(s, "paired/test"));
			assertEquals((double) (plus - minus) / (minus + same + plus), ci.mean, 0.0, "exact mean difference");
			sumLow += ci.low;
			sumHigh += ci.high;
		}
		// Standard error of (our average of 20) − (scipy's average of 40), plus a floor for discrete cases.
		double tolLow = 4 * lowSd * Math.sqrt(1.0 / seeds + 1.0 / 40) + 1e-3;
		double tolHigh = 4 * highSd * Math.sqrt(1.0 / seeds + 1.0 / 40) + 1e-3;
		assertEquals(low, sumLow / seeds, tolLow, name + " low");
		assertEquals(high, sumHigh / seeds, tolHigh, name + " high");
	}

	/** The two-binomial sampler draws the same distribution as resampling the −1/0/+1 vector question by question. */
	@Test
	void agreesWithResamplingQuestions() {
		long minus = 40, same = 300, plus = 60;
		double[] d = new double[(int) (minus + same + plus)];
		Arrays.fill(d, 0, (int) minus, -1);
		Arrays.fill(d, (int) (minus + same), d.length, 1);
		int r = 200_000;
		Bootstrap.Interval fast = Bootstrap.pairedDifference(minus, same, plus, r, 0.95, Bootstrap.stream(1, "a"));
		Bootstrap.Interval loop = Bootstrap.basic(0.05, Bootstrap.resampleMeans(d, r, Bootstrap.stream(2, "b")), 0.95);
		assertEquals(loop.low, fast.low, 0.0026);
		assertEquals(loop.high, fast.high, 0.0026);
		double[] a = Bootstrap.resampleMeans(d, 20_000, Bootstrap.stream(3, "c"));
		assertEquals(0.05, Arrays.stream(a).average().getAsDouble(), 0.001);
	}

	@Test
	void edgeCases() {
		// No question changes: every resample is 0, the interval collapses.
		Bootstrap.Interval none = Bootstrap.pairedDifference(0, 50, 0, 999, 0.95, Bootstrap.stream(0, "x"));
		assertEquals(0, none.low, 0);
		assertEquals(0, none.high, 0);
		// Every question favours b: the difference is 1 in every resample.
		Bootstrap.Interval all = Bootstrap.pairedDifference(0, 0, 7, 999, 0.95, Bootstrap.stream(0, "x"));
		assertEquals(1, all.mean, 0);
		assertEquals(1, all.low, 0);
		assertEquals(1, all.high, 0);
		assertThrows(IllegalArgumentException.class, () -> Bootstrap.pairedDifference(0, 0, 0, 9, 0.95,
			Bootstrap.stream(0, "x")));
		// Same seed and stream, same interval.
		assertEquals(Bootstrap.pairedDifference(5, 20, 9, 999, 0.95, Bootstrap.stream(4, "s")).low,
			Bootstrap.pairedDifference(5, 20, 9, 999, 0.95, Bootstrap.stream(4, "s")).low, 0);
	}
}
