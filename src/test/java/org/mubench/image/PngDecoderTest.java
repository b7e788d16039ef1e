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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Random;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mubench.data.DatasetException;

import net.imglib2.RandomAccess;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.util.Util;

class PngDecoderTest {
	static final String ITEM = "row 12 (kather_et_al_2016, image_id X)";

	static java.util.stream.Stream<Arguments> formats() {
		final int[][] combos = { { 0, 1 }, { 0, 2 }, { 0, 4 }, { 0, 8 }, { 0, 16 }, { 2, 8 }, { 2, 16 }, { 3, 1 },
			{ 3, 2 }, { 3, 4 }, { 3, 8 }, { 4, 8 }, { 4, 16 }, { 6, 8 }, { 6, 16 } };
		final java.util.List<Arguments> out = new java.util.ArrayList<>();
		for (int[] c : combos)
			for (boolean interlaced : new boolean[] { false, true })
				for (int[] size : new int[][] { { 1, 1 }, { 13, 11 }, { 3, 9 }, { 33, 2 } })
					out.add(Arguments.of(c[0], c[1], interlaced, size[0], size[1]));
		return out.stream();
	}

	static PngTestWriter random(int ct, int bd, int w, int h, long seed) {
		final Random r = new Random(seed);
		final int spp = DecodedImage.samplesPerPixel(ct);
		final int[] s = new int[w * h * spp];
		for (int i = 0; i < s.length; i++)
			s[i] = r.nextInt(1 << bd);
		final PngTestWriter pw = new PngTestWriter(w, h, ct, bd, s);
		if (ct == 3) {
			pw.palette = new byte[3 << bd];
			r.nextBytes(pw.palette);
		}
		return pw;
	}

	/**
	 * Every colour type and bit depth, plain and Adam7, all five filters: our decoder returns the samples written,
	 * and the JDK's independent PNG reader agrees that the test file holds those samples.
	 */
	@ParameterizedTest
	@MethodSource("formats")
	void decodesEveryFormat(int ct, int bd, boolean interlaced, int w, int h) throws Exception {
		final PngTestWriter pw = random(ct, bd, w, h, 31L * ct + bd + w);
		pw.interlaced = interlaced;
		final byte[] png = pw.write();
		final DecodedImage d = PngDecoder.decode(png, ITEM);
		assertEquals(w, d.width());
		assertEquals(h, d.height());
		assertEquals(ct, d.colourType());
		assertEquals(bd, d.bitDepth());
		assertEquals(interlaced, d.interlaced());
		assertArrayEquals(pw.samples, samples(d));

		// independent cross-check of the test file itself
		final BufferedImage bi = ImageIO.read(new ByteArrayInputStream(png));
		final Raster ras = bi.getRaster();
		final int spp = pw.spp();
		final int bands = ras.getNumBands();
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				for (int k = 0; k < Math.min(spp, bands); k++)
					assertEquals(pw.samples[(y * w + x) * spp + k], ras.getSample(x, y, k), "ImageIO at " + x + "," + y);
	}

	static int[] samples(DecodedImage d) {
		if (d.shorts() != null) {
			final int[] s = new int[d.shorts().length];
			for (int i = 0; i < s.length; i++)
				s[i] = d.shorts()[i] & 0xFFFF;
			return s;
		}
		final int[] s = new int[d.bytes().length];
		for (int i = 0; i < s.length; i++)
			s[i] = d.bytes()[i] & 0xFF;
		return s;
	}

	/** Files written by the JDK's own PNG encoder (adaptive filters; progressive = Adam7) decode to its rasters. */
	@Test
	void decodesJdkWrittenFiles() throws Exception {
		final Random r = new Random(5);
		final int w = 19, h = 14;
		final BufferedImage[] images = { new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY),
			new BufferedImage(w, h, BufferedImage.TYPE_USHORT_GRAY),
			new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR), new BufferedImage(w, h, BufferedImage.TYPE_4BYTE_ABGR),
			new BufferedImage(w, h, BufferedImage.TYPE_BYTE_BINARY, colourful(2)),
			new BufferedImage(w, h, BufferedImage.TYPE_BYTE_BINARY, colourful(4)),
			new BufferedImage(w, h, BufferedImage.TYPE_BYTE_BINARY, colourful(16)),
			new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, colourful(256)) };
		for (BufferedImage bi : images) {
			final int bands = bi.getRaster().getNumBands();
			final int max = (1 << bi.getRaster().getSampleModel().getSampleSize(0)) - 1;
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++)
					for (int k = 0; k < bands; k++)
						bi.getRaster().setSample(x, y, k, (x * 37 + y * 11 + k * 101 + r.nextInt(4)) % (max + 1));
			for (boolean progressive : new boolean[] { false, true }) {
				final DecodedImage d = PngDecoder.decode(jdkPng(bi, progressive), ITEM);
				assertEquals(progressive, d.interlaced());
				final int[] got = samples(d);
				final int spp = d.samplesPerPixel();
				assertEquals(bands, spp, "bands of type " + bi.getType());
				for (int y = 0; y < h; y++)
					for (int x = 0; x < w; x++)
						for (int k = 0; k < bands; k++)
							assertEquals(bi.getRaster().getSample(x, y, k), got[(y * w + x) * spp + k],
								"type " + bi.getType() + " at " + x + "," + y + "," + k);
			}
		}
	}

	private static IndexColorModel colourful(int n) {
		final byte[] rr = new byte[n], gg = new byte[n], bb = new byte[n];
		for (int i = 0; i < n; i++) {
			rr[i] = (byte) (i * 53 + 7);
			gg[i] = (byte) (200 - i * 31);
			bb[i] = (byte) (i * i);
		}
		final int bits = n <= 2 ? 1 : n <= 4 ? 2 : n <= 16 ? 4 : 8;
		return new IndexColorModel(bits, n, rr, gg, bb);
	}

	private static byte[] jdkPng(BufferedImage bi, boolean progressive) throws Exception {
		final ImageWriter wr = ImageIO.getImageWritersByFormatName("png").next();
		final ByteArrayOutputStream bos = new ByteArrayOutputStream();
		try (ImageOutputStream ios = ImageIO.createImageOutputStream(bos)) {
			wr.setOutput(ios);
			final ImageWriteParam p = wr.getDefaultWriteParam();
			p.setProgressiveMode(progressive ? ImageWriteParam.MODE_DEFAULT : ImageWriteParam.MODE_DISABLED);
			wr.write(null, new IIOImage(bi, null, null), p);
		}
		wr.dispose();
		return bos.toByteArray();
	}

	@Test
	void arrayImgHasNativeTypeAndXycAxes() {
		final PngTestWriter rgb16 = random(2, 16, 5, 4, 1);
		final ArrayImg<?, ?> img = PngDecoder.decodeToImg(rgb16.write(), ITEM);
		assertEquals(3, img.numDimensions());
		assertArrayEquals(new long[] { 5, 4, 3 }, img.dimensionsAsLongArray());
		assertTrue(Util.getTypeFromInterval(img) instanceof UnsignedShortType);
		assertEquals(rgb16.samples[(2 * 5 + 3) * 3 + 1], value(img, 3, 2, 1));

		// 2-bit grey is scaled to 0–255 like PIL's "L"
		final PngTestWriter g2 = new PngTestWriter(4, 1, 0, 2, new int[] { 0, 1, 2, 3 });
		final ArrayImg<?, ?> gi = PngDecoder.decodeToImg(g2.write(), ITEM);
		assertTrue(Util.getTypeFromInterval(gi) instanceof UnsignedByteType);
		assertArrayEquals(new long[] { 4, 1, 1 }, gi.dimensionsAsLongArray());
		assertEquals(170, value(gi, 2, 0, 0));

		// palette with transparency becomes RGBA
		final PngTestWriter p = new PngTestWriter(2, 1, 3, 8, new int[] { 1, 0 });
		p.palette = new byte[] { 10, 20, 30, 40, 50, 60 };
		p.trns = new byte[] { (byte) 128 };
		final ArrayImg<?, ?> pi = PngDecoder.decodeToImg(p.write(), ITEM);
		assertArrayEquals(new long[] { 2, 1, 4 }, pi.dimensionsAsLongArray());
		assertEquals(40, value(pi, 0, 0, 0));
		assertEquals(60, value(pi, 0, 0, 2));
		assertEquals(255, value(pi, 0, 0, 3));
		assertEquals(128, value(pi, 1, 0, 3));
	}

	@SuppressWarnings("unchecked")
	private static double value(ArrayImg<?, ?> img, int x, int y, int c) {
		final RandomAccess<? extends RealType<?>> ra = ((ArrayImg<? extends RealType<?>, ?>) img).randomAccess();
		ra.setPosition(new int[] { x, y, c });
		return ra.get().getRealDouble();
	}

	// ------------------------------------------------------------------ damaged files

	private static ImageDecodeException fails(byte[] png) {
		final ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> PngDecoder.decode(png, ITEM));
		assertTrue(e.getMessage().startsWith(ITEM + ": "), e.getMessage());
		assertFalse(e.getMessage().contains("\n"), "one line");
		assertTrue(e instanceof DatasetException);
		return e;
	}

	@Test
	void truncatedFileIsReported() {
		final byte[] png = random(6, 8, 20, 20, 3).write();
		for (int cut : new int[] { 5, 20, 40, png.length / 2, png.length - 13, png.length - 1 }) {
			final String m = fails(Arrays.copyOf(png, cut)).getMessage();
			assertTrue(m.contains("truncated") || m.contains("signature"), cut + ": " + m);
		}
	}

	@Test
	void truncatedImageDataIsReported() {
		// a complete, well-formed file whose compressed stream holds fewer rows than the header promises
		final PngTestWriter pw = random(2, 8, 8, 8, 4);
		final PngTestWriter shortOne = new PngTestWriter(8, 4, 2, 8, Arrays.copyOf(pw.samples, 8 * 4 * 3));
		final byte[] png = shortOne.write();
		PngTestWriter.putInt(png, 16 + 4, 8); // IHDR height 4 -> 8, CRC fixed below
		fixIhdrCrc(png);
		final String m = fails(png).getMessage();
		assertTrue(m.contains("truncated") && m.contains("image data"), m);
	}

	@Test
	void crcMismatchIsReported() {
		final byte[] png = random(2, 8, 6, 6, 7).write();
		png[png.length - 20] ^= 0x40; // inside the last IDAT's data
		assertTrue(fails(png).getMessage().contains("CRC mismatch"));
	}

	@Test
	void badHeaderAndFilterAreReported() {
		final byte[] png = random(2, 8, 4, 4, 8).write();
		png[8 + 8 + 8] = 4; // RGB with bit depth 4 is not allowed
		fixIhdrCrc(png);
		assertTrue(fails(png).getMessage().contains("bit depth 4"));

		final PngTestWriter pw = random(0, 8, 4, 3, 9);
		assertTrue(fails(withRowFilter(pw, 7)).getMessage().contains("unknown row filter 7"));
	}

	@Test
	void notPngIsReported() {
		assertTrue(fails(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 1, 2, 3, 4, 5 }).getMessage()
			.contains("JPEG"));
		assertTrue(fails(new byte[0]).getMessage().contains("no image bytes"));
		assertTrue(fails(null).getMessage().contains("no image bytes"));
	}

	@Test
	void missingPaletteIsReported() {
		final PngTestWriter pw = random(3, 8, 3, 3, 2);
		pw.palette = null;
		assertTrue(fails(pw.write()).getMessage().contains("PLTE"));
	}

	/**
	 * Random damage inside chunks, with the CRCs made valid again so the damage reaches the parser, the inflater and the
	 * filters: every outcome is a decoded image or an ImageDecodeException naming the item, never another exception.
	 */
	@Test
	void damagedFilesFailCleanly() {
		final Random r = new Random(11);
		final byte[][] seeds = { random(6, 8, 17, 9, 1).write(), random(0, 16, 8, 8, 2).write(),
			random(3, 4, 13, 5, 3).write(), withInterlace(random(2, 8, 11, 10, 4)), withInterlace(random(0, 1, 9, 9, 5)) };
		int decoded = 0, rejected = 0;
		for (int i = 0; i < 3000; i++) {
			final byte[] png = seeds[i % seeds.length].clone();
			final int edits = 1 + r.nextInt(3);
			for (int e = 0; e < edits; e++)
				png[8 + r.nextInt(png.length - 8)] = (byte) r.nextInt(256);
			fixAllCrcs(png);
			try {
				PngDecoder.decode(png, ITEM);
				decoded++;
			}
			catch (ImageDecodeException ex) {
				assertTrue(ex.getMessage().startsWith(ITEM + ": "), ex.getMessage());
				rejected++;
			}
		}
		assertTrue(decoded > 0 && rejected > 0, decoded + " decoded, " + rejected + " rejected");
	}

	private static byte[] withInterlace(PngTestWriter w) {
		w.interlaced = true;
		return w.write();
	}

	/** Recomputes the CRC of every chunk that still has a plausible length. */
	private static void fixAllCrcs(byte[] png) {
		int pos = 8;
		while (pos + 12 <= png.length) {
			final long len = ((long) (png[pos] & 0xFF) << 24) | ((png[pos + 1] & 0xFF) << 16)
				| ((png[pos + 2] & 0xFF) << 8) | (png[pos + 3] & 0xFF);
			if (pos + 12 + len > png.length)
				return;
			final java.util.zip.CRC32 c = new java.util.zip.CRC32();
			c.update(png, pos + 4, 4 + (int) len);
			PngTestWriter.putInt(png, pos + 8 + (int) len, (int) c.getValue());
			pos += 12 + (int) len;
		}
	}

	/** A file whose first row uses a filter type that does not exist. */
	private static byte[] withRowFilter(PngTestWriter pw, int filter) {
		final java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
		final int stride = pw.width * pw.spp();
		for (int y = 0; y < pw.height; y++) {
			raw.write(y == 0 ? filter : 0);
			for (int i = 0; i < stride; i++)
				raw.write(pw.samples[y * stride + i]);
		}
		final java.util.zip.Deflater d = new java.util.zip.Deflater();
		d.setInput(raw.toByteArray());
		d.finish();
		final byte[] buf = new byte[1 << 16];
		final int n = d.deflate(buf);
		d.end();
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' }, 0, 8);
		final byte[] ihdr = new byte[13];
		PngTestWriter.putInt(ihdr, 0, pw.width);
		PngTestWriter.putInt(ihdr, 4, pw.height);
		ihdr[8] = (byte) pw.bitDepth;
		ihdr[9] = (byte) pw.colourType;
		PngTestWriter.chunk(out, "IHDR", ihdr);
		PngTestWriter.chunk(out, "IDAT", Arrays.copyOf(buf, n));
		PngTestWriter.chunk(out, "IEND", new byte[0]);
		return out.toByteArray();
	}

	private static void fixIhdrCrc(byte[] png) {
		final java.util.zip.CRC32 c = new java.util.zip.CRC32();
		c.update(png, 12, 17);
		PngTestWriter.putInt(png, 29, (int) c.getValue());
	}
}
