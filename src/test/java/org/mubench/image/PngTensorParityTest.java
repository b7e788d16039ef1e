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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The streaming PNG → tensor path ({@link PngTensor}, used by {@link ImageTensors#fromEncoded}) gives exactly the
 * tensor of the full decode → PIL-exact resize → crop → normalise path ({@link ImageTensors#fromEncodedFullDecode}),
 * which the Pillow parity tests pin down: every colour type and bit depth, every row filter, shrinking, enlarging,
 * one axis only, no resize, crops smaller and larger than the resized image, and buffers reused across images of
 * different sizes on one thread.
 */
class PngTensorParityTest {
	private static final int[][] MODES = { { 0, 1 }, { 0, 2 }, { 0, 4 }, { 0, 8 }, { 0, 16 }, { 2, 8 }, { 2, 16 },
		{ 3, 1 }, { 3, 2 }, { 3, 4 }, { 3, 8 }, { 4, 8 }, { 4, 16 }, { 6, 8 }, { 6, 16 } };

	static PreprocessConfig clip(int edge, int cropW, int cropH) {
		final PreprocessConfig c = new PreprocessConfig();
		c.shortestEdge = edge;
		c.cropWidth = cropW;
		c.cropHeight = cropH;
		return c;
	}

	private static PreprocessConfig[] configs() {
		final PreprocessConfig noCrop = clip(24, 24, 24);
		noCrop.doCenterCrop = false;
		final PreprocessConfig noResize = clip(24, 20, 16);
		noResize.doResize = false;
		final PreprocessConfig neither = clip(24, 24, 24);
		neither.doResize = false;
		neither.doCenterCrop = false;
		return new PreprocessConfig[] { clip(24, 24, 24), clip(16, 12, 14), clip(20, 28, 26), noCrop, noResize, neither };
	}

	static byte[] png(Random r, int w, int h, int colourType, int depth, int[] filters) {
		final int spp = DecodedImage.samplesPerPixel(colourType);
		final int max = (1 << depth) - 1;
		final int[] s = new int[w * h * spp];
		// smooth gradients plus noise, so every filter and every value range is exercised
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				for (int k = 0; k < spp; k++) {
					final double v = 0.5 + 0.4 * Math.sin(x * 0.31 + k) * Math.cos(y * 0.17 - k) + r.nextGaussian() * 0.1;
					s[(y * w + x) * spp + k] = Math.max(0, Math.min(max, (int) (v * max)));
				}
		final PngTestWriter p = new PngTestWriter(w, h, colourType, depth, s);
		p.filters = filters;
		if (colourType == 3) { // a palette shorter than the index range: indices past it are black
			final int entries = Math.max(1, Math.min(256, (max + 1) * 3 / 4));
			p.palette = new byte[entries * 3];
			r.nextBytes(p.palette);
		}
		return p.write();
	}

	@Test
	void everyModeSizeAndConfigGivesTheFullDecodeTensor() {
		final Random r = new Random(18);
		final int[][] sizes = { { 24, 24 }, { 24, 61 }, { 61, 24 }, { 37, 90 }, { 90, 37 }, { 113, 113 }, { 9, 7 },
			{ 7, 30 }, { 1, 1 }, { 200, 31 } };
		final int[][] filters = { { 0, 1, 2, 3, 4 }, { 4 }, { 3, 2 }, { 1 } };
		int checked = 0;
		for (int[] mode : MODES)
			for (int[] size : sizes) {
				final byte[] png = png(r, size[0], size[1], mode[0], mode[1], filters[checked % filters.length]);
				for (PreprocessConfig cfg : configs()) {
					final String what = "colour type " + mode[0] + ", " + mode[1] + " bits, " + size[0] + "x" + size[1]
						+ ", " + ResizeGeometry.of(size[0], size[1], cfg);
					assertTrue(PngTensor.supports(PngDecoder.parse(png, "t"), cfg.contrast), what);
					assertArrayEquals(ImageTensors.fromEncodedFullDecode(png, "t", cfg),
						ImageTensors.fromEncoded(png, "t", cfg), 0f, what);
					checked++;
				}
			}
		assertEquals(MODES.length * sizes.length * configs().length, checked);
	}

	@Test
	void realisticSizesWithTheClipConfig() {
		final Random r = new Random(7);
		final PreprocessConfig cfg = new PreprocessConfig();
		final int[][] sizes = { { 224, 224 }, { 512, 300 }, { 301, 640 }, { 225, 1100 }, { 1100, 230 } };
		for (int[] size : sizes)
			for (int[] mode : new int[][] { { 2, 8 }, { 0, 8 }, { 0, 16 }, { 2, 16 } }) {
				final byte[] png = png(r, size[0], size[1], mode[0], mode[1], new int[] { 4, 1 });
				final float[] a = ImageTensors.fromEncodedFullDecode(png, "t", cfg);
				final long[] nanos = new long[2];
				assertArrayEquals(a, ImageTensors.fromEncoded(png, "t", cfg, nanos), 0f, size[0] + "x" + size[1]);
				assertTrue(nanos[0] > 0 && nanos[1] > 0);
				// into a batch buffer at an offset, with the geometry
				final float[] batch = new float[2 * a.length];
				final ResizeGeometry g = ImageTensors.fromEncoded(png, "t", cfg, batch, a.length);
				assertArrayEquals(a, Arrays.copyOfRange(batch, a.length, batch.length), 0f);
				assertEquals(ResizeGeometry.of(size[0], size[1], cfg).toString(), g.toString());
			}
	}

	@Test
	void interlacedAndStretched16BitFilesTakeTheFullDecode() {
		final Random r = new Random(3);
		final PreprocessConfig cfg = clip(24, 24, 24);
		final int[] s = new int[40 * 30 * 3];
		for (int i = 0; i < s.length; i++)
			s[i] = r.nextInt(256);
		final PngTestWriter w = new PngTestWriter(40, 30, 2, 8, s);
		w.interlaced = true;
		final byte[] interlaced = w.write();
		assertTrue(!PngTensor.supports(PngDecoder.parse(interlaced, "t"), cfg.contrast));
		assertArrayEquals(ImageTensors.fromEncodedFullDecode(interlaced, "t", cfg),
			ImageTensors.fromEncoded(interlaced, "t", cfg), 0f);
		final byte[] deep = png(r, 40, 30, 0, 16, new int[] { 4 });
		for (ContrastMapping m : ContrastMapping.values()) {
			final PreprocessConfig c = cfg.withContrast(m);
			assertEquals(m == ContrastMapping.PIL, PngTensor.supports(PngDecoder.parse(deep, "t"), c.contrast));
			assertArrayEquals(ImageTensors.fromEncodedFullDecode(deep, "t", c), ImageTensors.fromEncoded(deep, "t", c),
				0f, m.toString());
		}
	}

	@Test
	void brokenFilesFailWithTheFullDecodesMessage() {
		final Random r = new Random(5);
		final PreprocessConfig cfg = new PreprocessConfig();
		final byte[] png = png(r, 300, 260, 2, 8, new int[] { 1, 4 });
		// cut inside the image data, after the rows the crop needs: the whole stream is still read
		for (int cut : new int[] { png.length - 200, png.length / 2, 80 }) {
			final byte[] truncated = Arrays.copyOf(png, cut);
			final String full = assertThrows(ImageDecodeException.class,
				() -> ImageTensors.fromEncodedFullDecode(truncated, "row 3", cfg)).getMessage();
			final String streamed = assertThrows(ImageDecodeException.class,
				() -> ImageTensors.fromEncoded(truncated, "row 3", cfg)).getMessage();
			assertEquals(full, streamed);
		}
		// an unknown filter type in the last row, which the crop does not need
		final int[] s = new int[30 * 200];
		final PngTestWriter w = new PngTestWriter(30, 200, 0, 8, s);
		w.filters = new int[200];
		w.filters[199] = 9;
		final byte[] badFilter = w.write();
		assertEquals(assertThrows(ImageDecodeException.class,
			() -> ImageTensors.fromEncodedFullDecode(badFilter, "row 4", cfg)).getMessage(),
			assertThrows(ImageDecodeException.class, () -> ImageTensors.fromEncoded(badFilter, "row 4", cfg))
				.getMessage());
	}
}
