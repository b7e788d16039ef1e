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

import java.util.ArrayList;
import java.util.List;

import org.mubench.image.PreprocessConfig;
import org.mubench.image.ResizeGeometry;

/**
 * Maps boxes from the frame a model saw (its input after resizing and cropping) back to the original image's pixels,
 * through the image layer's {@link ResizeGeometry} (continuous pixel-edge coordinates, so the two directions are exact
 * inverses). Boxes keep their real-valued corners; parts lying in a cropped-away margin map outside the crop window
 * but still inside the original image.
 */
public final class FrameMapping {
	private final ResizeGeometry geometry;

	public FrameMapping(ResizeGeometry geometry) {
		this.geometry = geometry;
	}

	/** The model saw the image as it is (API models): frame = original. */
	public static FrameMapping identity(int width, int height) {
		return new FrameMapping(new ResizeGeometry(width, height, width, height, 0, 0, width, height));
	}

	/** The model saw the whole image stretched to {@code frameWidth × frameHeight}. */
	public static FrameMapping stretch(int width, int height, int frameWidth, int frameHeight) {
		return new FrameMapping(new ResizeGeometry(width, height, frameWidth, frameHeight, 0, 0, frameWidth, frameHeight));
	}

	/**
	 * Shorter side resized to {@code shortestEdge} (longer side int(S·long/short), as Hugging Face CLIP processors),
	 * then a centre crop of {@code cropWidth × cropHeight}.
	 */
	public static FrameMapping shorterSideThenCentreCrop(int width, int height, int shortestEdge, int cropWidth, int cropHeight) {
		PreprocessConfig cfg = new PreprocessConfig();
		cfg.doResize = true;
		cfg.shortestEdge = shortestEdge;
		cfg.doCenterCrop = true;
		cfg.cropWidth = cropWidth;
		cfg.cropHeight = cropHeight;
		return new FrameMapping(ResizeGeometry.of(width, height, cfg));
	}

	public ResizeGeometry geometry() {
		return geometry;
	}

	/** Width of the model frame (what grid or pixel coordinates in a reply refer to). */
	public int frameWidth() {
		return geometry.outputWidth();
	}

	public int frameHeight() {
		return geometry.outputHeight();
	}

	public Box toOriginal(Box b) {
		return new Box(geometry.toOriginalX(b.x1), geometry.toOriginalY(b.y1), geometry.toOriginalX(b.x2),
			geometry.toOriginalY(b.y2));
	}

	public Box toFrame(Box b) {
		return new Box(geometry.toTensorX(b.x1), geometry.toTensorY(b.y1), geometry.toTensorX(b.x2), geometry.toTensorY(b.y2));
	}

	public List<Box> toOriginal(List<Box> frameBoxes) {
		List<Box> out = new ArrayList<>(frameBoxes.size());
		for (Box b : frameBoxes)
			out.add(toOriginal(b));
		return out;
	}
}
