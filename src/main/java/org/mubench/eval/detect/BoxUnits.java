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
