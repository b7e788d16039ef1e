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

import org.mubench.base.Fix;
import org.mubench.base.FixableException;

import ij.IJ;

/**
 * The check at first use: every component the plugin needs is there, in a version it works with. One line naming the
 * missing or too-old component beats a NoClassDefFoundError or NoSuchMethodError deep inside a run.
 */
final class FijiEnvironment {
	/** The oldest versions supported (those of Fiji 2.3.0). */
	static final String IMAGEJ = "1.53f", JACKSON = "2.12";

	private static volatile boolean checked;

	private FijiEnvironment() {}

	static void check() {
		if (checked) return;
		String ij = IJ.getVersion();
		if (compare(ij, IMAGEJ) < 0)
			throw missing("ImageJ " + IMAGEJ + " or newer (this Fiji has ImageJ " + ij + ")");
		need("net.imglib2.img.array.ArrayImgs", "ImgLib2 (imglib2.jar)");
		need("org.scijava.command.ContextCommand", "SciJava Common (scijava-common.jar)");
		need("com.fasterxml.jackson.databind.ObjectMapper", "Jackson (jackson-databind.jar)");
		String jackson = jacksonVersion();
		if (jackson != null && compare(jackson, JACKSON) < 0)
			throw missing("Jackson " + JACKSON + " or newer (this Fiji has " + jackson + ")");
		need("org.apache.arrow.vector.VectorSchemaRoot", "Apache Arrow (arrow-vector.jar of the Micro-Bench site)");
		need("org.apache.arrow.memory.unsafe.UnsafeAllocationManager",
			"Arrow's memory allocator (arrow-memory-unsafe.jar of the Micro-Bench site)");
		need("ai.djl.engine.Engine", "Deep Java Library (api.jar of the Micro-Bench site)");
		need("ai.djl.onnxruntime.engine.OrtEngine", "DJL's ONNX Runtime engine (onnxruntime-engine.jar of the Micro-Bench site)");
		need("ai.onnxruntime.OrtEnvironment", "ONNX Runtime (onnxruntime.jar of the Micro-Bench site)");
		need("ai.djl.huggingface.tokenizers.HuggingFaceTokenizer", "the tokenizers (tokenizers.jar of the Micro-Bench site)");
		checked = true;
	}

	private static void need(String className, String component) {
		try {
			Class.forName(className, false, FijiEnvironment.class.getClassLoader());
		}
		catch (ClassNotFoundException | LinkageError e) {
			throw missing(component);
		}
	}

	private static FixableException missing(String component) {
		return new FixableException("Micro-Bench needs " + component + ", which this Fiji lacks", Fix.UPDATE_INSTALLATION);
	}

	private static String jacksonVersion() {
		try {
			Object v = Class.forName("com.fasterxml.jackson.databind.cfg.PackageVersion").getField("VERSION").get(null);
			return v == null ? null : v.toString().replaceAll("[^0-9.].*$", "");
		}
		catch (ReflectiveOperationException | LinkageError e) {
			return null;
		}
	}

	/** Compares versions such as 1.53f and 1.54g, or 2.12.5 and 2.12: numbers part by part, then letters. */
	static int compare(String a, String b) {
		String[] x = a.split("[.]"), y = b.split("[.]");
		for (int i = 0; i < Math.max(x.length, y.length); i++) {
			String p = i < x.length ? x[i] : "0", q = i < y.length ? y[i] : "0";
			int c = Integer.compare(number(p), number(q));
			if (c == 0) c = letters(p).compareTo(letters(q));
			if (c != 0) return c;
		}
		return 0;
	}

	private static int number(String s) {
		String d = s.replaceAll("[^0-9].*$", "");
		return d.isEmpty() ? 0 : Integer.parseInt(d);
	}

	private static String letters(String s) {
		return s.replaceAll("^[0-9]*", "");
	}
}
