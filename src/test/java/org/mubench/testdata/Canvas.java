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
package org.mubench.testdata;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;

import javax.imageio.ImageIO;

/**
 * A float image (values 0–1, 1 or 3 channels) with soft-edged shapes and noise, for rendering synthetic micrographs.
 * Test code only: it encodes PNGs with javax.imageio.
 */
final class Canvas {
	final int w, h, channels;
	final float[] px;

	Canvas(int w, int h, int channels) {
		this.w = w;
		this.h = h;
		this.channels = channels;
		this.px = new float[w * h * channels];
	}

	Canvas fill(float... colour) {
		for (int i = 0; i < w * h; i++)
			for (int c = 0; c < channels; c++) px[i * channels + c] = colour[c];
		return this;
	}

	/** Mixes {@code colour} into the pixel at {@code a} (0–1). */
	void mix(int x, int y, float[] colour, float a) {
		if (x < 0 || y < 0 || x >= w || y >= h || a <= 0) return;
		if (a > 1) a = 1;
		int i = (y * w + x) * channels;
		for (int c = 0; c < channels; c++) px[i + c] += (colour[c] - px[i + c]) * a;
	}

	/** Adds {@code v} to every channel of the pixel. */
	void add(int x, int y, float v) {
		if (x < 0 || y < 0 || x >= w || y >= h) return;
		int i = (y * w + x) * channels;
		for (int c = 0; c < channels; c++) px[i + c] += v;
	}

	/**
	 * A filled ellipse with a soft edge {@code soft} pixels wide; {@code angle} in radians; {@code wobble} (0–1)
	 * perturbs the outline with a few harmonics seeded by {@code shapeSeed}.
	 */
	void ellipse(double cx, double cy, double rx, double ry, double angle, float[] colour, float opacity,
		double soft, double wobble, long shapeSeed)
	{
		Random r = new Random(shapeSeed);
		double[] amp = new double[4], phase = new double[4];
		for (int k = 0; k < 4; k++) {
			amp[k] = wobble * r.nextDouble() / (k + 1);
			phase[k] = r.nextDouble() * Math.PI * 2;
		}
		double cos = Math.cos(angle), sin = Math.sin(angle);
		double reach = Math.max(rx, ry) * (1 + wobble) + soft + 1;
		for (int y = (int) Math.floor(cy - reach); y <= cy + reach; y++)
			for (int x = (int) Math.floor(cx - reach); x <= cx + reach; x++) {
				double dx = x - cx, dy = y - cy;
				double u = (dx * cos + dy * sin) / rx, v = (-dx * sin + dy * cos) / ry;
				double rho = Math.sqrt(u * u + v * v), theta = Math.atan2(v, u);
				double edge = 1;
				for (int k = 0; k < 4; k++) edge += amp[k] * Math.sin((k + 2) * theta + phase[k]);
				// distance to the outline in pixels (approximately), positive inside
				double inside = (edge - rho) * Math.min(rx, ry);
				double a = soft <= 0 ? (inside >= 0 ? 1 : 0) : (inside + soft / 2) / soft;
				if (a > 0) mix(x, y, colour, (float) Math.min(1, a) * opacity);
			}
	}

	void disc(double cx, double cy, double r, float[] colour, float opacity, double soft) {
		ellipse(cx, cy, r, r, 0, colour, opacity, soft, 0, 0);
	}

	/** A ring (annulus) of width {@code width}. */
	void ring(double cx, double cy, double r, double width, float[] colour, float opacity) {
		int reach = (int) Math.ceil(r + width + 2);
		for (int y = (int) cy - reach; y <= cy + reach; y++)
			for (int x = (int) cx - reach; x <= cx + reach; x++) {
				double d = Math.abs(Math.hypot(x - cx, y - cy) - r);
				double a = 1 - d / width;
				if (a > 0) mix(x, y, colour, (float) a * opacity);
			}
	}

	/** Smooth value noise (bilinear over a lattice of {@code cell} pixels) added with amplitude {@code amp}. */
	void smoothNoise(Random r, double cell, float amp) {
		int gw = (int) Math.ceil(w / cell) + 2, gh = (int) Math.ceil(h / cell) + 2;
		float[] g = new float[gw * gh];
		for (int i = 0; i < g.length; i++) g[i] = (float) (r.nextDouble() * 2 - 1);
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				double gx = x / cell, gy = y / cell;
				int ix = (int) gx, iy = (int) gy;
				double fx = gx - ix, fy = gy - iy;
				fx = fx * fx * (3 - 2 * fx);
				fy = fy * fy * (3 - 2 * fy);
				double v = g[iy * gw + ix] * (1 - fx) * (1 - fy) + g[iy * gw + ix + 1] * fx * (1 - fy) +
					g[(iy + 1) * gw + ix] * (1 - fx) * fy + g[(iy + 1) * gw + ix + 1] * fx * fy;
				add(x, y, (float) (v * amp));
			}
	}

	/** Per-pixel Gaussian noise (shot noise of the camera). */
	void grain(Random r, float sigma) {
		for (int i = 0; i < w * h; i++) {
			float n = (float) (r.nextGaussian() * sigma);
			for (int c = 0; c < channels; c++) px[i * channels + c] += n;
		}
	}

	/** A 3×3 box blur, to soften hard noise like optics would. */
	void blur() {
		float[] out = new float[px.length];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				for (int c = 0; c < channels; c++) {
					float s = 0;
					int n = 0;
					for (int dy = -1; dy <= 1; dy++)
						for (int dx = -1; dx <= 1; dx++) {
							int xx = x + dx, yy = y + dy;
							if (xx < 0 || yy < 0 || xx >= w || yy >= h) continue;
							s += px[(yy * w + xx) * channels + c];
							n++;
						}
					out[(y * w + x) * channels + c] = s / n;
				}
		System.arraycopy(out, 0, px, 0, px.length);
	}

	private static int clamp(double v, int max) {
		int i = (int) Math.round(v * max);
		return i < 0 ? 0 : i > max ? max : i;
	}

	/** 8-bit grey (first channel) or RGB PNG, with an alpha channel when {@code alpha} is given (0–1 per pixel). */
	byte[] png8(float[] alpha) {
		int type = channels == 1 ? (alpha == null ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_4BYTE_ABGR)
			: (alpha == null ? BufferedImage.TYPE_3BYTE_BGR : BufferedImage.TYPE_4BYTE_ABGR);
		BufferedImage img = new BufferedImage(w, h, type);
		WritableRaster r = img.getRaster();
		int[] p = new int[alpha == null ? (channels == 1 ? 1 : 3) : 4];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				int i = (y * w + x) * channels;
				if (channels == 1 && alpha == null) p[0] = clamp(px[i], 255);
				else
					for (int c = 0; c < 3; c++) p[c] = clamp(px[i + (channels == 1 ? 0 : c)], 255);
				if (alpha != null) p[3] = clamp(alpha[y * w + x], 255);
				r.setPixel(x, y, p);
			}
		return encode(img);
	}

	/** 16-bit grey PNG of the first channel scaled to {@code max} (e.g. 4095 for a 12-bit camera). */
	byte[] png16(int max) {
		BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_USHORT_GRAY);
		WritableRaster r = img.getRaster();
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) r.setSample(x, y, 0, clamp(px[(y * w + x) * channels], max));
		return encode(img);
	}

	private static byte[] encode(BufferedImage img) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ImageIO.write(img, "png", out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static float[] rgb(int r, int g, int b) {
		return new float[] { r / 255f, g / 255f, b / 255f };
	}

	static float[] grey(double v) {
		return new float[] { (float) v };
	}
}
