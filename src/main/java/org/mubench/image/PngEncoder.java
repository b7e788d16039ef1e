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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A small PNG writer without AWT (the layers below {@code fiji}/{@code cli} may not use {@code java.awt} or
 * {@code javax.imageio}). Writes non-interlaced 8-bit RGB, 8-bit grey and 16-bit grey images: signature, IHDR, one
 * zlib-compressed IDAT (each scanline with filter "Sub", which suits flat charts and photos alike), IEND.
 */
public final class PngEncoder {
	private PngEncoder() {}

	private static final byte[] SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
	private static final int COLOR_GREY = 0, COLOR_RGB = 2;

	/** Encodes interleaved RGB bytes ({@code 3·w·h}, row by row). */
	public static byte[] rgb8(int width, int height, byte[] rgb) {
		check(width, height, rgb.length, 3L);
		return encode(width, height, 8, COLOR_RGB, rgb, 3);
	}

	/** Encodes packed {@code 0xRRGGBB} ints ({@code w·h}, row by row). */
	public static byte[] rgb8(int width, int height, int[] argb) {
		check(width, height, argb.length, 1L);
		byte[] rgb = new byte[argb.length * 3];
		for (int i = 0; i < argb.length; i++) {
			rgb[3 * i] = (byte) (argb[i] >> 16);
			rgb[3 * i + 1] = (byte) (argb[i] >> 8);
			rgb[3 * i + 2] = (byte) argb[i];
		}
		return encode(width, height, 8, COLOR_RGB, rgb, 3);
	}

	/** Encodes 8-bit grey ({@code w·h} bytes). */
	public static byte[] grey8(int width, int height, byte[] grey) {
		check(width, height, grey.length, 1L);
		return encode(width, height, 8, COLOR_GREY, grey, 1);
	}

	/** Encodes 16-bit grey ({@code w·h} values, read as unsigned). */
	public static byte[] grey16(int width, int height, short[] grey) {
		check(width, height, grey.length, 1L);
		byte[] be = new byte[grey.length * 2];
		for (int i = 0; i < grey.length; i++) {
			be[2 * i] = (byte) (grey[i] >> 8);
			be[2 * i + 1] = (byte) grey[i];
		}
		return encode(width, height, 16, COLOR_GREY, be, 2);
	}

	private static void check(int width, int height, int length, long perPixel) {
		if (width <= 0 || height <= 0)
			throw new IllegalArgumentException("PNG size must be positive, got " + width + "x" + height);
		if ((long) width * height * perPixel != length)
			throw new IllegalArgumentException("pixel buffer has " + length + " values, a " + width + "x" + height +
				" image needs " + (long) width * height * perPixel);
	}

	private static byte[] encode(int width, int height, int bitDepth, int colorType, byte[] data, int bytesPerPixel) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			out.write(SIGNATURE);
			byte[] ihdr = new byte[13];
			putInt(ihdr, 0, width);
			putInt(ihdr, 4, height);
			ihdr[8] = (byte) bitDepth;
			ihdr[9] = (byte) colorType;
			// compression 0 (deflate), filter method 0, interlace 0
			chunk(out, "IHDR", ihdr, 13);

			int stride = width * bytesPerPixel;
			Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
			ByteArrayOutputStream idat = new ByteArrayOutputStream();
			byte[] line = new byte[stride + 1];
			byte[] buf = new byte[1 << 16];
			for (int y = 0; y < height; y++) {
				int off = y * stride;
				line[0] = 1; // Sub: each byte minus the same channel of the pixel to its left
				for (int i = 0; i < stride; i++) {
					int left = i >= bytesPerPixel ? data[off + i - bytesPerPixel] : 0;
					line[i + 1] = (byte) (data[off + i] - left);
				}
				deflater.setInput(line);
				while (!deflater.needsInput()) {
					int n = deflater.deflate(buf);
					idat.write(buf, 0, n);
				}
			}
			deflater.finish();
			while (!deflater.finished()) {
				int n = deflater.deflate(buf);
				idat.write(buf, 0, n);
			}
			deflater.end();
			byte[] compressed = idat.toByteArray();
			chunk(out, "IDAT", compressed, compressed.length);
			chunk(out, "IEND", new byte[0], 0);
		}
		catch (IOException e) {
			throw new IllegalStateException(e); // cannot happen with in-memory streams
		}
		return out.toByteArray();
	}

	private static void chunk(OutputStream out, String type, byte[] data, int length) throws IOException {
		byte[] len = new byte[4];
		putInt(len, 0, length);
		out.write(len);
		byte[] t = type.getBytes(StandardCharsets.US_ASCII);
		out.write(t);
		out.write(data, 0, length);
		CRC32 crc = new CRC32();
		crc.update(t);
		crc.update(data, 0, length);
		byte[] c = new byte[4];
		putInt(c, 0, (int) crc.getValue());
		out.write(c);
	}

	private static void putInt(byte[] b, int off, int v) {
		b[off] = (byte) (v >>> 24);
		b[off + 1] = (byte) (v >>> 16);
		b[off + 2] = (byte) (v >>> 8);
		b[off + 3] = (byte) v;
	}
}
