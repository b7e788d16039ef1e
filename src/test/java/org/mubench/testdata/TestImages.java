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
import java.util.Arrays;

import javax.imageio.ImageIO;

/**
 * Small PNGs for tests, encoded with javax.imageio (allowed in tests). Pixel values follow simple formulas so tests can
 * check decoded values: grey {@code (x * 7 + y * 13) % 256}, RGB channels {@code (x*5, y*9, x+y) % 256}, alpha
 * {@code (x * 16) % 256}, 16-bit grey {@code (x * 1031 + y * 257) % 65536}.
 */
public final class TestImages {
	private TestImages() {}

	public static int grey8(int x, int y) {
		return (x * 7 + y * 13) % 256;
	}

	public static int[] rgb(int x, int y) {
		return new int[] { (x * 5) % 256, (y * 9) % 256, (x + y) % 256 };
	}

	public static int alpha(int x, int y) {
		return (x * 16) % 256;
	}

	public static int grey16(int x, int y) {
		return (x * 1031 + y * 257) % 65536;
	}

	/** 8-bit greyscale PNG (colour type 0, depth 8). */
	public static byte[] grey8Png(int w, int h) {
		BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
		WritableRaster r = img.getRaster();
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) r.setSample(x, y, 0, grey8(x, y));
		return encode(img);
	}

	/** 8-bit RGB PNG (colour type 2). */
	public static byte[] rgbPng(int w, int h) {
		BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
		WritableRaster r = img.getRaster();
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) r.setPixel(x, y, rgb(x, y));
		return encode(img);
	}

	/** 8-bit RGBA PNG (colour type 6). */
	public static byte[] rgbaPng(int w, int h) {
		BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_4BYTE_ABGR);
		WritableRaster r = img.getRaster();
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				int[] c = rgb(x, y);
				r.setPixel(x, y, new int[] { c[0], c[1], c[2], alpha(x, y) });
			}
		return encode(img);
	}

	/** 16-bit greyscale PNG (colour type 0, depth 16). */
	public static byte[] grey16Png(int w, int h) {
		BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_USHORT_GRAY);
		WritableRaster r = img.getRaster();
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) r.setSample(x, y, 0, grey16(x, y));
		return encode(img);
	}

	/** A PNG signature followed by garbage: what a corrupt image cell looks like. */
	public static byte[] corruptPng() {
		byte[] b = Arrays.copyOf(grey8Png(8, 8), 40);
		for (int i = 16; i < b.length; i++) b[i] = (byte) (i * 37);
		return b;
	}

	/** PNG colour type (byte 25 of the IHDR) and bit depth (byte 24), for checking what the encoder wrote. */
	public static int colourType(byte[] png) {
		return png[25] & 0xff;
	}

	public static int bitDepth(byte[] png) {
		return png[24] & 0xff;
	}

	private static byte[] encode(BufferedImage img) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			if (!ImageIO.write(img, "png", out)) throw new IllegalStateException("no PNG writer");
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
