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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

/** Decodes our PNGs with javax.imageio (an independent decoder) and compares every sample. */
class PngEncoderTest {
	@Test
	void rgb8RoundTrip() throws IOException {
		int w = 37, h = 23;
		byte[] rgb = new byte[w * h * 3];
		for (int i = 0; i < rgb.length; i++)
			rgb[i] = (byte) (i * 31 + (i / 7) * 13);
		BufferedImage img = ImageIO.read(new ByteArrayInputStream(PngEncoder.rgb8(w, h, rgb)));
		assertEquals(w, img.getWidth());
		assertEquals(h, img.getHeight());
		Raster r = img.getRaster();
		assertEquals(3, r.getNumBands());
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				for (int c = 0; c < 3; c++)
					assertEquals(rgb[(y * w + x) * 3 + c] & 0xff, r.getSample(x, y, c), "pixel " + x + "," + y);
	}

	@Test
	void packedIntRgb() throws IOException {
		int[] px = { 0xff0000, 0x00ff00, 0x0000ff, 0x123456 };
		BufferedImage img = ImageIO.read(new ByteArrayInputStream(PngEncoder.rgb8(2, 2, px)));
		for (int i = 0; i < 4; i++)
			assertEquals(px[i], img.getRGB(i % 2, i / 2) & 0xffffff);
	}

	@Test
	void grey8AndGrey16RoundTrip() throws IOException {
		int w = 300, h = 5;
		byte[] g8 = new byte[w * h];
		short[] g16 = new short[w * h];
		for (int i = 0; i < g8.length; i++) {
			g8[i] = (byte) (i % 251);
			g16[i] = (short) (i * 217 + 40000);
		}
		Raster r8 = ImageIO.read(new ByteArrayInputStream(PngEncoder.grey8(w, h, g8))).getRaster();
		Raster r16 = ImageIO.read(new ByteArrayInputStream(PngEncoder.grey16(w, h, g16))).getRaster();
		assertEquals(1, r8.getNumBands());
		assertEquals(16, r16.getSampleModel().getSampleSize(0));
		for (int i = 0; i < g8.length; i++) {
			assertEquals(g8[i] & 0xff, r8.getSample(i % w, i / w, 0));
			assertEquals(g16[i] & 0xffff, r16.getSample(i % w, i / w, 0));
		}
	}

	@Test
	void wrongBufferSizeIsRejected() {
		assertThrows(IllegalArgumentException.class, () -> PngEncoder.rgb8(2, 2, new byte[11]));
		assertThrows(IllegalArgumentException.class, () -> PngEncoder.grey8(0, 2, new byte[0]));
	}
}
