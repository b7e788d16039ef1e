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
package org.mubench.model.onnx;

/**
 * Conversions between double and the 16-bit float formats (IEEE binary16 and bfloat16), rounding to nearest, ties to
 * even, directly from double so that no intermediate float rounding happens. Java 11 has no built-in for either.
 */
public final class HalfFloats {
	private HalfFloats() {}

	public static double halfToDouble(int bits) {
		int sign = (bits >>> 15) & 1;
		int exp = (bits >>> 10) & 0x1f;
		int mant = bits & 0x3ff;
		double v;
		if (exp == 0) v = mant * 0x1p-24;
		else if (exp == 31) v = mant == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
		else v = (1024 + mant) * Math.scalb(1.0, exp - 25);
		return sign == 0 ? v : -v;
	}

	public static int doubleToHalf(double d) {
		return toSmallFloat(d, 5, 10);
	}

	public static double bfloat16ToDouble(int bits) {
		return Float.intBitsToFloat((bits & 0xffff) << 16);
	}

	public static int doubleToBfloat16(double d) {
		return toSmallFloat(d, 8, 7);
	}

	/** Rounds {@code d} to a float with the given exponent and mantissa widths (sign bit included in the result). */
	private static int toSmallFloat(double d, int expBits, int mantBits) {
		int bias = (1 << (expBits - 1)) - 1;
		int expMax = (1 << expBits) - 1;
		int sign = (Double.doubleToRawLongBits(d) < 0) ? 1 << (expBits + mantBits) : 0;
		if (Double.isNaN(d)) return (expMax << mantBits) | (1 << (mantBits - 1));
		double a = Math.abs(d);
		if (Double.isInfinite(a)) return sign | (expMax << mantBits);
		if (a == 0) return sign;
		int e = Math.getExponent(a);
		int minNormal = 1 - bias;
		if (e < minNormal) {
			// Subnormal: an integer multiple of 2^(minNormal - mantBits); rint rounds half to even.
			long m = (long) Math.rint(Math.scalb(a, mantBits - minNormal));
			// m == 2^mantBits encodes the smallest normal number, which is what the bit layout gives anyway.
			return sign | (int) m;
		}
		long m = (long) Math.rint(Math.scalb(a, mantBits - e));
		if (m == (1L << (mantBits + 1))) {
			m >>= 1;
			e++;
		}
		int biased = e + bias;
		if (biased >= expMax) return sign | (expMax << mantBits);
		return sign | (biased << mantBits) | (int) (m - (1L << mantBits));
	}
}
