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

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import net.imglib2.img.array.ArrayImg;

/**
 * A PNG decoder in plain Java (no AWT, so it runs headless and in any class loader): every colour type and bit depth
 * of the PNG specification, the five row filters, Adam7 interlacing, chunk CRCs, and checks for truncated files.
 * Thread-safe: all state is local to a call.
 */
public final class PngDecoder {
	private static final byte[] SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
	/** Adam7 passes: x start, y start, x step, y step. */
	private static final int[][] ADAM7 = { { 0, 0, 8, 8 }, { 4, 0, 8, 8 }, { 0, 4, 4, 8 }, { 2, 0, 4, 4 },
		{ 0, 2, 2, 4 }, { 1, 0, 2, 2 }, { 0, 1, 1, 2 } };
	/** Refuse images whose samples would not fit one Java array. */
	private static final long MAX_SAMPLES = Integer.MAX_VALUE - 16;

	private PngDecoder() {}

	/** True when the bytes start with the PNG signature. */
	public static boolean isPng(byte[] bytes) {
		if (bytes == null || bytes.length < SIGNATURE.length)
			return false;
		for (int i = 0; i < SIGNATURE.length; i++)
			if (bytes[i] != SIGNATURE[i])
				return false;
		return true;
	}

	/** Decodes to an imglib2 image with axes X, Y, C (see {@link DecodedImage#toArrayImg()}). */
	public static ArrayImg<?, ?> decodeToImg(byte[] bytes, String itemName) {
		return decode(bytes, itemName).toArrayImg();
	}

	/**
	 * Decodes a PNG file's bytes.
	 *
	 * @param itemName names the image in error messages, e.g. "row 12 (kather_et_al_2016, image_id X)"
	 * @throws ImageDecodeException with one line naming the item and the problem
	 */
	public static DecodedImage decode(byte[] bytes, String itemName) {
		final Parsed png = parse(bytes, itemName);
		final int width = png.width, height = png.height, bitDepth = png.bitDepth, colourType = png.colourType;
		final boolean interlaced = png.interlaced;
		final byte[] raw = new byte[png.rawSize];
		final Inflater inflater = new Inflater();
		try {
			new DataStream(png, inflater, itemName).read(raw, 0, raw.length);
		}
		finally {
			inflater.end();
		}
		final int spp = DecodedImage.samplesPerPixel(colourType);
		final int bitsPerPixel = spp * bitDepth;

		final int n = width * height * spp;
		final byte[] out8 = bitDepth <= 8 ? new byte[n] : null;
		final short[] out16 = bitDepth == 16 ? new short[n] : null;
		final int filterBpp = Math.max(1, bitsPerPixel / 8);
		if (!interlaced) {
			unfilter(raw, 0, width, height, bitsPerPixel, filterBpp, itemName, 0);
			unpack(raw, 0, width, height, bitDepth, spp, 0, 0, 1, 1, width, out8, out16);
		}
		else {
			int off = 0;
			for (int p = 0; p < 7; p++) {
				final int[] a = ADAM7[p];
				final int pw = (width - a[0] + a[2] - 1) / a[2], ph = (height - a[1] + a[3] - 1) / a[3];
				if (pw <= 0 || ph <= 0)
					continue;
				unfilter(raw, off, pw, ph, bitsPerPixel, filterBpp, itemName, p + 1);
				unpack(raw, off, pw, ph, bitDepth, spp, a[0], a[1], a[2], a[3], width, out8, out16);
				off += ph * (1 + rowBytes(pw, bitsPerPixel));
			}
		}
		return new DecodedImage(width, height, colourType, bitDepth, interlaced, out8, out16, png.palette,
			png.paletteAlpha);
	}

	/**
	 * Reads and checks every chunk (signature, CRCs, header, palette, order of the data chunks, sizes); the image data
	 * stays where it is in {@code bytes}, as a list of IDAT pieces.
	 */
	static Parsed parse(byte[] bytes, String itemName) {
		if (bytes == null || bytes.length == 0)
			throw ImageDecodeException.of(itemName, "no image bytes (empty image cell); the row cannot be evaluated");
		if (!isPng(bytes))
			throw ImageDecodeException.of(itemName, "not a PNG file (" + guessFormat(bytes)
				+ "); convert the image to PNG");
		int pos = SIGNATURE.length;
		int width = 0, height = 0, bitDepth = 0, colourType = -1;
		boolean interlaced = false, seenHeader = false, seenEnd = false, seenData = false, dataEnded = false;
		byte[] palette = null, paletteAlpha = null;
		final Parsed p = new Parsed(bytes);
		final CRC32 crc = new CRC32();
		while (!seenEnd) {
			if (pos + 8 > bytes.length)
				throw ImageDecodeException.of(itemName, "PNG truncated: file ends at byte " + bytes.length
					+ (seenData ? " before the IEND chunk" : " before any image data"));
			final long length = readUInt(bytes, pos);
			final String type = new String(bytes, pos + 4, 4, StandardCharsets.ISO_8859_1);
			if (!isChunkType(bytes, pos + 4))
				throw ImageDecodeException.of(itemName, "PNG corrupt: invalid chunk type at byte " + (pos + 4));
			if (length > Integer.MAX_VALUE || pos + 12 + length > bytes.length)
				throw ImageDecodeException.of(itemName, "PNG truncated: chunk " + type + " at byte " + pos
					+ " declares " + length + " bytes but the file ends at byte " + bytes.length);
			final int dataStart = pos + 8;
			final int len = (int) length;
			crc.reset();
			crc.update(bytes, pos + 4, 4 + len);
			if (crc.getValue() != readUInt(bytes, dataStart + len))
				throw ImageDecodeException.of(itemName, "PNG corrupt: CRC mismatch in chunk " + type + " at byte "
					+ pos);
			if (!seenHeader && !type.equals("IHDR"))
				throw ImageDecodeException.of(itemName, "PNG corrupt: first chunk is " + type + ", not IHDR");
			if (seenData && !type.equals("IDAT"))
				dataEnded = true;
			switch (type) {
				case "IHDR":
					if (seenHeader)
						throw ImageDecodeException.of(itemName, "PNG corrupt: second IHDR chunk");
					if (len != 13)
						throw ImageDecodeException.of(itemName, "PNG corrupt: IHDR has " + len + " bytes, not 13");
					seenHeader = true;
					final long w = readUInt(bytes, dataStart), h = readUInt(bytes, dataStart + 4);
					bitDepth = bytes[dataStart + 8] & 0xFF;
					colourType = bytes[dataStart + 9] & 0xFF;
					final int compression = bytes[dataStart + 10] & 0xFF, filter = bytes[dataStart + 11] & 0xFF,
						interlace = bytes[dataStart + 12] & 0xFF;
					if (w == 0 || h == 0 || w > Integer.MAX_VALUE || h > Integer.MAX_VALUE)
						throw ImageDecodeException.of(itemName, "PNG corrupt: image size " + w + "x" + h);
					if (!validDepth(colourType, bitDepth))
						throw ImageDecodeException.of(itemName, "PNG corrupt: colour type " + colourType
							+ " with bit depth " + bitDepth + " is not allowed");
					if (compression != 0 || filter != 0 || interlace > 1)
						throw ImageDecodeException.of(itemName, "PNG corrupt: unknown compression/filter/interlace "
							+ "method " + compression + "/" + filter + "/" + interlace);
					if (w * h * DecodedImage.samplesPerPixel(colourType) > MAX_SAMPLES)
						throw ImageDecodeException.of(itemName, "PNG image too large: " + w + "x" + h);
					width = (int) w;
					height = (int) h;
					interlaced = interlace == 1;
					break;
				case "PLTE":
					if (len % 3 != 0 || len == 0 || len > 768)
						throw ImageDecodeException.of(itemName, "PNG corrupt: PLTE has " + len + " bytes");
					if (colourType == DecodedImage.GREY || colourType == DecodedImage.GREY_ALPHA)
						throw ImageDecodeException.of(itemName, "PNG corrupt: PLTE chunk in a grey image");
					palette = new byte[len];
					System.arraycopy(bytes, dataStart, palette, 0, len);
					break;
				case "tRNS":
					// Only the palette's alpha matters downstream; grey/RGB colour keys are ignored like PIL's convert does.
					if (colourType == DecodedImage.PALETTE) {
						paletteAlpha = new byte[len];
						System.arraycopy(bytes, dataStart, paletteAlpha, 0, len);
					}
					break;
				case "IDAT":
					if (dataEnded)
						throw ImageDecodeException.of(itemName, "PNG corrupt: IDAT chunks are not consecutive");
					seenData = true;
					p.addData(dataStart, len);
					break;
				case "IEND":
					seenEnd = true;
					break;
				default:
					if ((bytes[pos + 4] & 0x20) == 0) // upper-case first letter: critical chunk
						throw ImageDecodeException.of(itemName, "PNG uses an unknown critical chunk " + type
							+ "; it cannot be decoded safely");
			}
			pos = dataStart + len + 4;
		}
		if (!seenData)
			throw ImageDecodeException.of(itemName, "PNG corrupt: no IDAT (image data) chunk");
		if (colourType == DecodedImage.PALETTE && palette == null)
			throw ImageDecodeException.of(itemName, "PNG corrupt: palette image without a PLTE chunk");

		final int spp = DecodedImage.samplesPerPixel(colourType);
		final int bitsPerPixel = spp * bitDepth;
		final long expected = interlaced ? interlacedSize(width, height, bitsPerPixel)
			: (long) height * (1 + rowBytes(width, bitsPerPixel));
		if (expected > Integer.MAX_VALUE)
			throw ImageDecodeException.of(itemName, "PNG image too large: " + width + "x" + height);
		// deflate expands at most ~1032:1, so a header promising more than the data can hold is caught before allocating
		if (expected > (long) p.dataBytes * 1032L + 1024L)
			throw ImageDecodeException.of(itemName, "PNG truncated: " + p.dataBytes + " bytes of compressed image data "
				+ "cannot hold the " + width + "x" + height + " image the header declares");
		p.width = width;
		p.height = height;
		p.bitDepth = bitDepth;
		p.colourType = colourType;
		p.interlaced = interlaced;
		p.palette = palette;
		p.paletteAlpha = paletteAlpha;
		p.rawSize = (int) expected;
		return p;
	}

	private static boolean validDepth(int colourType, int bitDepth) {
		switch (colourType) {
			case DecodedImage.GREY:
				return bitDepth == 1 || bitDepth == 2 || bitDepth == 4 || bitDepth == 8 || bitDepth == 16;
			case DecodedImage.PALETTE:
				return bitDepth == 1 || bitDepth == 2 || bitDepth == 4 || bitDepth == 8;
			case DecodedImage.RGB:
			case DecodedImage.GREY_ALPHA:
			case DecodedImage.RGBA:
				return bitDepth == 8 || bitDepth == 16;
			default:
				return false;
		}
	}

	private static long rowBytes(long width, int bitsPerPixel) {
		return (width * bitsPerPixel + 7) / 8;
	}

	private static long interlacedSize(int width, int height, int bitsPerPixel) {
		long total = 0;
		for (int[] a : ADAM7) {
			final long pw = (width - a[0] + a[2] - 1) / a[2], ph = (height - a[1] + a[3] - 1) / a[3];
			if (pw > 0 && ph > 0)
				total += ph * (1 + rowBytes(pw, bitsPerPixel));
		}
		return total;
	}

	/** What {@link #parse} found: the header fields, the palette, and where the image data lies in the file. */
	static final class Parsed {
		final byte[] bytes;
		int width, height, bitDepth, colourType, rawSize;
		boolean interlaced;
		byte[] palette, paletteAlpha;
		int[] dataOffsets = new int[4], dataLengths = new int[4];
		int dataChunks;
		long dataBytes;

		Parsed(byte[] bytes) {
			this.bytes = bytes;
		}

		void addData(int offset, int length) {
			if (dataChunks == dataOffsets.length) {
				dataOffsets = java.util.Arrays.copyOf(dataOffsets, 2 * dataChunks);
				dataLengths = java.util.Arrays.copyOf(dataLengths, 2 * dataChunks);
			}
			dataOffsets[dataChunks] = offset;
			dataLengths[dataChunks++] = length;
			dataBytes += length;
		}

		int samplesPerPixel() {
			return DecodedImage.samplesPerPixel(colourType);
		}

		/** Bytes of one unfiltered row (without its filter byte) of a non-interlaced image. */
		int stride() {
			return (int) rowBytes(width, samplesPerPixel() * bitDepth);
		}

		/** Distance in bytes between a sample and the same sample of the pixel to its left, for the row filters. */
		int filterBpp() {
			return Math.max(1, samplesPerPixel() * bitDepth / 8);
		}
	}

	/**
	 * The inflated image data, read piece by piece straight from the IDAT chunks in the file (no copy of the
	 * compressed data). The inflater is the caller's, so a thread can reuse one.
	 */
	static final class DataStream {
		private final Parsed png;
		private final Inflater inflater;
		private final String itemName;
		private int nextChunk;
		private long got;

		DataStream(Parsed png, Inflater inflater, String itemName) {
			this.png = png;
			this.inflater = inflater;
			this.itemName = itemName;
			inflater.reset();
		}

		/** Fills {@code out[off, off + len)} or throws naming the item (truncated or corrupt data). */
		void read(byte[] out, int off, int len) {
			try {
				int done = 0;
				while (done < len) {
					final int k = inflater.inflate(out, off + done, len - done);
					done += k;
					if (k > 0)
						continue;
					if (inflater.needsInput() && nextChunk < png.dataChunks) {
						inflater.setInput(png.bytes, png.dataOffsets[nextChunk], png.dataLengths[nextChunk]);
						nextChunk++;
						continue;
					}
					if (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())
						throw ImageDecodeException.of(itemName, "PNG truncated: image data ends after " + (got + done)
							+ " of " + png.rawSize + " bytes");
				}
				got += len;
			}
			catch (DataFormatException e) {
				throw ImageDecodeException.of(itemName, "PNG corrupt: compressed image data is invalid ("
					+ e.getMessage() + ")");
			}
		}
	}

	/** Reverses the row filters in place; each row is preceded by its filter-type byte. */
	private static void unfilter(byte[] d, int off, int width, int height, int bitsPerPixel, int bpp,
		String itemName, int pass) {
		final int stride = (int) rowBytes(width, bitsPerPixel);
		for (int y = 0; y < height; y++) {
			final int row = off + y * (stride + 1);
			final int filter = d[row] & 0xFF;
			if (!unfilterRow(filter, d, row + 1, y == 0 ? null : d, row - stride, stride, bpp))
				throw unknownFilter(itemName, filter, y, pass);
		}
	}

	static ImageDecodeException unknownFilter(String itemName, int filter, int y, int pass) {
		return ImageDecodeException.of(itemName, "PNG corrupt: unknown row filter " + filter + " in row " + y
			+ (pass > 0 ? " of interlace pass " + pass : ""));
	}

	/**
	 * Reverses one row's filter in place: the row is {@code d[cur, cur + stride)}, the row above (already unfiltered)
	 * {@code p[prev, prev + stride)}, or {@code p} null for the first row. False for an unknown filter type.
	 */
	static boolean unfilterRow(int filter, byte[] d, int cur, byte[] p, int prev, int stride, int bpp) {
		switch (filter) {
			case 0:
				return true;
			case 1:
				subtractLeft(d, cur, stride, bpp);
				return true;
			case 2:
				if (p != null)
					for (int i = 0; i < stride; i++)
						d[cur + i] += p[prev + i];
				return true;
			case 3:
				if (p == null) {
					for (int i = bpp; i < stride; i++)
						d[cur + i] += (byte) ((d[cur + i - bpp] & 0xFF) >>> 1);
					return true;
				}
				for (int k = 0; k < bpp && k < stride; k++) { // left neighbour in a register, as for Paeth below
					int a = (d[cur + k] + ((p[prev + k] & 0xFF) >>> 1)) & 0xFF;
					d[cur + k] = (byte) a;
					for (int i = k + bpp; i < stride; i += bpp) {
						a = (d[cur + i] + ((a + (p[prev + i] & 0xFF)) >>> 1)) & 0xFF;
						d[cur + i] = (byte) a;
					}
				}
				return true;
			case 4:
				if (p == null) { // Paeth with no row above predicts from the left
					subtractLeft(d, cur, stride, bpp);
					return true;
				}
				for (int i = 0; i < bpp && i < stride; i++)
					d[cur + i] += p[prev + i];
				// Channel by channel, left neighbour and upper-left kept in registers: each byte then waits only on
				// arithmetic, not on the store of the byte before it. The choice
				// (pa <= pb && pa <= pc ? a : pb <= pc ? b : c) is made without branches, as it follows the content.
				for (int k = 0; k < bpp && k < stride; k++) {
					int a = d[cur + k] & 0xFF, c = p[prev + k] & 0xFF;
					for (int i = k + bpp; i < stride; i += bpp) {
						final int b = p[prev + i] & 0xFF;
						final int pa = Math.abs(b - c), pb = Math.abs(a - c), pc = Math.abs(a + b - 2 * c);
						final int cOverB = (pc - pb) >> 31;
						final int bc = (b & ~cOverB) | (c & cOverB);
						final int notA = (Math.min(pb, pc) - pa) >> 31;
						a = (d[cur + i] + ((a & ~notA) | (bc & notA))) & 0xFF;
						d[cur + i] = (byte) a;
						c = b;
					}
				}
				return true;
			default:
				return false;
		}
	}

	/** The Sub filter's inverse: each byte plus its left neighbour, channel by channel with the neighbour in a register. */
	private static void subtractLeft(byte[] d, int cur, int stride, int bpp) {
		for (int k = 0; k < bpp && k < stride; k++) {
			int a = d[cur + k];
			for (int i = k + bpp; i < stride; i += bpp) {
				a += d[cur + i];
				d[cur + i] = (byte) a;
			}
		}
	}

	/** Copies the samples of a (sub-)image of unfiltered rows into the full-size output. */
	private static void unpack(byte[] d, int off, int width, int height, int bitDepth, int spp, int x0, int y0,
		int dx, int dy, int fullWidth, byte[] out8, short[] out16) {
		final int stride = (int) rowBytes(width, spp * bitDepth);
		for (int y = 0; y < height; y++) {
			final int row = off + y * (stride + 1) + 1;
			final int outRow = (y0 + y * dy) * fullWidth;
			if (bitDepth == 16) {
				for (int x = 0; x < width; x++) {
					final int o = (outRow + x0 + x * dx) * spp;
					for (int k = 0; k < spp; k++) {
						final int s = row + (x * spp + k) * 2;
						out16[o + k] = (short) (((d[s] & 0xFF) << 8) | (d[s + 1] & 0xFF));
					}
				}
			}
			else if (bitDepth == 8 && dx == 1) // whole row at once (x0 is 0 whenever dx is 1)
				System.arraycopy(d, row, out8, outRow * spp, width * spp);
			else if (bitDepth == 8) {
				for (int x = 0; x < width; x++)
					System.arraycopy(d, row + x * spp, out8, (outRow + x0 + x * dx) * spp, spp);
			}
			else { // 1, 2, 4 bits: one sample per pixel, most significant bits first
				final int perByte = 8 / bitDepth, mask = (1 << bitDepth) - 1;
				for (int x = 0; x < width; x++) {
					final int b = d[row + x / perByte] & 0xFF;
					final int shift = 8 - bitDepth * (x % perByte + 1);
					out8[outRow + x0 + x * dx] = (byte) ((b >>> shift) & mask);
				}
			}
		}
	}

	private static long readUInt(byte[] b, int p) {
		return ((long) (b[p] & 0xFF) << 24) | ((b[p + 1] & 0xFF) << 16) | ((b[p + 2] & 0xFF) << 8) | (b[p + 3] & 0xFF);
	}

	private static boolean isChunkType(byte[] b, int p) {
		for (int i = 0; i < 4; i++) {
			final int c = b[p + i] & 0xFF;
			if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z'))
				return false;
		}
		return true;
	}

	private static String guessFormat(byte[] b) {
		if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF)
			return "looks like JPEG";
		if (b.length >= 4 && (b[0] == 'I' && b[1] == 'I' && b[2] == 42 || b[0] == 'M' && b[1] == 'M' && b[3] == 42))
			return "looks like TIFF";
		if (b.length >= 2 && b[0] == 'B' && b[1] == 'M')
			return "looks like BMP";
		if (b.length >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F')
			return "looks like GIF";
		return "no PNG signature";
	}
}
