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

import java.util.zip.Inflater;

/**
 * PNG bytes straight to the model's input tensor, streaming row by row, for the hot path of a run: each row is
 * inflated, unfiltered and brought to 8 bits (grey stays one channel) in a reused row buffer, resampled horizontally
 * only if the vertical pass needs it and only for the columns the centre crop keeps, and the vertical pass computes
 * only the rows the crop keeps, writing normalised floats. Memory and work after decoding are proportional to the
 * output, not the image; the per-thread buffers are reused across images.
 * <p>
 * Bit-identical to {@link PngDecoder#decode} → {@link DecodedImage#toRgb8} → {@link PilResize} → crop → normalise
 * (Pillow's two separable passes with the same fixed-point coefficients and 8-bit rounding between them; channels
 * and output pixels are computed independently, so skipping the ones the crop drops changes none that it keeps).
 * Applies to non-interlaced files whose 8-bit conversion is per pixel (every colour type with the PIL mapping; 8-bit
 * and lower data with any mapping); {@link #supports} says so, and callers fall back to the full decode otherwise.
 */
final class PngTensor {
	private PngTensor() {}

	/** Per-thread buffers, grown as needed and kept (up to {@link #KEEP_BYTES}) for the next image. */
	private static final class Scratch {
		final Inflater inflater = new Inflater();
		byte[] rowA = new byte[0], rowB = new byte[0], row8 = new byte[0], temp = new byte[0], line = new byte[0];
		int[] acc = new int[0];
		/** The last coefficients per axis, reused while images keep their size (common within a dataset). */
		PilResize.Coefficients hc, vc;
		int hIn, hOut, vIn, vOut;

		PilResize.Coefficients horizontal(int in, int out) {
			if (hc == null || hIn != in || hOut != out) {
				hc = PilResize.coefficients(in, 0f, in, out);
				hIn = in;
				hOut = out;
			}
			return hc;
		}

		PilResize.Coefficients vertical(int in, int out) {
			if (vc == null || vIn != in || vOut != out) {
				vc = PilResize.coefficients(in, 0f, in, out);
				vIn = in;
				vOut = out;
			}
			return vc;
		}
	}

	/** Larger buffers are used once and dropped, so a decode thread never holds more than this between images. */
	private static final int KEEP_BYTES = 16 << 20;
	private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

	static boolean supports(PngDecoder.Parsed png, ContrastMapping contrast) {
		return !png.interlaced && (png.bitDepth <= 8 || contrast == null || contrast == ContrastMapping.PIL);
	}

	/**
	 * Writes the tensor of a parsed, {@link #supports supported} PNG into {@code out} from {@code offset}, adding
	 * decode nanoseconds to {@code stageNanos[0]} and resize + crop + normalise nanoseconds to {@code stageNanos[1]}
	 * when it is not null.
	 */
	static void toTensor(PngDecoder.Parsed png, String itemName, PreprocessConfig cfg, ResizeGeometry g, float[] out,
		int offset, long[] stageNanos) {
		final long t0 = stageNanos != null ? System.nanoTime() : 0;
		long resizeNanos = 0;
		final Scratch s = SCRATCH.get();
		final int width = png.width, height = png.height, ct = png.colourType;
		final int channels = ct == DecodedImage.GREY || ct == DecodedImage.GREY_ALPHA ? 1 : 3;
		final int rw = g.resizedWidth(), rh = g.resizedHeight();
		final boolean resize = rw != width || rh != height;
		final boolean horizontal = resize && rw != width, vertical = resize && rh != height;
		// the window of the resized image the crop keeps
		final int cx0 = Math.max(0, g.cropLeft()), cx1 = Math.min(rw, g.cropLeft() + g.outputWidth());
		final int cy0 = Math.max(0, g.cropTop()), cy1 = Math.min(rh, g.cropTop() + g.outputHeight());
		final int tw = cx1 - cx0;
		final PilResize.Coefficients hc = horizontal ? s.horizontal(width, rw) : null;
		final PilResize.Coefficients vc = vertical ? s.vertical(height, rh) : null;
		// source rows the vertical pass (or, without one, the crop) reads
		final int firstRow = vertical ? vc.start[cy0] : cy0;
		final int lastRow = vertical ? vc.start[cy1 - 1] + vc.count[cy1 - 1] : cy1;
		final int tempBytes = (lastRow - firstRow) * tw * channels;
		final byte[] temp = s.temp.length >= tempBytes ? s.temp : new byte[tempBytes];
		if (temp != s.temp && tempBytes <= KEEP_BYTES)
			s.temp = temp;

		final int stride = png.stride(), bpp = png.filterBpp();
		byte[] cur = grow(s.rowA, stride + 1), prev = grow(s.rowB, stride + 1);
		final boolean direct = png.bitDepth == 8 && (ct == DecodedImage.GREY || ct == DecodedImage.RGB);
		final byte[] row8 = direct ? null : grow(s.row8, width * channels);
		if (row8 != null && row8.length <= KEEP_BYTES)
			s.row8 = row8;
		final PngDecoder.DataStream data = new PngDecoder.DataStream(png, s.inflater, itemName);
		for (int y = 0; y < height; y++) {
			data.read(cur, 0, stride + 1);
			final int filter = cur[0] & 0xFF;
			if (y >= lastRow) { // rows past the last one needed are still read and checked, as a full decode does
				if (filter > 4)
					throw PngDecoder.unknownFilter(itemName, filter, y, 0);
				continue;
			}
			if (!PngDecoder.unfilterRow(filter, cur, 1, y == 0 ? null : prev, 1, stride, bpp))
				throw PngDecoder.unknownFilter(itemName, filter, y, 0);
			if (y >= firstRow) {
				final byte[] src;
				final int srcOff;
				if (direct) {
					src = cur;
					srcOff = 1;
				}
				else {
					toEightBit(png, cur, row8);
					src = row8;
					srcOff = 0;
				}
				final long r0 = stageNanos != null ? System.nanoTime() : 0;
				final int to = (y - firstRow) * tw * channels;
				if (horizontal)
					PilResize.horizontalRow(src, srcOff, channels, hc, cx0, cx1, temp, to);
				else
					System.arraycopy(src, srcOff + cx0 * channels, temp, to, tw * channels);
				if (stageNanos != null)
					resizeNanos += System.nanoTime() - r0;
			}
			final byte[] t = cur;
			cur = prev;
			prev = t;
		}
		if (cur.length <= KEEP_BYTES) {
			s.rowA = cur;
			s.rowB = prev;
		}
		final long t1 = stageNanos != null ? System.nanoTime() : 0;
		writeTensor(temp, tw, channels, vc, firstRow, cx0, cy0, cy1, g, cfg, out, offset, s);
		if (stageNanos != null) {
			final long t2 = System.nanoTime();
			stageNanos[0] += t1 - t0 - resizeNanos;
			stageNanos[1] += resizeNanos + t2 - t1;
		}
	}

	private static byte[] grow(byte[] b, int n) {
		return b.length >= n ? b : new byte[n];
	}

	/**
	 * One unfiltered row (after its filter byte) to 8-bit samples as {@link DecodedImage#toRgb8} with the PIL mapping
	 * gives them: grey (1 channel, low depths scaled, 16-bit clipped to 255, alpha dropped), or RGB (palette looked up,
	 * indices past the palette black; 16-bit colour reduced to its high byte; alpha dropped).
	 */
	private static void toEightBit(PngDecoder.Parsed png, byte[] row, byte[] out) {
		final int w = png.width, depth = png.bitDepth;
		switch (png.colourType) {
			case DecodedImage.GREY:
				if (depth == 16) {
					for (int x = 0; x < w; x++) {
						final int v = ((row[1 + 2 * x] & 0xFF) << 8) | (row[2 + 2 * x] & 0xFF);
						out[x] = (byte) Math.min(v, 255);
					}
				}
				else { // 1, 2, 4 bits (8 bits is read in place)
					final int perByte = 8 / depth, mask = (1 << depth) - 1, scale = 255 / mask;
					for (int x = 0; x < w; x++) {
						final int b = row[1 + x / perByte] & 0xFF;
						out[x] = (byte) (((b >>> (8 - depth * (x % perByte + 1))) & mask) * scale);
					}
				}
				return;
			case DecodedImage.GREY_ALPHA: {
				final int step = depth == 16 ? 4 : 2;
				for (int x = 0; x < w; x++)
					out[x] = row[1 + step * x];
				return;
			}
			case DecodedImage.RGB: // 16 bits (8 bits is read in place): the high bytes
				for (int x = 0; x < w; x++) {
					out[3 * x] = row[1 + 6 * x];
					out[3 * x + 1] = row[3 + 6 * x];
					out[3 * x + 2] = row[5 + 6 * x];
				}
				return;
			case DecodedImage.RGBA: {
				final int step = depth == 16 ? 8 : 4, k = depth == 16 ? 2 : 1;
				for (int x = 0; x < w; x++) {
					final int p = 1 + step * x;
					out[3 * x] = row[p];
					out[3 * x + 1] = row[p + k];
					out[3 * x + 2] = row[p + 2 * k];
				}
				return;
			}
			default: { // palette, 1–8 bits per index
				final byte[] pal = png.palette;
				final int entries = pal.length / 3, perByte = 8 / depth, mask = (1 << depth) - 1;
				for (int x = 0; x < w; x++) {
					final int idx = depth == 8 ? row[1 + x] & 0xFF
						: ((row[1 + x / perByte] & 0xFF) >>> (8 - depth * (x % perByte + 1))) & mask;
					if (idx < entries) {
						out[3 * x] = pal[3 * idx];
						out[3 * x + 1] = pal[3 * idx + 1];
						out[3 * x + 2] = pal[3 * idx + 2];
					}
					else
						out[3 * x] = out[3 * x + 1] = out[3 * x + 2] = 0;
				}
			}
		}
	}

	/**
	 * The vertical pass for the crop's rows (or, without one, the rows as they are), through the level tables into the
	 * C-order float tensor; what lies outside the resized image is padding (zero before normalisation).
	 */
	private static void writeTensor(byte[] temp, int tw, int channels, PilResize.Coefficients vc, int firstRow, int cx0,
		int cy0, int cy1, ResizeGeometry g, PreprocessConfig cfg, float[] out, int offset, Scratch s) {
		final int ow = g.outputWidth(), oh = g.outputHeight(), plane = ow * oh;
		if (out.length - offset < 3 * plane)
			throw new IllegalArgumentException("tensor buffer too small: " + (out.length - offset) + " < " + 3 * plane);
		final float[][] lut = ImageTensors.levels(cfg);
		final int left = g.cropLeft(), top = g.cropTop();
		final int rowLen = tw * channels;
		final int half = 1 << (PilResize.PRECISION_BITS - 1);
		int[] acc = s.acc.length >= rowLen ? s.acc : (s.acc = new int[rowLen]);
		final byte[] line = s.line.length >= rowLen ? s.line : (s.line = new byte[rowLen]);
		for (int y = 0; y < oh; y++) {
			final int sy = y + top;
			if (sy < cy0 || sy >= cy1) {
				for (int c = 0; c < 3; c++)
					java.util.Arrays.fill(out, offset + c * plane + y * ow, offset + c * plane + (y + 1) * ow, lut[c][0]);
				continue;
			}
			final byte[] src;
			final int srcOff;
			if (vc != null) {
				final int ymin = vc.start[sy] - firstRow, n = vc.count[sy], kOff = sy * vc.ksize;
				java.util.Arrays.fill(acc, 0, rowLen, half);
				for (int k = 0; k < n; k++) {
					final int w = vc.weights[kOff + k];
					final int p = (ymin + k) * rowLen;
					for (int i = 0; i < rowLen; i++)
						acc[i] += (temp[p + i] & 0xFF) * w;
				}
				for (int i = 0; i < rowLen; i++)
					line[i] = PilResize.clip8(acc[i]);
				src = line;
				srcOff = 0;
			}
			else {
				src = temp;
				srcOff = (sy - firstRow) * rowLen;
			}
			for (int c = 0; c < 3; c++) {
				final float[] l = lut[c];
				final int ch = channels == 1 ? 0 : c;
				final int row = offset + c * plane + y * ow;
				for (int x = 0; x < ow; x++) {
					final int sx = x + left;
					out[row + x] = sx < cx0 || sx >= cx0 + tw ? l[0] : l[src[srcOff + (sx - cx0) * channels + ch] & 0xFF];
				}
			}
		}
	}
}
