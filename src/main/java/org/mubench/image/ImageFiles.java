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

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.type.numeric.integer.UnsignedShortType;

/**
 * Image files of any common format to model input. PNG goes through the image layer's own decoder, exactly as dataset
 * rows; other formats are decoded by {@code javax.imageio} (headless) and handed to {@link ImageTensors} as 8-bit
 * pixels, or as an imglib2 image of their own sample type so the contrast mapping applies to deeper data.
 */
public final class ImageFiles {
	private ImageFiles() {}

	/**
	 * An image file's bytes (PNG, TIFF, JPEG, BMP, GIF …) to the model's input tensor.
	 *
	 * @param name names the image in error messages
	 * @throws IllegalArgumentException when no decoder of this Java reads the format
	 */
	public static float[] toTensor(byte[] bytes, String name, PreprocessConfig cfg) throws IOException {
		if (PngDecoder.isPng(bytes)) return ImageTensors.fromEncoded(bytes, name, cfg);
		BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes));
		if (img == null) throw new IllegalArgumentException("Image " + name
			+ " is in a format this Java cannot read: convert it to PNG or TIFF.");
		Raster r = img.getRaster();
		int w = r.getWidth(), h = r.getHeight(), bands = r.getNumBands();
		boolean indexed = img.getColorModel() instanceof java.awt.image.IndexColorModel;
		int type = r.getDataBuffer().getDataType();
		if (type == DataBuffer.TYPE_BYTE && !indexed && (bands == 1 || bands == 3 || bands == 4) && img.getColorModel().getComponentSize(0) <= 8) {
			int channels = bands == 1 ? 1 : 3;
			byte[] px = new byte[w * h * channels];
			int[] row = new int[w * bands];
			for (int y = 0; y < h; y++) {
				r.getPixels(0, y, w, 1, row);
				for (int x = 0; x < w; x++)
					for (int c = 0; c < channels; c++)
						px[(y * w + x) * channels + c] = (byte) row[x * bands + c];
			}
			return ImageTensors.fromRgb8(px, w, h, channels, cfg);
		}
		if (indexed || type == DataBuffer.TYPE_INT) {
			// Palette and packed-int images: let Java convert to RGB, as PIL's convert("RGB") would.
			byte[] px = new byte[w * h * 3];
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++) {
					int argb = img.getRGB(x, y);
					int i = (y * w + x) * 3;
					px[i] = (byte) (argb >> 16);
					px[i + 1] = (byte) (argb >> 8);
					px[i + 2] = (byte) argb;
				}
			return ImageTensors.fromRgb8(px, w, h, 3, cfg);
		}
		// Deeper data (16-bit, float): keep its values so the chosen contrast mapping applies.
		int channels = bands >= 3 ? 3 : 1;
		String axes = channels == 1 ? "XY" : "XYC";
		if (type == DataBuffer.TYPE_USHORT) {
			short[] data = new short[w * h * channels];
			int[] s = new int[w * h];
			for (int c = 0; c < channels; c++) {
				r.getSamples(0, 0, w, h, c, s);
				for (int i = 0; i < s.length; i++)
					data[c * w * h + i] = (short) s[i];
			}
			ArrayImg<UnsignedShortType, ShortArray> a = channels == 1 ? ArrayImgs.unsignedShorts(data, w, h)
				: ArrayImgs.unsignedShorts(data, w, h, channels);
			return ImageTensors.fromImage(a, ImageAxes.of(axes), PlaneSelection.DEFAULT, cfg, name);
		}
		float[] data = new float[w * h * channels];
		float[] s = new float[w * h];
		for (int c = 0; c < channels; c++) {
			r.getSamples(0, 0, w, h, c, s);
			System.arraycopy(s, 0, data, c * w * h, s.length);
		}
		return ImageTensors.fromImage(channels == 1 ? ArrayImgs.floats(data, w, h) : ArrayImgs.floats(data, w, h, channels),
			ImageAxes.of(axes), PlaneSelection.DEFAULT, cfg, name);
	}
}
