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
package org.mubench.model;

import java.util.List;

import org.mubench.base.PluginInstances;

/**
 * Opens a model from a user's SPEC through the {@link ModelBackend} plugins. Works without a SciJava context (the
 * command line) by reading the plugin index directly.
 */
public final class Models {
	private Models() {}

	public static VisionLanguageModel open(String spec, ModelOptions options) {
		for (ModelBackend backend : backends()) {
			if (backend.accepts(spec)) return backend.open(spec, options);
		}
		if (!spec.startsWith("random") && !spec.startsWith("openai:") && !java.nio.file.Files.exists(java.nio.file.Paths.get(spec))) {
			throw new ModelException(spec + ": no such model folder; give a folder in the ONNX export layout (docs/models.md), "
				+ "'random', or openai:MODEL@URL");
		}
		throw new ModelException("No model backend accepts '" + spec
			+ "': give a model folder (onnx/vision_model.onnx, onnx/text_model.onnx, tokenizer.json), 'random', or openai:MODEL@URL");
	}

	/** Every backend, highest priority first. */
	public static List<ModelBackend> backends() {
		return PluginInstances.of(ModelBackend.class);
	}
}
