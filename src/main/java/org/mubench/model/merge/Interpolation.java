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
package org.mubench.model.merge;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.mubench.model.onnx.HalfFloats;

/**
 * (1 − α)·base + α·finetuned on little-endian chunks of one element type, computed in float64 and stored back in the
 * element type (float16 and bfloat16 rounded to nearest, ties to even).
 */
final class Interpolation {
	enum Kind { FLOAT32, FLOAT64, FLOAT16, BFLOAT16 }

	private Interpolation() {}

	static int byteSize(Kind kind) {
		switch (kind) {
			case FLOAT64: return 8;
			case FLOAT32: return 4;
			default: return 2;
		}
	}

	/** Interpolates {@code n} bytes of both inputs into {@code out} (all little-endian, same length). */
	static void mix(Kind kind, double alpha, byte[] base, byte[] finetuned, byte[] out, int n) {
		ByteBuffer b = ByteBuffer.wrap(base, 0, n).order(ByteOrder.LITTLE_ENDIAN);
		ByteBuffer f = ByteBuffer.wrap(finetuned, 0, n).order(ByteOrder.LITTLE_ENDIAN);
		ByteBuffer o = ByteBuffer.wrap(out, 0, n).order(ByteOrder.LITTLE_ENDIAN);
		double beta = 1 - alpha;
		switch (kind) {
			case FLOAT32:
				for (int i = 0; i < n; i += 4) o.putFloat(i, (float) (beta * b.getFloat(i) + alpha * f.getFloat(i)));
				break;
			case FLOAT64:
				for (int i = 0; i < n; i += 8) o.putDouble(i, beta * b.getDouble(i) + alpha * f.getDouble(i));
				break;
			case FLOAT16:
				for (int i = 0; i < n; i += 2) {
					double v = beta * HalfFloats.halfToDouble(b.getShort(i) & 0xffff)
						+ alpha * HalfFloats.halfToDouble(f.getShort(i) & 0xffff);
					o.putShort(i, (short) HalfFloats.doubleToHalf(v));
				}
				break;
			case BFLOAT16:
				for (int i = 0; i < n; i += 2) {
					double v = beta * HalfFloats.bfloat16ToDouble(b.getShort(i) & 0xffff)
						+ alpha * HalfFloats.bfloat16ToDouble(f.getShort(i) & 0xffff);
					o.putShort(i, (short) HalfFloats.doubleToBfloat16(v));
				}
				break;
			default: throw new IllegalArgumentException(String.valueOf(kind));
		}
	}
}
