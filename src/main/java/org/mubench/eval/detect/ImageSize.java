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
package org.mubench.eval.detect;

/**
 * Width and height from a PNG's IHDR chunk, so boxes can be scaled without decoding pixels. Only PNG: that is what
 * the release stores and what {@code GenerativeModel.ask} takes; other bytes count as an unreadable image.
 */
public final class ImageSize {
	public final int width, height;

	public ImageSize(int width, int height) {
		this.width = width;
		this.height = height;
	}

	/** The size, or null when the bytes are not a PNG with a readable header. */
	public static ImageSize read(byte[] b) {
		if (b == null) return null;
		if (b.length >= 24 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[12] == 'I'
			&& b[13] == 'H' && b[14] == 'D' && b[15] == 'R') {
			int w = int32(b, 16), h = int32(b, 20);
			return w > 0 && h > 0 ? new ImageSize(w, h) : null;
		}
		return null;
	}

	private static int int32(byte[] b, int o) {
		return ((b[o] & 0xff) << 24) | ((b[o + 1] & 0xff) << 16) | ((b[o + 2] & 0xff) << 8) | (b[o + 3] & 0xff);
	}

	@Override
	public String toString() {
		return width + "x" + height;
	}
}
