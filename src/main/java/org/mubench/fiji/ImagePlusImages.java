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

import ij.ImagePlus;
import ij.ImageStack;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/**
 * Wraps an ImagePlus as imglib2 views without copying pixels (imglib2-ij is not on Maven Central, and one small
 * adapter is all we need). Every image then goes through the one conversion path of the image layer.
 */
public final class ImagePlusImages {
	private ImagePlusImages() {}

	/** One plane (1-based c, z, t as in ImageJ) as an X×Y greyscale view; RGB planes come back via {@link #rgbPlane}. */
	public static RandomAccessibleInterval<? extends RealType<?>> plane(ImagePlus imp, int c, int z, int t) {
		int index = imp.getStackIndex(c, z, t);
		Object pixels = imp.getStack().getPixels(index);
		long w = imp.getWidth(), h = imp.getHeight();
		if (pixels instanceof byte[]) return ArrayImgs.unsignedBytes((byte[]) pixels, w, h);
		if (pixels instanceof short[]) return ArrayImgs.unsignedShorts((short[]) pixels, w, h);
		if (pixels instanceof float[]) return ArrayImgs.floats((float[]) pixels, w, h);
		throw new IllegalArgumentException(imp.getTitle() + ": plane " + index + " is RGB; use rgbPlane");
	}

	/** One RGB plane as packed ARGB. */
	public static RandomAccessibleInterval<ARGBType> rgbPlane(ImagePlus imp, int z, int t) {
		int index = imp.getStackIndex(1, z, t);
		return ArrayImgs.argbs((int[]) imp.getStack().getPixels(index), imp.getWidth(), imp.getHeight());
	}

	/** All channels of the plane at (z, t) stacked as X×Y×C (greyscale types only). */
	public static RandomAccessibleInterval<? extends RealType<?>> channels(ImagePlus imp, int z, int t) {
		List<RandomAccessibleInterval<RealType<?>>> planes = new ArrayList<>();
		for (int c = 1; c <= imp.getNChannels(); c++) {
			@SuppressWarnings("unchecked")
			RandomAccessibleInterval<RealType<?>> p = (RandomAccessibleInterval<RealType<?>>) (RandomAccessibleInterval<?>) plane(imp, c, z, t);
			planes.add(p);
		}
		return stack(planes);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static RandomAccessibleInterval<? extends RealType<?>> stack(List<RandomAccessibleInterval<RealType<?>>> planes) {
		return (RandomAccessibleInterval) Views.stack((List) planes);
	}

	/** Checks that an image can be converted at all; one line naming the image otherwise. */
	public static void check(ImagePlus imp) {
		if (imp == null) throw new IllegalArgumentException("No image is open: open an image first");
		ImageStack stack = imp.getStack();
		if (stack == null || stack.getSize() == 0) throw new IllegalArgumentException(imp.getTitle() + " has no pixels");
	}
}
