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
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Hand-assembles PNG files for tests: any colour type and bit depth, a chosen filter per row (cycling through all
 * five by default), optional Adam7 interlacing, optional PLTE/tRNS. Samples are given one value per sample,
 * pixel-interleaved (palette images: indices).
 */
public final class PngTestWriter {
	private static final int[][] ADAM7 = { { 0, 0, 8, 8 }, { 4, 0, 8, 8 }, { 0, 4, 4, 8 }, { 2, 0, 4, 4 },
		{ 0, 2, 2, 4 }, { 1, 0, 2, 2 }, { 0, 1, 1, 2 } };

	int width, height, colourType, bitDepth;
	boolean interlaced;
	int[] samples;
	byte[] palette, trns;
	/** Filter for row r is filters[r % filters.length]. */
	public int[] filters = { 0, 1, 2, 3, 4 };
	/** Deflate level (0–9). */
	public int level = 9;
	/** Split the compressed data over this many IDAT chunks. */
	int idatChunks = 2;

	public PngTestWriter(int width, int height, int colourType, int bitDepth, int[] samples) {
		this.width = width;
		this.height = height;
		this.colourType = colourType;
		this.bitDepth = bitDepth;
		this.samples = samples;
	}

	int spp() {
		return DecodedImage.samplesPerPixel(colourType);
	}

	public byte[] write() {
		final ByteArrayOutputStream raw = new ByteArrayOutputStream();
		if (!interlaced)
			writePass(raw, 0, 0, 1, 1);
		else
			for (int[] a : ADAM7)
				writePass(raw, a[0], a[1], a[2], a[3]);
		final Deflater d = new Deflater(level);
		d.setInput(raw.toByteArray());
		d.finish();
		final ByteArrayOutputStream z = new ByteArrayOutputStream();
		final byte[] buf = new byte[4096];
		while (!d.finished())
			z.write(buf, 0, d.deflate(buf));
		d.end();
		final byte[] zb = z.toByteArray();

		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' }, 0, 8);
		final byte[] ihdr = new byte[13];
		putInt(ihdr, 0, width);
		putInt(ihdr, 4, height);
		ihdr[8] = (byte) bitDepth;
		ihdr[9] = (byte) colourType;
		ihdr[12] = (byte) (interlaced ? 1 : 0);
		chunk(out, "IHDR", ihdr);
		chunk(out, "tEXt", "Comment\0test image".getBytes(StandardCharsets.ISO_8859_1));
		if (palette != null)
			chunk(out, "PLTE", palette);
		if (trns != null)
			chunk(out, "tRNS", trns);
		final int parts = Math.max(1, Math.min(idatChunks, zb.length));
		int pos = 0;
		for (int i = 0; i < parts; i++) {
			final int end = i == parts - 1 ? zb.length : zb.length * (i + 1) / parts;
			final byte[] part = new byte[end - pos];
			System.arraycopy(zb, pos, part, 0, part.length);
			chunk(out, "IDAT", part);
			pos = end;
		}
		chunk(out, "IEND", new byte[0]);
		return out.toByteArray();
	}

	private void writePass(ByteArrayOutputStream raw, int x0, int y0, int dx, int dy) {
		final int pw = (width - x0 + dx - 1) / dx, ph = (height - y0 + dy - 1) / dy;
		if (pw <= 0 || ph <= 0)
			return;
		final int bitsPerPixel = spp() * bitDepth;
		final int stride = (pw * bitsPerPixel + 7) / 8, bpp = Math.max(1, bitsPerPixel / 8);
		byte[] prev = new byte[stride];
		for (int y = 0; y < ph; y++) {
			final byte[] row = new byte[stride];
			int bit = 0;
			for (int x = 0; x < pw; x++)
				for (int k = 0; k < spp(); k++) {
					final int v = samples[((y0 + y * dy) * width + x0 + x * dx) * spp() + k];
					if (bitDepth == 16) {
						row[bit / 8] = (byte) (v >> 8);
						row[bit / 8 + 1] = (byte) v;
					}
					else if (bitDepth == 8)
						row[bit / 8] = (byte) v;
					else
						row[bit / 8] |= (byte) (v << (8 - bitDepth - bit % 8));
					bit += bitDepth;
				}
			final int f = filters[y % filters.length];
			raw.write(f);
			for (int i = 0; i < stride; i++) {
				final int a = i >= bpp ? row[i - bpp] & 0xFF : 0, b = prev[i] & 0xFF,
					c = i >= bpp ? prev[i - bpp] & 0xFF : 0;
				int pred;
				switch (f) {
					case 0:
						pred = 0;
						break;
					case 1:
						pred = a;
						break;
					case 2:
						pred = b;
						break;
					case 3:
						pred = (a + b) / 2;
						break;
					default:
						final int p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
						pred = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
				}
				raw.write((row[i] - pred) & 0xFF);
			}
			prev = row;
		}
	}

	static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
		final byte[] len = new byte[4];
		putInt(len, 0, data.length);
		out.write(len, 0, 4);
		final byte[] t = type.getBytes(StandardCharsets.ISO_8859_1);
		out.write(t, 0, 4);
		out.write(data, 0, data.length);
		final CRC32 crc = new CRC32();
		crc.update(t);
		crc.update(data);
		putInt(len, 0, (int) crc.getValue());
		out.write(len, 0, 4);
	}

	static void putInt(byte[] b, int p, int v) {
		b[p] = (byte) (v >>> 24);
		b[p + 1] = (byte) (v >>> 16);
		b[p + 2] = (byte) (v >>> 8);
		b[p + 3] = (byte) v;
	}
}
