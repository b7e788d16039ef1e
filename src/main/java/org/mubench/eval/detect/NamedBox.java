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
 * A box to show on an image: what the Fiji side turns into a rectangle ROI ({@code new Roi(x, y, w, h)} with
 * {@link #name}, stroke colour and {@code setPosition(c, z, t)}), and what {@link RoiSetWriter} stores as a
 * {@code .roi} file.
 */
public final class NamedBox {
	public final Box box;
	/** The ROI name, e.g. {@code nucleus 0.87} (class and score) or {@code gt nucleus}. */
	public final String name;
	/** Stroke colour as 0xAARRGGBB, or 0 for ImageJ's default. */
	public final int strokeColor;
	/** Hyperstack position, 1-based; 0 = all channels/slices/frames. */
	public final int channel, slice, frame;

	public NamedBox(Box box, String name, int strokeColor, int channel, int slice, int frame) {
		this.box = box;
		this.name = name;
		this.strokeColor = strokeColor;
		this.channel = channel;
		this.slice = slice;
		this.frame = frame;
	}

	public NamedBox(Box box, String name, int strokeColor) {
		this(box, name, strokeColor, 0, 0, 0);
	}

	/** The same box shown only at one hyperstack position. */
	public NamedBox at(int channel, int slice, int frame) {
		return new NamedBox(box, name, strokeColor, channel, slice, frame);
	}
}
