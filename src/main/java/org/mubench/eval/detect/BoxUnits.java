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
 * What the numbers of a plain-JSON box reply mean. {@link #AUTO}: when every coordinate of the reply lies in [0, 1]
 * the reply is read as normalised, otherwise as pixels (so a pixel reply whose boxes all sit within the first pixel —
 * practically never — would be misread; use {@link #PIXELS} to rule that out).
 */
public enum BoxUnits {
	/** Pixels of the image as sent. */
	PIXELS,
	/** Fractions 0–1 of the image width (x) and height (y). */
	NORMALIZED,
	AUTO;

	public static BoxUnits parse(String s) {
		if (s == null) return AUTO;
		switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
			case "pixels":
			case "pixel":
			case "px":
				return PIXELS;
			case "normalized":
			case "normalised":
			case "norm":
				return NORMALIZED;
			case "auto":
				return AUTO;
			default:
				throw new IllegalArgumentException("box units '" + s + "': use pixels, normalized or auto");
		}
	}
}
