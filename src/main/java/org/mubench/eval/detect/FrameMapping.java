package org.mubench.eval.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * Maps boxes from the frame a model saw (its input after resizing and cropping) back to the original image's pixels.
 * A model frame point (u, v) comes from original point (x, y) by x' = x·sx, y' = y·sy (resize) then u = x' − left,
 * v = y' − top (crop); the inverse is x = (u + left)/sx. Boxes keep their real-valued corners; parts that fall in a
 * cropped-away margin map outside the crop window but still inside the original image.
 * <p>
 * Self-contained on purpose: the image layer's resize geometry was not in main when this was written. The
 * shorter-side rule matches Hugging Face CLIP processors (shorter side to S, longer side int(S·long/short)) and the
 * centre crop offsets are {@code (resized − crop) / 2} rounded down to whole pixels.
 */
public final class FrameMapping {
	/** Original image size. */
	public final int originalWidth, originalHeight;
	/** The model frame size (what grid or pixel coordinates in the reply refer to). */
	public final int frameWidth, frameHeight;
	private final double sx, sy, left, top;

	private FrameMapping(int ow, int oh, int fw, int fh, double sx, double sy, double left, double top) {
		if (ow <= 0 || oh <= 0 || fw <= 0 || fh <= 0) throw new IllegalArgumentException("image and frame sizes must be positive");
		originalWidth = ow;
		originalHeight = oh;
		frameWidth = fw;
		frameHeight = fh;
		this.sx = sx;
		this.sy = sy;
		this.left = left;
		this.top = top;
	}

	/** The model saw the image as it is (API models): frame = original. */
	public static FrameMapping identity(int width, int height) {
		return new FrameMapping(width, height, width, height, 1, 1, 0, 0);
	}

	/** The model saw the whole image stretched to {@code frameWidth × frameHeight} (Qwen-VL 448², PaliGemma 224²…). */
	public static FrameMapping stretch(int width, int height, int frameWidth, int frameHeight) {
		return new FrameMapping(width, height, frameWidth, frameHeight, (double) frameWidth / width,
			(double) frameHeight / height, 0, 0);
	}

	/** Shorter side resized to {@code shortestEdge} (aspect kept), then a centre crop of {@code cropWidth × cropHeight}. */
	public static FrameMapping shorterSideThenCentreCrop(int width, int height, int shortestEdge, int cropWidth, int cropHeight) {
		int rw, rh;
		if (width <= height) {
			rw = shortestEdge;
			rh = (int) ((long) shortestEdge * height / width);
		}
		else {
			rh = shortestEdge;
			rw = (int) ((long) shortestEdge * width / height);
		}
		double left = Math.floor((rw - cropWidth) / 2.0);
		double top = Math.floor((rh - cropHeight) / 2.0);
		return new FrameMapping(width, height, cropWidth, cropHeight, (double) rw / width, (double) rh / height, left, top);
	}

	public double toOriginalX(double u) {
		return (u + left) / sx;
	}

	public double toOriginalY(double v) {
		return (v + top) / sy;
	}

	public double toFrameX(double x) {
		return x * sx - left;
	}

	public double toFrameY(double y) {
		return y * sy - top;
	}

	public Box toOriginal(Box frameBox) {
		return new Box(toOriginalX(frameBox.x1), toOriginalY(frameBox.y1), toOriginalX(frameBox.x2), toOriginalY(frameBox.y2));
	}

	public Box toFrame(Box originalBox) {
		return new Box(toFrameX(originalBox.x1), toFrameY(originalBox.y1), toFrameX(originalBox.x2), toFrameY(originalBox.y2));
	}

	public List<Box> toOriginal(List<Box> frameBoxes) {
		List<Box> out = new ArrayList<>(frameBoxes.size());
		for (Box b : frameBoxes)
			out.add(toOriginal(b));
		return out;
	}
}
