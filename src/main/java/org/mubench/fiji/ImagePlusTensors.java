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
package org.mubench.fiji;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.mubench.image.ContrastMapping;
import org.mubench.image.ImageAxes;
import org.mubench.image.ImageTensors;
import org.mubench.image.PlaneSelection;
import org.mubench.image.PngEncoder;
import org.mubench.image.PreprocessConfig;

import ij.ImagePlus;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/**
 * An ImagePlus as the model sees it, through the image layer's one conversion path. Which plane: {@code current} =
 * the z and t on screen with all channels (1 channel grey, 2 → red/green, 3+ → the first three as RGB); {@code max} =
 * the maximum projection over z at the current t. Data deeper than 8 bits is mapped linearly from its minimum and
 * maximum (the dataset's PIL clipping would saturate most 16-bit micrographs).
 */
public final class ImagePlusTensors {
	/** Contrast mapping for 16/32-bit user images. */
	public static final ContrastMapping USER_CONTRAST = ContrastMapping.MIN_MAX;

	private ImagePlusTensors() {}

	/** The model input tensor for the chosen plane of {@code imp}. */
	public static float[] tensor(ImagePlus imp, String plane, PreprocessConfig cfg) {
		PreprocessConfig user = cfg.withContrast(imp.getBitDepth() > 8 && imp.getBitDepth() != 24 ? USER_CONTRAST : cfg.contrast);
		PlaneSelection selection = selection(imp, plane);
		if (imp.getBitDepth() == 24) return ImageTensors.fromArgb(argb(imp), ImageAxes.of("XYZT"), selection, user, imp.getTitle());
		return ImageTensors.fromImage(grey(imp), ImageAxes.of("XYCZT"), selection, user, imp.getTitle());
	}

	/** The chosen plane as an 8-bit RGB PNG in original pixel size (what a generative model is sent). */
	public static byte[] png(ImagePlus imp) {
		PlaneSelection selection = selection(imp, "current");
		byte[] rgb = imp.getBitDepth() == 24
			? ImageTensors.argbToRgb8(argb(imp), ImageAxes.of("XYZT"), selection, imp.getTitle())
			: ImageTensors.toRgb8(grey(imp), ImageAxes.of("XYCZT"), selection,
				imp.getBitDepth() > 8 ? USER_CONTRAST : ContrastMapping.PIL, imp.getTitle());
		return PngEncoder.rgb8(imp.getWidth(), imp.getHeight(), rgb);
	}

	static PlaneSelection selection(ImagePlus imp, String plane) {
		String p = plane == null ? "current" : plane.trim().toLowerCase(Locale.ROOT);
		int t = imp.getT() - 1;
		switch (p) {
			case "current":
				return PlaneSelection.plane(imp.getZ() - 1, t);
			case "max":
				return PlaneSelection.DEFAULT.projectZ(PlaneSelection.Projection.MAX).t(t);
			case "mean":
				return PlaneSelection.DEFAULT.projectZ(PlaneSelection.Projection.MEAN).t(t);
			default:
				throw new IllegalArgumentException("Unknown plane '" + plane + "': use current, max or mean");
		}
	}

	/** Greyscale ImagePlus (8/16/32-bit, any channels, z, t) as an X×Y×C×Z×T view; no pixels are copied. */
	static RandomAccessibleInterval<? extends RealType<?>> grey(ImagePlus imp) {
		List<RandomAccessibleInterval<RealType<?>>> frames = new ArrayList<>();
		for (int t = 1; t <= imp.getNFrames(); t++) {
			List<RandomAccessibleInterval<RealType<?>>> slices = new ArrayList<>();
			for (int z = 1; z <= imp.getNSlices(); z++) slices.add(cast(ImagePlusImages.channels(imp, z, t)));
			frames.add(cast(Views.stack(slices)));
		}
		return Views.stack(frames);
	}

	/** RGB ImagePlus as an X×Y×Z×T view of packed ARGB. */
	static RandomAccessibleInterval<ARGBType> argb(ImagePlus imp) {
		List<RandomAccessibleInterval<ARGBType>> frames = new ArrayList<>();
		for (int t = 1; t <= imp.getNFrames(); t++) {
			List<RandomAccessibleInterval<ARGBType>> slices = new ArrayList<>();
			for (int z = 1; z <= imp.getNSlices(); z++) slices.add(ImagePlusImages.rgbPlane(imp, z, t));
			frames.add(Views.stack(slices));
		}
		return Views.stack(frames);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static RandomAccessibleInterval<RealType<?>> cast(RandomAccessibleInterval<?> rai) {
		return (RandomAccessibleInterval) rai;
	}
}
