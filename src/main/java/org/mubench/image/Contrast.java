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

	/**
	 * [lo, hi] of the values of all planes (NaN ignored) for a stretching mapping. The percentiles are exact order
	 * statistics, found without sorting or copying the data: a 65,536-bin histogram over [min, max] locates the bin of
	 * each rank, and only that bin's values are sorted.
	 */
	static double[] range(float[][] planes, ContrastMapping m) {
		double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
		long count = 0;
		for (float[] p : planes)
			for (float v : p)
				if (v == v) { // not NaN
					if (v < min)
						min = v;
					if (v > max)
						max = v;
					count++;
				}
		if (count == 0)
			return new double[] { 0, 0 };
		if (m != ContrastMapping.SATURATED || min == max)
			return new double[] { min, max };
		final long tail = (long) Math.floor(SATURATED_TAIL * count);
		final int bins = 65536;
		final double scale = (bins - 1) / (max - min);
		final long[] hist = new long[bins];
		for (float[] p : planes)
			for (float v : p)
				if (v == v)
					hist[(int) ((v - min) * scale)]++;
		return new double[] { orderStatistic(planes, hist, tail, min, scale),
			orderStatistic(planes, hist, count - 1 - tail, min, scale) };
	}

	/** The value of the given rank (0-based, ascending) among the non-NaN values. */
	private static double orderStatistic(float[][] planes, long[] hist, long rank, double min, double scale) {
		int bin = 0;
		long below = 0;
		while (below + hist[bin] <= rank)
			below += hist[bin++];
		final float[] inBin = new float[(int) hist[bin]];
		int p = 0;
		for (float[] plane : planes)
			for (float v : plane)
				if (v == v && (int) ((v - min) * scale) == bin)
					inBin[p++] = v;
		Arrays.sort(inBin);
		return inBin[(int) (rank - below)];
	}
}
