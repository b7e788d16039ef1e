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
