package org.mubench.eval.detect;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The 95 % basic-bootstrap interval of a mean as MICROBENCH §3 specifies for accuracy (scipy's {@code method='basic'},
 * 9,999 resamples): with m the sample mean and q_lo/q_hi the 2.5/97.5 percentiles (linear interpolation) of the
 * resampled means, CI = (2m − q_hi, 2m − q_lo). Kept here because the scoring package's bootstrap was not in main yet;
 * replace by it once merged. Seeded, so a run reproduces its own intervals (not scipy's random draws).
 */
public final class BasicBootstrap {
	private BasicBootstrap() {}

	public static final int RESAMPLES = 9999;

	/** {mean, low, high}; NaNs for no values, a zero-width interval for one value. */
	public static double[] interval(double[] values, int resamples, long seed) {
		int n = values.length;
		if (n == 0) return new double[] { Double.NaN, Double.NaN, Double.NaN };
		double m = mean(values);
		if (n == 1) return new double[] { m, m, m };
		SplittableRandom rnd = new SplittableRandom(seed);
		double[] means = new double[resamples];
		for (int b = 0; b < resamples; b++) {
			double s = 0;
			for (int i = 0; i < n; i++)
				s += values[rnd.nextInt(n)];
			means[b] = s / n;
		}
		Arrays.sort(means);
		double qLo = percentile(means, 2.5), qHi = percentile(means, 97.5);
		return new double[] { m, 2 * m - qHi, 2 * m - qLo };
	}

	static double mean(double[] v) {
		double s = 0;
		for (double x : v)
			s += x;
		return s / v.length;
	}

	/** numpy's default ('linear') percentile of sorted values. */
	static double percentile(double[] sorted, double p) {
		double pos = p / 100 * (sorted.length - 1);
		int lo = (int) Math.floor(pos);
		int hi = Math.min(lo + 1, sorted.length - 1);
		return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
	}
}
