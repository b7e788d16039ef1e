package org.mubench.image;

/** How pixel values beyond 8 bits become 0–255. */
public enum ContrastMapping {
	/** As PIL's {@code convert("RGB")} does in the Python reference: values are clipped to 0–255. The paper's protocol. */
	PIL,
	/** Linear from the image's own minimum and maximum. */
	MIN_MAX,
	/** Linear from the 0.35th to the 99.65th percentile (ImageJ's "Auto" contrast, 0.35% saturated). */
	SATURATED
}
