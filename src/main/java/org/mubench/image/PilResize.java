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

/**
 * Bicubic resampling that reproduces Pillow's {@code Image.resize(size, Image.BICUBIC, box)} on 8-bit images bit for
 * bit (Pillow's {@code ImagingResample}): a separable convolution with the cubic kernel a = −0.5 whose support is
 * widened by the reduction factor when shrinking (antialiasing), coefficients normalised to sum 1 and then turned into
 * 22-bit fixed point, a horizontal pass into an 8-bit intermediate followed by a vertical pass, each rounding
 * (+half) and clipping to 0–255. Only the source rows the vertical pass needs are resampled horizontally.
 * <p>
 * Pixels are interleaved, {@code channels} samples per pixel, rows top to bottom. Thread-safe.
 */
public final class PilResize {
	/** Pillow's fixed-point precision for 8-bit data: 32 bits minus 8 for the value minus 2 for the sign and headroom. */
	static final int PRECISION_BITS = 32 - 8 - 2;
	private static final double SUPPORT = 2.0;

	private PilResize() {}

	/** Cubic convolution kernel with a = −0.5 (Keys), evaluated exactly as Pillow does, in double. */
	static double bicubic(double x) {
		final double a = -0.5;
		if (x < 0.0)
			x = -x;
		if (x < 1.0)
			return ((a + 2.0) * x - (a + 3.0)) * x * x + 1;
		if (x < 2.0)
			return (((x - 5) * x + 8) * x - 4) * a;
		return 0.0;
	}

	/** Filter taps for one axis: for each output index, the first input index, the count, and fixed-point weights. */
	static final class Coefficients {
		final int ksize;
		final int[] start;
		final int[] count;
		final int[] weights; // outSize * ksize

		Coefficients(int outSize, int ksize) {
			this.ksize = ksize;
			start = new int[outSize];
			count = new int[outSize];
			weights = new int[outSize * ksize];
		}
	}

	/** Pillow's precompute_coeffs followed by normalize_coeffs_8bpc. {@code in0}, {@code in1} are the box edges. */
	static Coefficients coefficients(int inSize, float in0, float in1, int outSize) {
		final double scale = (double) (in1 - in0) / outSize;
		final double filterscale = scale < 1.0 ? 1.0 : scale;
		final double support = SUPPORT * filterscale;
		final int ksize = (int) Math.ceil(support) * 2 + 1;
		final Coefficients c = new Coefficients(outSize, ksize);
		final double[] k = new double[ksize];
		final double ss = 1.0 / filterscale;
		for (int xx = 0; xx < outSize; xx++) {
			final double center = in0 + (xx + 0.5) * scale;
			int xmin = (int) (center - support + 0.5);
			if (xmin < 0)
				xmin = 0;
			int xmax = (int) (center + support + 0.5);
			if (xmax > inSize)
				xmax = inSize;
			xmax -= xmin;
			double ww = 0.0;
			for (int x = 0; x < xmax; x++) {
				final double w = bicubic((x + xmin - center + 0.5) * ss);
				k[x] = w;
				ww += w;
			}
			for (int x = 0; x < xmax; x++) {
				double w = k[x];
				if (ww != 0.0)
					w /= ww;
				// to fixed point, rounding half away from zero as Pillow does
				c.weights[xx * ksize + x] = w < 0 ? (int) (-0.5 + w * (1 << PRECISION_BITS))
					: (int) (0.5 + w * (1 << PRECISION_BITS));
			}
			c.start[xx] = xmin;
			c.count[xx] = Math.max(xmax, 0);
		}
		return c;
	}

	/** Resizes the whole image to outWidth × outHeight. */
	public static byte[] resize(byte[] src, int width, int height, int channels, int outWidth, int outHeight) {
		return resize(src, width, height, channels, outWidth, outHeight, 0f, 0f, width, height);
	}

	/**
	 * Resizes the region (x0, y0)–(x1, y1) of the source (Pillow's {@code box}, in source pixels, may be fractional)
	 * to outWidth × outHeight.
	 */
	public static byte[] resize(byte[] src, int width, int height, int channels, int outWidth, int outHeight, float x0,
		float y0, float x1, float y1) {
		if (width <= 0 || height <= 0 || outWidth <= 0 || outHeight <= 0)
			throw new IllegalArgumentException("image sizes must be positive: " + width + "x" + height + " -> "
				+ outWidth + "x" + outHeight);
		if ((long) width * height * channels > src.length)
			throw new IllegalArgumentException("source holds " + src.length + " samples, not " + width + "x" + height
				+ "x" + channels);
		if (x0 < 0 || y0 < 0 || x1 > width || y1 > height || x1 - x0 < 0 || y1 - y0 < 0)
			throw new IllegalArgumentException("box outside the image");
		if (outWidth == width && outHeight == height && x0 == 0 && y0 == 0 && x1 == width && y1 == height)
			return java.util.Arrays.copyOf(src, width * height * channels);
		final boolean needHorizontal = outWidth != width || x0 != 0 || x1 != outWidth;
		final boolean needVertical = outHeight != height || y0 != 0 || y1 != outHeight;
		final Coefficients horiz = coefficients(width, x0, x1, outWidth);
		final Coefficients vert = coefficients(height, y0, y1, outHeight);
		// rows of the source the vertical pass reads
		final int firstRow = vert.start[0];
		final int lastRow = vert.start[outHeight - 1] + vert.count[outHeight - 1];

		byte[] cur = src;
		int curWidth = width, curHeight = height, rowOffset = 0;
		if (needHorizontal) {
			final int tempHeight = lastRow - firstRow;
			cur = horizontal(src, width, channels, firstRow, tempHeight, horiz, outWidth);
			curWidth = outWidth;
			curHeight = tempHeight;
			rowOffset = firstRow;
		}
		if (needVertical)
			return vertical(cur, curWidth, channels, vert, outHeight, rowOffset);
		if (cur == src)
			return java.util.Arrays.copyOf(src, width * height * channels);
		if (curHeight != outHeight) // not reached: without a vertical pass the temp image has exactly outHeight rows
			throw new IllegalStateException("resize: row count mismatch");
		return cur;
	}

	private static byte[] horizontal(byte[] src, int width, int channels, int firstRow, int rows, Coefficients c,
		int outWidth) {
		final byte[] out = new byte[outWidth * rows * channels];
		final int half = 1 << (PRECISION_BITS - 1);
		final int[] start = c.start, count = c.count, weights = c.weights;
		final int ksize = c.ksize;
		if (channels == 1 || channels == 3) {
			for (int y = 0; y < rows; y++)
				horizontalRow(src, (y + firstRow) * width * channels, channels, c, 0, outWidth, out, y * outWidth * channels);
			return out;
		}
		final int[] acc = new int[channels];
		for (int y = 0; y < rows; y++) {
			final int inRow = (y + firstRow) * width * channels;
			final int outRow = y * outWidth * channels;
			for (int xx = 0; xx < outWidth; xx++) {
				final int xmin = start[xx], n = count[xx], kOff = xx * ksize;
				for (int ch = 0; ch < channels; ch++)
					acc[ch] = half;
				for (int x = 0; x < n; x++) {
					final int w = weights[kOff + x];
					final int p = inRow + (x + xmin) * channels;
					for (int ch = 0; ch < channels; ch++)
						acc[ch] += (src[p + ch] & 0xFF) * w;
				}
				final int o = outRow + xx * channels;
				for (int ch = 0; ch < channels; ch++)
					out[o + ch] = clip8(acc[ch]);
			}
		}
		return out;
	}

	/**
	 * Pillow's horizontal pass for one row of 1 or 3 channels starting at {@code src[srcOff]}, output columns [cx0, cx1)
	 * only, into {@code out} from {@code to}.
	 */
	static void horizontalRow(byte[] src, int srcOff, int channels, Coefficients c, int cx0, int cx1,
		byte[] out, int to) {
		final int half = 1 << (PRECISION_BITS - 1);
		final int[] start = c.start, count = c.count, weights = c.weights;
		final int ksize = c.ksize;
		int o = to;
		if (channels == 3) {
			for (int xx = cx0; xx < cx1; xx++) {
				final int n = count[xx], kOff = xx * ksize;
				int p = srcOff + start[xx] * 3;
				int s0 = half, s1 = half, s2 = half;
				for (int x = 0; x < n; x++, p += 3) {
					final int w = weights[kOff + x];
					s0 += (src[p] & 0xFF) * w;
					s1 += (src[p + 1] & 0xFF) * w;
					s2 += (src[p + 2] & 0xFF) * w;
				}
				out[o++] = clip8(s0);
				out[o++] = clip8(s1);
				out[o++] = clip8(s2);
			}
			return;
		}
		for (int xx = cx0; xx < cx1; xx++) {
			final int n = count[xx], kOff = xx * ksize, p = srcOff + start[xx];
			int s0 = half;
			for (int x = 0; x < n; x++)
				s0 += (src[p + x] & 0xFF) * weights[kOff + x];
			out[o++] = clip8(s0);
		}
	}

	private static byte[] vertical(byte[] src, int width, int channels, Coefficients c, int outHeight, int rowOffset) {
		final int rowLen = width * channels;
		final byte[] out = new byte[outHeight * rowLen];
		final int half = 1 << (PRECISION_BITS - 1);
		final int[] acc = new int[rowLen];
		for (int yy = 0; yy < outHeight; yy++) {
			final int ymin = c.start[yy] - rowOffset, n = c.count[yy], kOff = yy * c.ksize;
			java.util.Arrays.fill(acc, half);
			// row-wise accumulation: same sums as Pillow's per-pixel loop, in cache-friendly order
			for (int y = 0; y < n; y++) {
				final int w = c.weights[kOff + y];
				final int p = (y + ymin) * rowLen;
				for (int i = 0; i < rowLen; i++)
					acc[i] += (src[p + i] & 0xFF) * w;
			}
			final int o = yy * rowLen;
			for (int i = 0; i < rowLen; i++)
				out[o + i] = clip8(acc[i]);
		}
		return out;
	}

	static byte clip8(int v) {
		final int s = v >> PRECISION_BITS;
		return (byte) (s < 0 ? 0 : s > 255 ? 255 : s);
	}
}
