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
