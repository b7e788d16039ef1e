package org.mubench.image;

import java.util.Arrays;

/** The arithmetic behind {@link ContrastMapping}: bringing deeper-than-8-bit values to 0–255. */
final class Contrast {
	/** Fraction of the samples saturated at each end by {@link ContrastMapping#SATURATED}. */
	static final double SATURATED_TAIL = 0.0035;

	private Contrast() {}

	/** PIL's conversion of an I, I;16 or F value to 8 bits: clip to 0–255, drop the fraction. */
	static int pil(double v) {
		if (v <= 0.0 || Double.isNaN(v))
			return 0;
		if (v >= 255.0)
			return 255;
		return (int) v;
	}

	/** Linear map of [lo, hi] onto 0–255, rounded half up and clipped; a flat range maps to 0. */
	static int linear(double v, double lo, double hi) {
		if (!(hi > lo) || Double.isNaN(v))
			return 0;
		final double x = Math.floor((v - lo) * 255.0 / (hi - lo) + 0.5);
		return x <= 0 ? 0 : x >= 255 ? 255 : (int) x;
	}

	/** [lo, hi] of a histogram of 16-bit values for a stretching mapping. */
	static int[] range(int[] hist, ContrastMapping m) {
		long total = 0;
		for (int h : hist)
			total += h;
		final long tail = m == ContrastMapping.SATURATED ? (long) Math.floor(SATURATED_TAIL * total) : 0;
		// lo = the sorted sample at rank `tail`, hi = the sample at rank total-1-tail
		int lo = 0, hi = hist.length - 1;
		long seen = 0;
		for (int v = 0; v < hist.length; v++) {
			seen += hist[v];
			if (seen > tail) {
				lo = v;
				break;
			}
		}
		seen = 0;
		for (int v = hist.length - 1; v >= 0; v--) {
			seen += hist[v];
			if (seen > tail) {
				hi = v;
				break;
			}
		}
		return new int[] { lo, hi };
	}

	/** Lookup table 16-bit value → 8-bit for a stretching mapping, from the histogram of the samples. */
	static int[] lookupTable(int[] hist, ContrastMapping m) {
		final int[] r = range(hist, m);
		final int[] lut = new int[hist.length];
		for (int v = 0; v < lut.length; v++)
			lut[v] = linear(v, r[0], r[1]);
		return lut;
	}

	/** [lo, hi] of arbitrary values (NaN ignored) for a stretching mapping. */
	static double[] range(double[] values, ContrastMapping m) {
		if (m == ContrastMapping.MIN_MAX) {
			double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
			for (double v : values) {
				if (v < lo)
					lo = v;
				if (v > hi)
					hi = v;
			}
			return lo <= hi ? new double[] { lo, hi } : new double[] { 0, 0 };
		}
		final double[] sorted = values.clone();
		Arrays.sort(sorted); // NaN sorts last
		int n = sorted.length;
		while (n > 0 && Double.isNaN(sorted[n - 1]))
			n--;
		if (n == 0)
			return new double[] { 0, 0 };
		final int tail = (int) Math.floor(SATURATED_TAIL * n);
		return new double[] { sorted[tail], sorted[n - 1 - tail] };
	}
}
