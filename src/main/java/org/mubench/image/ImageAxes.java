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

import java.util.Locale;

/**
 * The meaning of each dimension of an image, given by the caller as a string of axis letters in dimension order, e.g.
 * "XYCZT" (ImageJ's hyperstack order), "XYC" (a decoded PNG) or "XY". Letters: X, Y (both required), C (channel),
 * Z (focal plane), T (time); each at most once.
 */
public final class ImageAxes {
	private final String order;

	private ImageAxes(String order) {
		this.order = order;
	}

	/** Parses an axis order; throws IllegalArgumentException with the reason when it is malformed. */
	public static ImageAxes of(String order) {
		if (order == null || order.isEmpty())
			throw new IllegalArgumentException("axis order is empty; give letters such as \"XYCZT\"");
		final String o = order.toUpperCase(Locale.ROOT);
		for (int i = 0; i < o.length(); i++) {
			final char c = o.charAt(i);
			if ("XYCZT".indexOf(c) < 0)
				throw new IllegalArgumentException("axis order \"" + order + "\": unknown axis '" + c
					+ "' (use X, Y, C, Z, T)");
			if (o.indexOf(c) != i)
				throw new IllegalArgumentException("axis order \"" + order + "\": axis " + c + " appears twice");
		}
		if (o.indexOf('X') < 0 || o.indexOf('Y') < 0)
			throw new IllegalArgumentException("axis order \"" + order + "\" needs both X and Y");
		return new ImageAxes(o);
	}

	/** Dimension index of an axis letter, or −1 when the image has no such axis. */
	public int indexOf(char axis) {
		return order.indexOf(Character.toUpperCase(axis));
	}

	public int numDimensions() {
		return order.length();
	}

	@Override
	public String toString() {
		return order;
	}
}
