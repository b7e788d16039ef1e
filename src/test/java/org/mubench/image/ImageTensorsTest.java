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

import org.junit.jupiter.api.Test;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.view.Views;

class ImageTensorsTest {
	static PreprocessConfig noResize() {
		final PreprocessConfig c = new PreprocessConfig();
		c.doResize = false;
		c.doCenterCrop = false;
		return c;
	}

	static int[] u8(byte[] b) {
		final int[] r = new int[b.length];
		for (int i = 0; i < b.length; i++)
			r[i] = b[i] & 0xFF;
		return r;
	}

	/**
	 * Channel-major layout and CLIP normalisation on a known 2x2 image. Expected values: numpy, as transformers
	 * computes them (tools/pil_test_constants.py: float64 rescale cast to float32, float32 (x - mean) / std).
	 */
	@Test
	void outputIsChannelMajorAndNormalisedLikeTransformers() {
		final byte[] rgb = { 0, (byte) 128, (byte) 255, 10, 20, 30, (byte) 200, 100, 50, (byte) 255, (byte) 255,
			(byte) 255 };
		final float[] expected = { -1.7922625541687012f, -1.6462782621383667f, 1.12742280960083f, 1.9303361177444458f,
			0.16889731585979462f, -1.451941728591919f, -0.2513202726840973f, 2.0748836994171143f, 2.1458969116210938f,
			-1.0536178350448608f, -0.7692164778709412f, 2.1458969116210938f };
		assertArrayEquals(expected, ImageTensors.fromRgb8(rgb, 2, 2, 3, noResize()), 0f);
		// the same through a PNG
		final int[] s = u8(rgb);
		assertArrayEquals(expected, ImageTensors.fromEncoded(new PngTestWriter(2, 2, 2, 8, s).write(), "t", noResize()),
			0f);
	}

	/** Expected bytes: Pillow's Image.open(png).convert("RGB") on the same samples (tools/pil_test_constants.py). */
	@Test
	void everyPngModeConvertsToRgbLikePil() {
		assertArrayEquals(new int[] { 18, 18, 18, 255, 255, 255, 255, 255, 255, 255, 255, 255 },
			rgb(new PngTestWriter(4, 1, 0, 16, new int[] { 0x12, 0xFF, 0x100, 0xFFFF })));
		assertArrayEquals(new int[] { 18, 0, 255, 1, 255, 127 },
			rgb(new PngTestWriter(2, 1, 2, 16, new int[] { 0x1234, 0x00FF, 0xFF00, 0x0180, 0xFFFE, 0x7F7F })));
		assertArrayEquals(new int[] { 0, 0, 0, 85, 85, 85, 170, 170, 170, 255, 255, 255 },
			rgb(new PngTestWriter(4, 1, 0, 2, new int[] { 0, 1, 2, 3 })));
		assertArrayEquals(new int[] { 0, 0, 0, 17, 17, 17, 170, 170, 170, 255, 255, 255 },
			rgb(new PngTestWriter(4, 1, 0, 4, new int[] { 0, 1, 10, 15 })));
		assertArrayEquals(new int[] { 255, 255, 255, 0, 0, 0, 255, 255, 255, 0, 0, 0 },
			rgb(new PngTestWriter(4, 1, 0, 1, new int[] { 1, 0, 1, 0 })));
		assertArrayEquals(new int[] { 18, 18, 18 }, rgb(new PngTestWriter(1, 1, 4, 16, new int[] { 0x1280, 1 })));
		assertArrayEquals(new int[] { 18, 255, 0 },
			rgb(new PngTestWriter(1, 1, 6, 16, new int[] { 0x1280, 0xFF01, 0x0080, 0 })));
		assertArrayEquals(new int[] { 10, 20, 30 }, rgb(new PngTestWriter(1, 1, 6, 8, new int[] { 10, 20, 30, 0 })));
		final PngTestWriter p = new PngTestWriter(3, 1, 3, 8, new int[] { 0, 1, 5 });
		p.palette = new byte[] { 10, 20, 30, 40, 50, 60 };
		p.trns = new byte[] { 0 };
		assertArrayEquals(new int[] { 10, 20, 30, 40, 50, 60, 0, 0, 0 }, rgb(p));
	}

	private static int[] rgb(PngTestWriter w) {
		return u8(ImageTensors.decodeToRgb8(w.write(), "t", ContrastMapping.PIL));
	}

	@Test
	void alphaIsDroppedWithoutCompositing() {
		final int w = 9, h = 7;
		final java.util.Random r = new java.util.Random(3);
		final int[] rgb = new int[w * h * 3], rgba = new int[w * h * 4], l = new int[w * h], la = new int[w * h * 2];
		for (int i = 0; i < w * h; i++) {
			for (int c = 0; c < 3; c++)
				rgba[4 * i + c] = rgb[3 * i + c] = r.nextInt(256);
			rgba[4 * i + 3] = r.nextInt(256);
			la[2 * i] = l[i] = r.nextInt(256);
			la[2 * i + 1] = r.nextInt(256);
		}
		final PreprocessConfig cfg = new PreprocessConfig();
		cfg.shortestEdge = 5;
		cfg.cropHeight = cfg.cropWidth = 4;
		assertArrayEquals(ImageTensors.fromEncoded(new PngTestWriter(w, h, 2, 8, rgb).write(), "rgb", cfg),
			ImageTensors.fromEncoded(new PngTestWriter(w, h, 6, 8, rgba).write(), "rgba", cfg), 0f);
		assertArrayEquals(ImageTensors.fromEncoded(new PngTestWriter(w, h, 0, 8, l).write(), "l", cfg),
			ImageTensors.fromEncoded(new PngTestWriter(w, h, 4, 8, la).write(), "la", cfg), 0f);
	}

	@Test
	void sixteenBitContrastMappings() {
		final byte[] png = new PngTestWriter(4, 1, 0, 16, new int[] { 1000, 2000, 3000, 5000 }).write();
		assertArrayEquals(new int[] { 255, 255, 255, 255 }, grey(png, ContrastMapping.PIL));
		// (v - 1000) * 255 / 4000, rounded half up: 0, 63.75, 127.5, 255
		assertArrayEquals(new int[] { 0, 64, 128, 255 }, grey(png, ContrastMapping.MIN_MAX));

		// 1000 samples 100..1099 with the 3 lowest set to 0 and the 3 highest to 65535: floor(0.35 % of 1000) = 3 saturate
		// at each end, so the range is [103, 1096]
		final int[] s = new int[1000];
		for (int i = 0; i < s.length; i++)
			s[i] = i < 3 ? 0 : i >= 997 ? 65535 : 100 + i;
		s[500] = 600; // (600 - 103) * 255 / 993 = 127.63 -> 128
		final int[] g = grey(new PngTestWriter(1000, 1, 0, 16, s).write(), ContrastMapping.SATURATED);
		assertEquals(0, g[0]);
		assertEquals(0, g[3]);
		assertEquals(255, g[996]);
		assertEquals(255, g[999]);
		assertEquals(128, g[500]);
		assertEquals(1, g[7]); // (107 - 103) * 255 / 993 = 1.03

		// colour: one range over R, G and B keeps the colour balance
		final byte[] rgb16 = new PngTestWriter(2, 1, 2, 16, new int[] { 100, 200, 300, 500, 400, 100 }).write();
		assertArrayEquals(new int[] { 0, 64, 128, 255, 191, 0 },
			u8(ImageTensors.decodeToRgb8(rgb16, "t", ContrastMapping.MIN_MAX)));
		// and 8-bit data is never stretched
		final byte[] l8 = new PngTestWriter(2, 1, 0, 8, new int[] { 100, 110 }).write();
		assertArrayEquals(new int[] { 100, 110 }, grey(l8, ContrastMapping.MIN_MAX));
	}

	private static int[] grey(byte[] png, ContrastMapping m) {
		final int[] rgb = u8(ImageTensors.decodeToRgb8(png, "t", m));
		final int[] g = new int[rgb.length / 3];
		for (int i = 0; i < g.length; i++) {
			assertEquals(rgb[3 * i], rgb[3 * i + 1]);
			assertEquals(rgb[3 * i], rgb[3 * i + 2]);
			g[i] = rgb[3 * i];
		}
		return g;
	}

	// ------------------------------------------------------------------ imglib2 images

	/** v(x, y, c, z, t) for a 4x3 image with 2 channels, 3 z planes, 2 time points; all ≤ 255. */
	static int v(int x, int y, int c, int z, int t) {
		return x + 4 * y + 20 * c + 50 * z + 7 * t;
	}

	static ArrayImg<UnsignedShortType, ShortArray> fiveD() {
		final ArrayImg<UnsignedShortType, ShortArray> img = ArrayImgs.unsignedShorts(4, 3, 2, 3, 2);
		final net.imglib2.Cursor<UnsignedShortType> c = img.localizingCursor();
		while (c.hasNext()) {
			c.fwd();
			c.get().set(v(c.getIntPosition(0), c.getIntPosition(1), c.getIntPosition(2), c.getIntPosition(3),
				c.getIntPosition(4)));
		}
		return img;
	}

	private static ImageTensors.Image8 image8(RandomAccessibleInterval<? extends RealType<?>> img, String axes,
		PlaneSelection s) {
		return ImageTensors.toImage8(img, ImageAxes.of(axes), s, ContrastMapping.PIL, "stack");
	}

	@Test
	void planeSelectionAndProjectionsOnAFiveDimensionalImage() {
		final ArrayImg<UnsignedShortType, ShortArray> img = fiveD();
		ImageTensors.Image8 r = image8(img, "XYCZT", PlaneSelection.plane(1, 1));
		assertEquals(3, r.channels);
		for (int y = 0; y < 3; y++)
			for (int x = 0; x < 4; x++) {
				final int i = (y * 4 + x) * 3;
				assertEquals(v(x, y, 0, 1, 1), r.data[i] & 0xFF); // channel 0 -> red
				assertEquals(v(x, y, 1, 1, 1), r.data[i + 1] & 0xFF); // channel 1 -> green
				assertEquals(0, r.data[i + 2]); // blue black
			}
		r = image8(img, "XYCZT", PlaneSelection.DEFAULT.projectZ(PlaneSelection.Projection.MAX).t(0));
		assertEquals(v(3, 2, 1, 2, 0), r.data[(2 * 4 + 3) * 3 + 1] & 0xFF);
		r = image8(img, "XYCZT", PlaneSelection.DEFAULT.projectZ(PlaneSelection.Projection.MEAN).t(1));
		assertEquals(v(2, 1, 0, 1, 1), r.data[(4 + 2) * 3] & 0xFF); // mean of z = 0, 1, 2 is z = 1
		// mean over t adds 3.5; 16-bit data under the PIL mapping drops the fraction
		r = image8(img, "XYCZT", PlaneSelection.DEFAULT.z(0).projectT(PlaneSelection.Projection.MEAN));
		assertEquals(v(1, 1, 0, 0, 0) + 3, r.data[(4 + 1) * 3] & 0xFF);
		// both axes projected
		r = image8(img, "XYCZT", PlaneSelection.DEFAULT.projectZ(PlaneSelection.Projection.MAX)
			.projectT(PlaneSelection.Projection.MAX));
		assertEquals(v(0, 0, 1, 2, 1), r.data[1] & 0xFF);
		// one channel as grey
		r = image8(img, "XYCZT", PlaneSelection.plane(2, 0).withChannels(1, 1, 1));
		assertEquals(1, r.channels);
		assertEquals(v(3, 0, 1, 2, 0), r.data[3] & 0xFF);

		// the same data in another axis order gives the same image
		final RandomAccessibleInterval<UnsignedShortType> czxyt = Views.moveAxis(Views.moveAxis(img, 2, 0), 3, 1);
		final ImageTensors.Image8 a = image8(img, "XYCZT", PlaneSelection.plane(1, 0));
		final ImageTensors.Image8 b = image8(czxyt, "CZXYT", PlaneSelection.plane(1, 0));
		assertArrayEquals(a.data, b.data);
		final RandomAccessibleInterval<UnsignedShortType> yx = Views.permute(img, 0, 1);
		assertArrayEquals(a.data, image8(yx, "YXCZT", PlaneSelection.plane(1, 0)).data);

		// nothing is chosen silently
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> image8(img, "XYCZT", PlaneSelection.DEFAULT));
		assertTrue(e.getMessage().contains("3 Z planes"), e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> image8(img, "XYCZT", PlaneSelection.plane(3, 0)));
		assertThrows(IllegalArgumentException.class, () -> image8(img, "XYCZ", PlaneSelection.plane(0, 0)));
		assertThrows(IllegalArgumentException.class, () -> ImageAxes.of("XYCX"));
	}

	@Test
	void imglib2PathEqualsPngPath() {
		final PreprocessConfig cfg = new PreprocessConfig();
		cfg.shortestEdge = 10;
		cfg.cropWidth = cfg.cropHeight = 8;
		final byte[] pattern = PilResizeTest.pattern(17, 13);
		final byte[] png = new PngTestWriter(17, 13, 2, 8, u8(pattern)).write();
		final float[] expected = ImageTensors.fromEncoded(png, "png", cfg);
		@SuppressWarnings("unchecked")
		final RandomAccessibleInterval<? extends RealType<?>> img = (RandomAccessibleInterval<? extends RealType<?>>) PngDecoder
			.decodeToImg(png, "png");
		assertArrayEquals(expected, ImageTensors.fromImage(img, ImageAxes.of("XYC"), PlaneSelection.DEFAULT, cfg, "img"),
			0f);

		// packed ARGB
		final int[] argb = new int[17 * 13];
		for (int i = 0; i < argb.length; i++)
			argb[i] = 0x7F000000 | (pattern[3 * i] & 0xFF) << 16 | (pattern[3 * i + 1] & 0xFF) << 8
				| (pattern[3 * i + 2] & 0xFF);
		final ArrayImg<ARGBType, IntArray> a = ArrayImgs.argbs(argb, 17, 13);
		assertArrayEquals(expected, ImageTensors.fromArgb(a, ImageAxes.of("XY"), PlaneSelection.DEFAULT, cfg, "argb"),
			0f);

		// grey: 2-D image vs L PNG
		final int[] grey = new int[17 * 13];
		final short[] gs = new short[grey.length];
		for (int i = 0; i < grey.length; i++)
			gs[i] = (short) (grey[i] = pattern[3 * i] & 0xFF);
		assertArrayEquals(ImageTensors.fromEncoded(new PngTestWriter(17, 13, 0, 8, grey).write(), "l", cfg),
			ImageTensors.fromImage(ArrayImgs.unsignedBytes(toBytes(grey), 17, 13), ImageAxes.of("XY"),
				PlaneSelection.DEFAULT, cfg, "grey"), 0f);
		// 16-bit data ≤ 255 under the PIL mapping: identical too
		assertArrayEquals(ImageTensors.fromEncoded(new PngTestWriter(17, 13, 0, 8, grey).write(), "l", cfg),
			ImageTensors.fromImage(ArrayImgs.unsignedShorts(gs, 17, 13), ImageAxes.of("XY"), PlaneSelection.DEFAULT, cfg,
				"grey16"), 0f);
	}

	@Test
	void rgbAtOriginalSizeForGenerativeModels() {
		final byte[] pattern = PilResizeTest.pattern(5, 4);
		final byte[] png = new PngTestWriter(5, 4, 2, 8, u8(pattern)).write();
		@SuppressWarnings("unchecked")
		final RandomAccessibleInterval<? extends RealType<?>> img = (RandomAccessibleInterval<? extends RealType<?>>) PngDecoder
			.decodeToImg(png, "png");
		assertArrayEquals(pattern, ImageTensors.toRgb8(img, ImageAxes.of("XYC"), PlaneSelection.DEFAULT,
			ContrastMapping.PIL, "img"));
		final byte[] grey = ImageTensors.toRgb8(ArrayImgs.unsignedBytes(new byte[] { 1, 2, 3, 4 }, 2, 2),
			ImageAxes.of("XY"), PlaneSelection.DEFAULT, ContrastMapping.PIL, "g");
		assertArrayEquals(new byte[] { 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4 }, grey);
		final ArrayImg<ARGBType, IntArray> argb = ArrayImgs.argbs(new int[] { 0xFF102030, 0x00405060 }, 2, 1);
		assertArrayEquals(new byte[] { 0x10, 0x20, 0x30, 0x40, 0x50, 0x60 },
			ImageTensors.argbToRgb8(argb, ImageAxes.of("XY"), PlaneSelection.DEFAULT, "a"));
	}

	private static byte[] toBytes(int[] v) {
		final byte[] b = new byte[v.length];
		for (int i = 0; i < v.length; i++)
			b[i] = (byte) v[i];
		return b;
	}

	@Test
	void floatImagesUnderEachMapping() {
		final float[] f = { -5f, 0.5f, 254.9f, 300f, 100f, 1000f };
		final ArrayImg<FloatType, FloatArray> img = ArrayImgs.floats(f, 6, 1);
		// PIL's F -> L: clip, fraction dropped (checked with Pillow: [-5, 0.5, 1.7, 254.9, 255.5, 300] -> 0 0 1 254 255 255)
		assertArrayEquals(new byte[] { 0, 0, (byte) 254, (byte) 255, 100, (byte) 255 },
			ImageTensors.toImage8(img, ImageAxes.of("XY"), PlaneSelection.DEFAULT, ContrastMapping.PIL, "f").data);
		// min -5, max 1000: (v + 5) * 255 / 1005 rounded half up
		final byte[] mm = ImageTensors.toImage8(img, ImageAxes.of("XY"), PlaneSelection.DEFAULT,
			ContrastMapping.MIN_MAX, "f").data;
		assertArrayEquals(new int[] { 0, 1, 66, 77, 27, 255 }, u8(mm));
	}

	@Test
	void saturatedRangeIsTheExactOrderStatistic() {
		final java.util.Random r = new java.util.Random(17);
		final float[][] planes = new float[3][50 * 40];
		final java.util.List<Float> all = new java.util.ArrayList<>();
		for (float[] p : planes)
			for (int i = 0; i < p.length; i++) {
				p[i] = i % 97 == 0 ? Float.NaN : (float) (r.nextGaussian() * 1000 + (i % 501 == 0 ? 1e6 : 0));
				if (!Float.isNaN(p[i]))
					all.add(p[i]);
			}
		java.util.Collections.sort(all);
		final int tail = (int) Math.floor(0.0035 * all.size());
		final double[] got = Contrast.range(planes, ContrastMapping.SATURATED);
		assertEquals(all.get(tail), got[0], 0);
		assertEquals(all.get(all.size() - 1 - tail), got[1], 0);
		final double[] mm = Contrast.range(planes, ContrastMapping.MIN_MAX);
		assertEquals(all.get(0), mm[0], 0);
		assertEquals(all.get(all.size() - 1), mm[1], 0);

		// and through an image: 3-channel float, saturated stretch shared by the channels
		final float[] data = new float[3 * planes[0].length];
		for (int c = 0; c < 3; c++)
			System.arraycopy(planes[c], 0, data, c * planes[0].length, planes[0].length);
		final ImageTensors.Image8 img = ImageTensors.toImage8(ArrayImgs.floats(data, 50, 40, 3), ImageAxes.of("XYC"),
			PlaneSelection.DEFAULT, ContrastMapping.SATURATED, "f");
		final int i = 7; // pixel 7, channel 2
		assertEquals(Contrast.linear(planes[2][i], got[0], got[1]), img.data[3 * i + 2] & 0xFF);
	}

	// ------------------------------------------------------------------ geometry

	@Test
	void geometryFollowsTransformersRules() {
		final PreprocessConfig cfg = new PreprocessConfig();
		ResizeGeometry g = ResizeGeometry.of(300, 200, cfg);
		assertEquals(336, g.resizedWidth()); // int(224 * 300 / 200)
		assertEquals(224, g.resizedHeight());
		assertEquals(56, g.cropLeft()); // (336 - 224) // 2
		assertEquals(0, g.cropTop());
		g = ResizeGeometry.of(96, 224, cfg);
		assertEquals(522, g.resizedHeight()); // int(224 * 224 / 96) = int(522.67)
		assertEquals(149, g.cropTop()); // (522 - 224) // 2, floor
		g = ResizeGeometry.of(299, 300, cfg);
		assertEquals(224, g.resizedWidth());
		assertEquals(224, g.resizedHeight()); // int(224.749)
		assertArrayEquals(new int[] { 3, 224, 224 }, ImageTensors.outputShape(299, 300, cfg));

		// crop larger than the resized image: zero padding of ceil((crop - size) / 2) before it
		cfg.cropWidth = 256;
		cfg.cropHeight = 231;
		g = ResizeGeometry.of(300, 200, cfg);
		assertEquals(40, g.cropLeft()); // (336 - 256) // 2
		assertEquals(-4, g.cropTop()); // ceil(7 / 2)

		// round trip between tensor and original pixels
		for (double x : new double[] { 0, 0.5, 17.25, 223.9 }) {
			assertEquals(x, g.toTensorX(g.toOriginalX(x)), 1e-9);
			assertEquals(x, g.toTensorY(g.toOriginalY(x)), 1e-9);
		}
		assertEquals((0 + 40) * 300.0 / 336, g.toOriginalX(0), 1e-12);
		assertEquals(4.0, g.toTensorY(0), 1e-12); // the original top edge lands below the 4 padding rows
		assertEquals(300.0 / 336, 1 / g.scaleX(), 1e-12);
	}

	/**
	 * Whole pipeline against transformers itself: CRC32 of the tensors CLIPImageProcessorPil (transformers 5.18, PIL
	 * backend) makes from formula images with unusual settings, crops larger than the resized image among them
	 * (tools/hf_processor_cases.py).
	 */
	@Test
	void matchesTransformersIncludingPadding() {
		final Object[][] cases = { { 40, 30, 224, 256, 231, "63f35deb" }, { 37, 91, 100, 80, 64, "b2fc33ab" },
			{ 301, 17, 224, 224, 224, "d32084ad" }, { 33, 45, 50, 64, 77, "f7b714e6" }, { 64, 64, 32, 31, 33, "cc716f2c" } };
		for (Object[] c : cases) {
			final int w = (Integer) c[0], h = (Integer) c[1];
			final PreprocessConfig cfg = new PreprocessConfig();
			cfg.shortestEdge = (Integer) c[2];
			cfg.cropHeight = (Integer) c[3];
			cfg.cropWidth = (Integer) c[4];
			final float[] t = ImageTensors.fromRgb8(PilResizeTest.pattern(w, h), w, h, 3, cfg);
			assertEquals(3 * cfg.cropHeight * cfg.cropWidth, t.length);
			assertEquals(c[5], ImageTensorsFixtureParityTest.crc(t, 0, t.length), w + "x" + h);
		}
	}

	@Test
	void paddedPixelsAreZeroBeforeNormalisation() {
		final PreprocessConfig cfg = new PreprocessConfig();
		cfg.shortestEdge = 4;
		cfg.cropWidth = 4;
		cfg.cropHeight = 7; // 3 rows of padding: 2 above (ceil(3/2)), 1 below
		final byte[] white = new byte[4 * 4 * 3];
		java.util.Arrays.fill(white, (byte) 255);
		final float[] t = ImageTensors.fromRgb8(white, 4, 4, 3, cfg);
		final float[][] lut = ImageTensors.levels(cfg);
		for (int c = 0; c < 3; c++)
			for (int y = 0; y < 7; y++)
				for (int x = 0; x < 4; x++)
					assertEquals(y < 2 || y > 5 ? lut[c][0] : lut[c][255], t[c * 28 + y * 4 + x], 0f, c + "," + y);
	}

	@Test
	void writesIntoABatchBufferAndNamesBadRows() {
		final PreprocessConfig cfg = new PreprocessConfig();
		final byte[] png = new PngTestWriter(30, 20, 2, 8, u8(PilResizeTest.pattern(30, 20))).write();
		final float[] batch = new float[2 * 3 * 224 * 224];
		final ResizeGeometry g = ImageTensors.fromEncoded(png, "r", cfg, batch, 3 * 224 * 224);
		assertEquals(336, g.resizedWidth());
		assertArrayEquals(ImageTensors.fromEncoded(png, "r", cfg),
			java.util.Arrays.copyOfRange(batch, 3 * 224 * 224, batch.length), 0f);
		final ImageDecodeException e = assertThrows(ImageDecodeException.class,
			() -> ImageTensors.fromEncoded(java.util.Arrays.copyOf(png, 100), "row 7 (held_2010, image_id a)", cfg));
		assertTrue(e.getMessage().startsWith("row 7 (held_2010, image_id a): PNG truncated"), e.getMessage());
	}
}
