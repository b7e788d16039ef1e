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
 * The resize step of open_clip's transform, which runs on the PIL image in the mode Pillow opened the file in and only
 * then converts to RGB ({@code Resize → CenterCrop → convert("RGB")}). Pillow resizes each mode its own way, and these
 * are the ones where that changes the pixels, reproduced bit for bit:
 * <ul>
 * <li>RGBA and LA: bicubic on alpha-premultiplied samples ({@code RGBa}/{@code La}), then un-premultiplied
 * (transparent pixels come out black);</li>
 * <li>palette ({@code P}) and 1-bit grey ({@code 1}): nearest neighbour (Pillow never interpolates those modes);</li>
 * <li>16-bit grey ({@code I;16}): bicubic on the 16-bit values, clipped to 255 only when converted to RGB.</li>
 * </ul>
 * Every other file (RGB, 2–8-bit grey, 16-bit colour which Pillow reads as 8-bit) is resized as 8-bit RGB or grey, as
 * for CLIPImageProcessor. The centre crop commutes with the per-pixel conversion, so it stays in the shared tail of
 * {@link ImageTensors}. Thread-safe.
 */
final class OpenClipImages {
	private OpenClipImages() {}

	/** The file resized as its Pillow mode is, converted to 8-bit RGB or grey, not yet cropped. */
	static ImageTensors.Image8 resizedInOwnMode(DecodedImage d, PreprocessConfig cfg) {
		final ResizeGeometry g = ResizeGeometry.of(d.width(), d.height(), cfg);
		final int w = d.width(), h = d.height(), rw = g.resizedWidth(), rh = g.resizedHeight();
		final boolean same = rw == w && rh == h; // torchvision and Pillow return the image untouched
		final int ct = d.colourType();
		if (ct == DecodedImage.PALETTE) {
			final byte[] idx = same ? d.bytes() : nearest(d.bytes(), w, h, 1, rw, rh);
			final byte[] pal = d.paletteRgb();
			final int entries = pal.length / 3;
			final byte[] rgb = new byte[rw * rh * 3];
			for (int i = 0; i < rw * rh; i++) {
				final int k = idx[i] & 0xFF;
				if (k < entries)
					System.arraycopy(pal, 3 * k, rgb, 3 * i, 3);
			}
			return new ImageTensors.Image8(rgb, rw, rh, 3);
		}
		if (ct == DecodedImage.GREY && d.bitDepth() == 1) {
			final ImageTensors.Image8 grey = ImageTensors.toImage8(d, ContrastMapping.PIL);
			return same ? grey : new ImageTensors.Image8(nearest(grey.data, w, h, 1, rw, rh), rw, rh, 1);
		}
		if (ct == DecodedImage.GREY && d.bitDepth() == 16) {
			final short[] s = d.shorts();
			final int[] v = new int[w * h];
			for (int i = 0; i < v.length; i++)
				v[i] = s[i] & 0xFFFF;
			final int[] r = same ? v : resize16(v, w, h, rw, rh);
			final byte[] out = new byte[r.length];
			for (int i = 0; i < r.length; i++)
				out[i] = (byte) Math.min(255, Math.max(0, r[i])); // Pillow's I;16 → RGB clips
			return new ImageTensors.Image8(out, rw, rh, 1);
		}
		if (ct == DecodedImage.RGBA || ct == DecodedImage.GREY_ALPHA)
			return premultipliedResize(d, w, h, rw, rh, same);
		final ImageTensors.Image8 img = ImageTensors.toImage8(d, ContrastMapping.PIL);
		if (same)
			return img;
		return new ImageTensors.Image8(PilResize.resize(img.data, w, h, img.channels, rw, rh), rw, rh, img.channels);
	}

	/** Pillow's RGBA/LA resize: to RGBa/La, bicubic, back to RGBA/LA; then the alpha is dropped. */
	private static ImageTensors.Image8 premultipliedResize(DecodedImage d, int w, int h, int rw, int rh, boolean same) {
		final int spp = d.samplesPerPixel(), colours = spp - 1, n = w * h;
		final byte[] px = new byte[n * spp];
		if (d.shorts() != null) { // Pillow reads 16-bit RGBA and LA as 8-bit: the high byte
			final short[] s = d.shorts();
			for (int i = 0; i < px.length; i++)
				px[i] = (byte) ((s[i] & 0xFFFF) >> 8);
		}
		else
			System.arraycopy(d.bytes(), 0, px, 0, px.length);
		byte[] r = px;
		if (!same) {
			for (int i = 0; i < n; i++) {
				final int a = px[i * spp + colours] & 0xFF;
				for (int k = 0; k < colours; k++) {
					final int t = (px[i * spp + k] & 0xFF) * a + 128; // Pillow's MULDIV255
					px[i * spp + k] = (byte) (((t >> 8) + t) >> 8);
				}
			}
			r = PilResize.resize(px, w, h, spp, rw, rh);
		}
		final int m = rw * rh;
		final byte[] out = new byte[m * colours];
		for (int i = 0; i < m; i++) {
			final int a = r[i * spp + colours] & 0xFF;
			for (int k = 0; k < colours; k++) {
				final int v = r[i * spp + k] & 0xFF;
				out[i * colours + k] = (byte) (same || a == 0 || a == 255 ? v : Math.min(255, 255 * v / a));
			}
		}
		return new ImageTensors.Image8(out, rw, rh, colours);
	}

	/**
	 * Pillow's nearest-neighbour resize (an affine scale, {@code ImagingScaleAffine}): the source coordinate starts at
	 * half a step and is advanced by adding the step in double, truncated per pixel, exactly as Pillow accumulates it.
	 */
	static byte[] nearest(byte[] src, int w, int h, int channels, int ow, int oh) {
		final int[] xs = new int[ow];
		final double ax = (double) w / ow, ay = (double) h / oh;
		double xo = ax * 0.5;
		for (int x = 0; x < ow; x++) {
			xs[x] = Math.min(w - 1, (int) xo);
			xo += ax;
		}
		final byte[] out = new byte[ow * oh * channels];
		double yo = ay * 0.5;
		for (int y = 0; y < oh; y++) {
			final int sy = Math.min(h - 1, (int) yo);
			yo += ay;
			for (int x = 0; x < ow; x++)
				System.arraycopy(src, (sy * w + xs[x]) * channels, out, (y * ow + x) * channels, channels);
		}
		return out;
	}

	/**
	 * Pillow's bicubic resize of an {@code I;16} image: double-precision weights (normalised, not fixed point), a
	 * horizontal pass over the rows the vertical pass needs and then a vertical pass, each rounding half away from zero
	 * and clipping to 16 bits, as Pillow 12 resizes I;16 (older Pillow opened such files as 32-bit I, unclipped).
	 */
	static int[] resize16(int[] src, int w, int h, int ow, int oh) {
		final Weights hw = weights(w, ow), vw = weights(h, oh);
		final boolean horizontal = ow != w, vertical = oh != h;
		int[] cur = src;
		int rowOffset = 0, curWidth = w;
		if (horizontal) {
			final int first = vertical ? vw.start[0] : 0;
			final int last = vertical ? vw.start[oh - 1] + vw.count[oh - 1] : h;
			cur = new int[ow * (last - first)];
			for (int y = first; y < last; y++)
				for (int x = 0; x < ow; x++) {
					double ss = 0;
					for (int k = 0; k < hw.count[x]; k++)
						ss += src[y * w + hw.start[x] + k] * hw.k[x * hw.ksize + k];
					cur[(y - first) * ow + x] = store16(roundUp(ss));
				}
			rowOffset = first;
			curWidth = ow;
		}
		if (!vertical)
			return cur;
		final int[] out = new int[curWidth * oh];
		for (int y = 0; y < oh; y++)
			for (int x = 0; x < curWidth; x++) {
				double ss = 0;
				for (int k = 0; k < vw.count[y]; k++)
					ss += cur[(vw.start[y] + k - rowOffset) * curWidth + x] * vw.k[y * vw.ksize + k];
				out[y * curWidth + x] = store16(roundUp(ss));
			}
		return out;
	}

	private static int roundUp(double f) {
		return (int) (f >= 0.0 ? Math.floor(f + 0.5f) : -Math.floor(Math.abs(f) + 0.5f));
	}

	/** Pillow stores an I;16 result clipped to 0–65535. */
	private static int store16(int v) {
		return Math.min(65535, Math.max(0, v));
	}

	private static final class Weights {
		final int ksize;
		final int[] start, count;
		final double[] k;

		Weights(int out, int ksize) {
			this.ksize = ksize;
			start = new int[out];
			count = new int[out];
			k = new double[out * ksize];
		}
	}

	/** Pillow's precompute_coeffs for the whole axis (box 0–inSize), kept in double as its 32-bit modes use them. */
	private static Weights weights(int inSize, int outSize) {
		final double scale = (double) inSize / outSize;
		final double filterscale = Math.max(scale, 1.0), support = 2.0 * filterscale, ss = 1.0 / filterscale;
		final Weights c = new Weights(outSize, (int) Math.ceil(support) * 2 + 1);
		for (int xx = 0; xx < outSize; xx++) {
			final double center = (xx + 0.5) * scale;
			final int xmin = Math.max(0, (int) (center - support + 0.5));
			final int xmax = Math.min(inSize, (int) (center + support + 0.5)) - xmin;
			double ww = 0;
			for (int x = 0; x < xmax; x++) {
				final double wgt = PilResize.bicubic((x + xmin - center + 0.5) * ss);
				c.k[xx * c.ksize + x] = wgt;
				ww += wgt;
			}
			if (ww != 0)
				for (int x = 0; x < xmax; x++)
					c.k[xx * c.ksize + x] /= ww;
			c.start[xx] = xmin;
			c.count[xx] = Math.max(xmax, 0);
		}
		return c;
	}
}
