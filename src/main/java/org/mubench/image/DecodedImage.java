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

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;

/**
 * A decoded PNG as the file stores it: one sample per value, pixel-interleaved, rows top to bottom. Samples of bit
 * depth 1–8 are unscaled values in {@link #bytes()} (palette images keep their indices), 16-bit samples are in
 * {@link #shorts()} (read them with {@code & 0xFFFF}).
 */
public final class DecodedImage {
	/** PNG colour types. */
	public static final int GREY = 0, RGB = 2, PALETTE = 3, GREY_ALPHA = 4, RGBA = 6;

	private final int width, height, colourType, bitDepth;
	private final boolean interlaced;
	private final byte[] bytes;
	private final short[] shorts;
	private final byte[] paletteRgb;
	private final byte[] paletteAlpha;

	DecodedImage(int width, int height, int colourType, int bitDepth, boolean interlaced, byte[] bytes,
		short[] shorts, byte[] paletteRgb, byte[] paletteAlpha) {
		this.width = width;
		this.height = height;
		this.colourType = colourType;
		this.bitDepth = bitDepth;
		this.interlaced = interlaced;
		this.bytes = bytes;
		this.shorts = shorts;
		this.paletteRgb = paletteRgb;
		this.paletteAlpha = paletteAlpha;
	}

	public int width() {
		return width;
	}

	public int height() {
		return height;
	}

	/** PNG colour type: {@link #GREY}, {@link #RGB}, {@link #PALETTE}, {@link #GREY_ALPHA} or {@link #RGBA}. */
	public int colourType() {
		return colourType;
	}

	/** Bits per sample in the file: 1, 2, 4, 8 or 16. */
	public int bitDepth() {
		return bitDepth;
	}

	public boolean interlaced() {
		return interlaced;
	}

	/** Samples per pixel as stored (palette images: 1, the index). */
	public int samplesPerPixel() {
		return samplesPerPixel(colourType);
	}

	static int samplesPerPixel(int colourType) {
		switch (colourType) {
			case GREY:
			case PALETTE:
				return 1;
			case GREY_ALPHA:
				return 2;
			case RGB:
				return 3;
			case RGBA:
				return 4;
			default:
				throw new IllegalArgumentException("colour type " + colourType);
		}
	}

	public boolean hasAlphaChannel() {
		return colourType == GREY_ALPHA || colourType == RGBA;
	}

	/** Samples of bit depth ≤ 8, or null. */
	public byte[] bytes() {
		return bytes;
	}

	/** 16-bit samples, or null. */
	public short[] shorts() {
		return shorts;
	}

	/** Palette entries as RGB triples (palette images only, else null). */
	public byte[] paletteRgb() {
		return paletteRgb;
	}

	/** Alpha of the first palette entries from tRNS, or null. */
	public byte[] paletteAlpha() {
		return paletteAlpha;
	}

	/**
	 * The image as an imglib2 image with axes X, Y, C in its native sample type: {@link UnsignedShortType} for 16-bit
	 * files, else {@link UnsignedByteType}. Grey of 1, 2 or 4 bits is scaled to 0–255 (as PIL and ImageJ show it);
	 * palette images are expanded to RGB, or RGBA when the file has palette transparency.
	 */
	public ArrayImg<?, ?> toArrayImg() {
		final int n = width * height;
		if (shorts != null) {
			final int c = samplesPerPixel();
			final short[] planar = new short[n * c];
			for (int i = 0; i < n; i++)
				for (int k = 0; k < c; k++)
					planar[k * n + i] = shorts[i * c + k];
			final ArrayImg<UnsignedShortType, ShortArray> img = ArrayImgs.unsignedShorts(planar, width, height, c);
			return img;
		}
		if (colourType == PALETTE) {
			final int c = paletteAlpha != null ? 4 : 3;
			final byte[] planar = new byte[n * c];
			final int entries = paletteRgb.length / 3;
			for (int i = 0; i < n; i++) {
				final int idx = bytes[i] & 0xFF;
				if (idx < entries) {
					planar[i] = paletteRgb[idx * 3];
					planar[n + i] = paletteRgb[idx * 3 + 1];
					planar[2 * n + i] = paletteRgb[idx * 3 + 2];
				}
				if (c == 4)
					planar[3 * n + i] = idx < paletteAlpha.length ? paletteAlpha[idx] : (byte) 255;
			}
			return ArrayImgs.unsignedBytes(planar, width, height, c);
		}
		final int c = samplesPerPixel();
		final int scale = greyScale();
		final byte[] planar = new byte[n * c];
		for (int i = 0; i < n; i++)
			for (int k = 0; k < c; k++)
				planar[k * n + i] = (byte) ((bytes[i * c + k] & 0xFF) * scale);
		final ArrayImg<UnsignedByteType, ByteArray> img = ArrayImgs.unsignedBytes(planar, width, height, c);
		return img;
	}

	/** Factor bringing a grey sample of this bit depth to 0–255 (1-bit: 255, 2-bit: 85, 4-bit: 17). */
	int greyScale() {
		return bitDepth >= 8 ? 1 : 255 / ((1 << bitDepth) - 1);
	}

	/**
	 * Pixel-interleaved 8-bit RGB, exactly as Pillow's {@code Image.open(...).convert("RGB")} gives it for this file
	 * when {@code contrast} is {@link ContrastMapping#PIL}: alpha dropped without compositing, palette looked up
	 * (indices past the palette are black), low-depth grey scaled, 16-bit grey clipped to 255, 16-bit colour or
	 * grey+alpha reduced to its high byte (Pillow decodes those modes to 8 bits). The other mappings stretch the
	 * colour samples of 16-bit files (alpha excluded) linearly; 8-bit data is never stretched.
	 */
	public byte[] toRgb8(ContrastMapping contrast) {
		final int n = width * height;
		final byte[] out = new byte[n * 3];
		final int spp = samplesPerPixel();
		if (shorts != null) {
			final int colours = colourType == GREY || colourType == GREY_ALPHA ? 1 : 3;
			final int[] lut;
			if (contrast == null || contrast == ContrastMapping.PIL) {
				lut = new int[65536];
				for (int v = 0; v < 65536; v++)
					lut[v] = colourType == GREY ? Math.min(v, 255) : v >> 8;
			}
			else {
				final int[] hist = new int[65536];
				for (int i = 0; i < n; i++)
					for (int k = 0; k < colours; k++)
						hist[shorts[i * spp + k] & 0xFFFF]++;
				lut = Contrast.lookupTable(hist, contrast);
			}
			for (int i = 0; i < n; i++) {
				if (colours == 1) {
					final byte v = (byte) lut[shorts[i * spp] & 0xFFFF];
					out[3 * i] = v;
					out[3 * i + 1] = v;
					out[3 * i + 2] = v;
				}
				else {
					out[3 * i] = (byte) lut[shorts[i * spp] & 0xFFFF];
					out[3 * i + 1] = (byte) lut[shorts[i * spp + 1] & 0xFFFF];
					out[3 * i + 2] = (byte) lut[shorts[i * spp + 2] & 0xFFFF];
				}
			}
			return out;
		}
		switch (colourType) {
			case PALETTE: {
				final int entries = paletteRgb.length / 3;
				for (int i = 0; i < n; i++) {
					final int idx = bytes[i] & 0xFF;
					if (idx < entries)
						System.arraycopy(paletteRgb, idx * 3, out, 3 * i, 3);
				}
				return out;
			}
			case GREY:
			case GREY_ALPHA: {
				final int scale = greyScale();
				for (int i = 0; i < n; i++) {
					final byte v = (byte) ((bytes[i * spp] & 0xFF) * scale);
					out[3 * i] = v;
					out[3 * i + 1] = v;
					out[3 * i + 2] = v;
				}
				return out;
			}
			case RGB:
				System.arraycopy(bytes, 0, out, 0, 3 * n);
				return out;
			default:
				for (int i = 0; i < n; i++) {
					out[3 * i] = bytes[4 * i];
					out[3 * i + 1] = bytes[4 * i + 1];
					out[3 * i + 2] = bytes[4 * i + 2];
				}
				return out;
		}
	}
}
