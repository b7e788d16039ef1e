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

/** How pixel values beyond 8 bits become 0–255. */
public enum ContrastMapping {
	/**
	 * As PIL's {@code convert("RGB")} does in the Python reference, the paper's protocol: 16-bit grey, integer and
	 * float values are clipped to 0–255 (fractions dropped); 16-bit colour PNGs keep their high byte.
	 */
	PIL,
	/** Linear from the image's own minimum and maximum (rounded to the nearest level). */
	MIN_MAX,
	/**
	 * Linear from the 0.35th to the 99.65th percentile: the darkest and brightest 0.35 % of the samples saturate
	 * (like ImageJ's Enhance Contrast with saturated=0.7, which splits its percentage over both ends).
	 */
	SATURATED
}
