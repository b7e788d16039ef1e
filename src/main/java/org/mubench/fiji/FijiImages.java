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

import java.io.File;
import java.lang.reflect.Method;
import java.util.Locale;

import org.mubench.base.Messages;

import ij.IJ;
import ij.ImagePlus;

/**
 * Opens an image file for the commands: formats ImageJ reads itself directly, microscopy formats (czi, nd2, lif,
 * ome.tif, …) through Bio-Formats when it is installed (as in Fiji), found at run time so the plugin needs no
 * Bio-Formats at build time.
 */
public final class FijiImages {
	static final String BIO_FORMATS = "loci.plugins.BF";
	private static final String[] MICROSCOPY = { ".czi", ".nd2", ".lif", ".ome.tif", ".ome.tiff", ".lsm", ".oib", ".oif",
		".ims", ".vsi", ".svs", ".scn", ".zvi", ".dv", ".ics", ".ids", ".mvd2", ".sld", ".lei", ".nd" };

	private FijiImages() {}

	static boolean needsBioFormats(String name) {
		String n = name.toLowerCase(Locale.ROOT);
		for (String ext : MICROSCOPY) {
			if (n.endsWith(ext)) return true;
		}
		return false;
	}

	/** The first image series of {@code file}; one line naming the file and what to install when it cannot be read. */
	public static ImagePlus open(File file) {
		if (!file.isFile()) throw new IllegalArgumentException(file + ": no such file");
		if (needsBioFormats(file.getName())) return openWithBioFormats(file, BIO_FORMATS);
		ImagePlus imp = IJ.openImage(file.getPath());
		if (imp == null) {
			throw new IllegalArgumentException(file + ": ImageJ cannot read this file; open it in Fiji (Bio-Formats) and use the active image");
		}
		return imp;
	}

	static ImagePlus openWithBioFormats(File file, String bioFormatsClass) {
		Class<?> bf;
		try {
			bf = Class.forName(bioFormatsClass, true, FijiImages.class.getClassLoader());
		}
		catch (ClassNotFoundException e) {
			throw new IllegalArgumentException(file + ": this format needs Bio-Formats, which this ImageJ does not have; use Fiji "
				+ "(Bio-Formats is part of it) or put bioformats_package.jar into ImageJ's plugins folder");
		}
		try {
			Method open = bf.getMethod("openImagePlus", String.class);
			ImagePlus[] series = (ImagePlus[]) open.invoke(null, file.getPath());
			if (series == null || series.length == 0) throw new IllegalArgumentException(file + ": Bio-Formats found no image in it");
			return series[0];
		}
		catch (ReflectiveOperationException e) {
			Throwable cause = e.getCause() != null ? e.getCause() : e;
			throw new IllegalArgumentException(file + ": Bio-Formats could not read it (" + Messages.oneLine(cause) + ")", cause);
		}
	}
}
