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

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The paper's confidence interval: {@code scipy.stats.bootstrap(data, np.mean, method='basic', n_resamples=9999,
 * confidence_level=0.95)} on the 0/1 correctness of each question.
 * <p>
 * scipy draws {@code n} indices with replacement per resample and takes the mean. For 0/1 data with {@code k} ones the
 * number of ones in such a resample is exactly Binomial(n, k/n), so we draw that count directly by inverting the
 * binomial CDF (same distribution, O(log n) per resample instead of O(n)); {@link #resampleMeansByLoop} does it the
 * plain way and the tests check both agree. The resample mean is {@code count / n}, which equals numpy's mean of the
 * 0/1 floats exactly (integer sums below 2^53 are exact).
 * <p>
 * Interval: sort the resample means, take the quantiles {@code alpha = (1 - level) / 2} and {@code 1 - alpha} with
 * numpy's default "linear" rule (virtual index {@code q·(R−1)}, numpy's two-sided lerp), and reflect them around the
 * sample mean m: {@code (2m − q_hi, 2m − q_lo)}. The half-width the paper's table shows is {@code m − q_lo}.
 * <p>
 * Randomness: {@link SplittableRandom} seeded from (seed, stream name), so each group has its own reproducible stream
 * that does not depend on which other groups were computed or in which order.
 */
public final class Bootstrap {
	private Bootstrap() {}

	public static final int DEFAULT_RESAMPLES = 9999;
	public static final double DEFAULT_CONFIDENCE = 0.95;

	/** A mean with its basic-bootstrap interval. */
	public static final class Interval {
		public final double mean, low, high, halfWidth;

		public Interval(double mean, double low, double high, double halfWidth) {
			this.mean = mean;
			this.low = low;
			this.high = high;
			this.halfWidth = halfWidth;
		}

		@Override
		public String toString() {
			return mean + " [" + low + ", " + high + "] ±" + halfWidth;
		}
	}

	/** A reproducible random stream for one named quantity under one seed. */
	public static SplittableRandom stream(long seed, String name) {
		// FNV-1a over the UTF-8 name, then mixed with the seed; String.hashCode alone collides too easily.
		long h = 0xcbf29ce484222325L;
		for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
			h ^= (b & 0xff);
			h *= 0x100000001b3L;
		}
		return new SplittableRandom(mix64(seed ^ mix64(h)));
	}

	private static long mix64(long z) {
		z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
		z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
		return z ^ (z >>> 31);
	}

	/** Basic-bootstrap interval of the proportion {@code k/n}. {@code n} must be positive. */
	public static Interval proportion(long k, long n, int resamples, double confidence, SplittableRandom rng) {
		if (n <= 0) throw new IllegalArgumentException("bootstrap of an empty group");
		double m = (double) k / n;
		return basic(m, resampleMeans(k, n, resamples, rng), confidence);
	}

	/**
	 * Basic-bootstrap interval of the unweighted mean of several proportions {@code k[i]/n[i]}: every resample
	 * resamples each part's questions independently (stratified) and averages the part means.
	 */
	public static Interval meanOfProportions(long[] k, long[] n, int resamples, double confidence,
		SplittableRandom rng)
	{
		if (k.length == 0) throw new IllegalArgumentException("macro mean of no parts");
		double[] sum = new double[resamples];
		double m = 0;
		for (int i = 0; i < k.length; i++) {
			double[] part = resampleMeans(k[i], n[i], resamples, rng);
			for (int r = 0; r < resamples; r++)
				sum[r] += part[r];
			m += (double) k[i] / n[i];
		}
		for (int r = 0; r < resamples; r++)
			sum[r] /= k.length;
		return basic(m / k.length, sum, confidence);
	}

	/** {@code resamples} bootstrap means of 0/1 data with {@code k} ones among {@code n}, via binomial inversion. */
	public static double[] resampleMeans(long k, long n, int resamples, SplittableRandom rng) {
		if (k < 0 || k > n || n <= 0) throw new IllegalArgumentException("need 0 <= k <= n, n > 0: " + k + "/" + n);
		double[] out = new double[resamples];
		if (k == 0 || k == n) {
			// Every resample of constant data is the same constant.
			Arrays.fill(out, (double) k / n);
			return out;
		}
		BinomialTable table = new BinomialTable(n, (double) k / n);
		for (int r = 0; r < resamples; r++)
			out[r] = (double) table.sample(rng) / n;
		return out;
	}

	/**
	 * Paired basic-bootstrap interval of the mean difference {@code mean(b − a)} of two 0/1 correctness vectors over
	 * the same questions: {@code minus} questions only a got right (difference −1), {@code plus} only b (+1),
	 * {@code same} both or neither (0). Resampling questions with replacement makes the counts of (−1, 0, +1) in a
	 * resample multinomial; we draw it exactly as two binomials by inversion (changed questions ~ Bin(n, (minus +
	 * plus)/n), then +1 among them ~ Bin(changed, plus/(minus + plus))), the same sampler and interval as
	 * {@link #proportion}. {@link #resampleMeans(double[], int, SplittableRandom)} on the −1/0/+1 vector is the plain
	 * way; the tests check both agree.
	 */
	public static Interval pairedDifference(long minus, long same, long plus, int resamples, double confidence,
		SplittableRandom rng)
	{
		if (minus < 0 || same < 0 || plus < 0) throw new IllegalArgumentException("negative count");
		long n = minus + same + plus;
		if (n <= 0) throw new IllegalArgumentException("paired bootstrap over no shared questions");
		long changed = minus + plus;
		double[] means = new double[resamples];
		if (changed > 0) {
			BinomialTable changedTable = changed == n ? null : new BinomialTable(n, (double) changed / n);
			double pPlus = (double) plus / changed;
			java.util.Map<Long, BinomialTable> plusTables = new java.util.HashMap<>();
			for (int r = 0; r < resamples; r++) {
				long d = changedTable == null ? n : changedTable.sample(rng);
				long up;
				if (plus == 0 || d == 0) up = 0;
				else if (minus == 0) up = d;
				else up = plusTables.computeIfAbsent(d, k -> new BinomialTable(k, pPlus)).sample(rng);
				means[r] = (double) (2 * up - d) / n;
			}
		}
		return basic((double) (plus - minus) / n, means, confidence);
	}

	/**
	 * Basic-bootstrap interval of the mean of arbitrary real values (GRIT scores, …): each resample draws
	 * {@code values.length} values with replacement. {@code values} must not be empty.
	 */
	public static Interval mean(double[] values, int resamples, double confidence, SplittableRandom rng) {
		int n = values.length;
		if (n == 0) throw new IllegalArgumentException("bootstrap of an empty group");
		double sum = 0;
		for (double v : values)
			sum += v;
		return basic(sum / n, resampleMeans(values, resamples, rng), confidence);
	}

	/** {@code resamples} bootstrap means of {@code values}, each of {@code values.length} draws with replacement. */
	public static double[] resampleMeans(double[] values, int resamples, SplittableRandom rng) {
		int n = values.length;
		double[] out = new double[resamples];
		for (int r = 0; r < resamples; r++) {
			double s = 0;
			for (int i = 0; i < n; i++)
				s += values[rng.nextInt(n)];
			out[r] = s / n;
		}
		return out;
	}

	/** The same as {@link #resampleMeans} by drawing {@code n} indices per resample (slow; for cross-checks). */
	public static double[] resampleMeansByLoop(boolean[] data, int resamples, SplittableRandom rng) {
		int n = data.length;
		double[] out = new double[resamples];
		for (int r = 0; r < resamples; r++) {
			long c = 0;
			for (int i = 0; i < n; i++)
				if (data[rng.nextInt(n)]) c++;
			out[r] = (double) c / n;
		}
		return out;
	}

	/** The basic interval from the sample statistic and its bootstrap distribution (not modified). */
	public static Interval basic(double m, double[] bootstrapMeans, double confidence) {
		double[] sorted = bootstrapMeans.clone();
		Arrays.sort(sorted);
		// The same floating-point steps as scipy: alpha = (1 - level) / 2, quantiles alpha and 1 - alpha.
		double alpha = (1 - confidence) / 2;
		double qLo = quantileLinear(sorted, alpha);
		double qHi = quantileLinear(sorted, 1 - alpha);
		return new Interval(m, 2 * m - qHi, 2 * m - qLo, m - qLo);
	}

	/**
	 * numpy's default ("linear", Hyndman–Fan type 7) quantile of a sorted array: virtual index {@code q·(R−1)},
	 * interpolated as numpy's {@code _lerp} does (from the upper neighbour when the weight is at least 0.5).
	 */
	public static double quantileLinear(double[] sorted, double q) {
		int n = sorted.length;
		if (n == 0) throw new IllegalArgumentException("quantile of nothing");
		double virtual = (n - 1) * q;
		double below = Math.floor(virtual);
		double gamma = virtual - below;
		int j = (int) below;
		if (j < 0) return sorted[0];
		if (j >= n - 1) return sorted[n - 1];
		double a = sorted[j], b = sorted[j + 1];
		double diff = b - a;
		if (gamma >= 0.5) return b - diff * (1 - gamma);
		return a + diff * gamma;
	}

	/**
	 * Binomial(n, p) CDF over the range that carries any probability at double precision, for sampling by
	 * inversion. Weights are built outward from the mode by the pmf ratio {@code (n−j)/(j+1)·p/(1−p)} and normalised,
	 * so no log-gamma is needed; terms below 1e-30 of the mode's weight are dropped (their total is far below the
	 * resolution of a uniform double).
	 */
	static final class BinomialTable {
		final long lo;
		final double[] cdf;

		BinomialTable(long n, double p) {
			long mode = (long) Math.floor((n + 1) * p);
			if (mode > n) mode = n;
			double ratio = p / (1 - p);
			double cut = 1e-30;
			// Upward from the mode.
			double[] up = new double[16];
			int nu = 0;
			double w = 1;
			for (long j = mode; j < n; j++) {
				w *= (double) (n - j) / (j + 1) * ratio;
				if (w < cut) break;
				if (nu == up.length) up = Arrays.copyOf(up, nu * 2);
				up[nu++] = w;
			}
			// Downward from the mode: pmf(j-1)/pmf(j) = j / (n-j+1) / ratio.
			double[] down = new double[16];
			int nd = 0;
			w = 1;
			for (long j = mode; j > 0; j--) {
				w *= (double) j / (n - j + 1) / ratio;
				if (w < cut) break;
				if (nd == down.length) down = Arrays.copyOf(down, nd * 2);
				down[nd++] = w;
			}
			lo = mode - nd;
			int size = nd + 1 + nu;
			double[] pmf = new double[size];
			for (int i = 0; i < nd; i++)
				pmf[nd - 1 - i] = down[i];
			pmf[nd] = 1;
			for (int i = 0; i < nu; i++)
				pmf[nd + 1 + i] = up[i];
			double total = 0;
			for (double v : pmf)
				total += v;
			cdf = new double[size];
			double acc = 0;
			for (int i = 0; i < size; i++) {
				acc += pmf[i];
				cdf[i] = acc / total;
			}
			cdf[size - 1] = 1.0;
		}

		long sample(SplittableRandom rng) {
			double u = rng.nextDouble();
			// First index with cdf > u.
			int a = 0, b = cdf.length - 1;
			while (a < b) {
				int mid = (a + b) >>> 1;
				if (cdf[mid] > u) b = mid;
				else a = mid + 1;
			}
			return lo + a;
		}
	}
}
