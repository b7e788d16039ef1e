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

/**
 * Where the pixels of a model's input tensor come from: the original image is resized to
 * {@link #resizedWidth()} × {@link #resizedHeight()}, then a window of {@link #outputWidth()} ×
 * {@link #outputHeight()} starting at ({@link #cropLeft()}, {@link #cropTop()}) of the resized image is kept (negative
 * offsets: the resized image is smaller than the window and padded with zeros, as Hugging Face's centre crop does).
 * <p>
 * Coordinates are continuous pixel-edge coordinates (0 is the left edge of the first pixel, a pixel's centre is at
 * i + 0.5), the convention under which PIL's resampling is an exact scaling, so {@link #toOriginalX} and
 * {@link #toTensorX} are exact inverses.
 */
public final class ResizeGeometry {
	private final int originalWidth, originalHeight, resizedWidth, resizedHeight, cropLeft, cropTop, outputWidth,
		outputHeight;

	public ResizeGeometry(int originalWidth, int originalHeight, int resizedWidth, int resizedHeight, int cropLeft,
		int cropTop, int outputWidth, int outputHeight) {
		this.originalWidth = originalWidth;
		this.originalHeight = originalHeight;
		this.resizedWidth = resizedWidth;
		this.resizedHeight = resizedHeight;
		this.cropLeft = cropLeft;
		this.cropTop = cropTop;
		this.outputWidth = outputWidth;
		this.outputHeight = outputHeight;
	}

	/**
	 * The geometry Hugging Face's CLIPImageProcessor applies: the shorter side becomes {@code shortestEdge} and the
	 * longer side {@code int(shortestEdge * long / short)} (truncated, computed in double as Python does); then a
	 * centre crop whose offset is {@code (resized − crop) // 2} (floor), or, when the resized side is smaller than
	 * the crop, padding of {@code ceil((crop − resized) / 2)} before the image. With {@link ImagePipeline#OPEN_CLIP},
	 * torchvision's centre crop instead: offset {@code round((resized − crop) / 2)} (half to even, as Python rounds),
	 * padding {@code (crop − resized) // 2} before the image.
	 */
	public static ResizeGeometry of(int width, int height, PreprocessConfig cfg) {
		if (width <= 0 || height <= 0)
			throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
		int rw = width, rh = height;
		if (cfg.doResize) {
			if (cfg.shortestEdge <= 0)
				throw new IllegalArgumentException("shortest_edge must be positive, got " + cfg.shortestEdge);
			final int s = cfg.shortestEdge;
			if (width <= height) {
				rw = s;
				rh = (int) ((double) s * height / width);
			}
			else {
				rh = s;
				rw = (int) ((double) s * width / height);
			}
		}
		if (!cfg.doCenterCrop)
			return new ResizeGeometry(width, height, rw, rh, 0, 0, rw, rh);
		final int cw = cfg.cropWidth, ch = cfg.cropHeight;
		if (cw <= 0 || ch <= 0)
			throw new IllegalArgumentException("crop size must be positive, got " + cw + "x" + ch);
		return new ResizeGeometry(width, height, rw, rh, cropOffset(rw, cw, cfg.pipeline),
			cropOffset(rh, ch, cfg.pipeline), cw, ch);
	}

	private static int cropOffset(int size, int crop, ImagePipeline pipeline) {
		if (pipeline == ImagePipeline.OPEN_CLIP)
			return size >= crop ? (int) Math.rint((size - crop) / 2.0) : -((crop - size) / 2);
		if (size >= crop)
			return Math.floorDiv(size - crop, 2);
		return -((crop - size + 1) / 2);
	}

	public int originalWidth() {
		return originalWidth;
	}

	public int originalHeight() {
		return originalHeight;
	}

	public int resizedWidth() {
		return resizedWidth;
	}

	public int resizedHeight() {
		return resizedHeight;
	}

	public int cropLeft() {
		return cropLeft;
	}

	public int cropTop() {
		return cropTop;
	}

	public int outputWidth() {
		return outputWidth;
	}

	public int outputHeight() {
		return outputHeight;
	}

	/** Shape of the model input: {3, outputHeight, outputWidth}. */
	public int[] outputShape() {
		return new int[] { 3, outputHeight, outputWidth };
	}

	/** Resized width over original width. */
	public double scaleX() {
		return (double) resizedWidth / originalWidth;
	}

	/** Resized height over original height. */
	public double scaleY() {
		return (double) resizedHeight / originalHeight;
	}

	/** Original-image x of tensor x. */
	public double toOriginalX(double x) {
		return (x + cropLeft) * originalWidth / resizedWidth;
	}

	/** Original-image y of tensor y. */
	public double toOriginalY(double y) {
		return (y + cropTop) * originalHeight / resizedHeight;
	}

	/** Tensor x of original-image x. */
	public double toTensorX(double x) {
		return x * resizedWidth / originalWidth - cropLeft;
	}

	/** Tensor y of original-image y. */
	public double toTensorY(double y) {
		return y * resizedHeight / originalHeight - cropTop;
	}

	@Override
	public String toString() {
		return originalWidth + "x" + originalHeight + " -> resize " + resizedWidth + "x" + resizedHeight + " -> crop "
			+ outputWidth + "x" + outputHeight + " at (" + cropLeft + ", " + cropTop + ")";
	}
}
