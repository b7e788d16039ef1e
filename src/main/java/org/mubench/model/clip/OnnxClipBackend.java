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
package org.mubench.model.clip;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.mubench.model.ModelBackend;
import org.mubench.model.ModelOptions;
import org.mubench.model.VisionLanguageModel;
import org.scijava.Priority;
import org.scijava.plugin.Plugin;

/** Opens folders holding an ONNX export of a CLIP-style model ({@code onnx/vision_model*.onnx}, …). */
@Plugin(type = ModelBackend.class, priority = Priority.HIGH)
public final class OnnxClipBackend implements ModelBackend {

	/** A folder with an {@code onnx/} sub-folder holding a vision or text tower (any variant). */
	@Override
	public boolean accepts(String spec) {
		Path dir = folder(spec);
		if (dir == null) return false;
		Path onnx = dir.resolve("onnx");
		if (!Files.isDirectory(onnx)) return false;
		try (java.util.stream.Stream<Path> files = Files.list(onnx)) {
			return files.map(p -> p.getFileName().toString()).anyMatch(f -> f.endsWith(".onnx")
				&& (f.startsWith(OnnxClipModel.VISION) || f.startsWith(OnnxClipModel.TEXT)));
		}
		catch (java.io.IOException e) {
			return false;
		}
	}

	@Override
	public VisionLanguageModel open(String spec, ModelOptions options) {
		return OnnxClipModel.open(folder(spec), options);
	}

	/** The folder a spec names, or null when it names none. */
	static Path folder(String spec) {
		if (spec == null || spec.isEmpty() || spec.contains("://")) return null;
		try {
			Path p = Paths.get(spec);
			return Files.isDirectory(p) ? p : null;
		}
		catch (InvalidPathException e) {
			return null;
		}
	}
}
