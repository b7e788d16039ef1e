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
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.mubench.model.openai.OpenAiSettings;

/**
 * The model a dialog's fields describe, as the model SPEC the core opens: a kind chosen from a list (an ONNX model
 * folder, the random baseline, an API model) plus the fields that kind needs. Problems are named by the dialog's
 * field labels, since that is what a Fiji user sees.
 */
public final class ModelChoice {
	public static final String FOLDER = "ONNX model folder";
	public static final String RANDOM = "Random baseline";
	public static final String API = "API model (OpenAI-compatible)";
	/** The kinds in the order the dialog lists them. */
	public static final List<String> KINDS = Collections.unmodifiableList(Arrays.asList(FOLDER, RANDOM, API));

	private ModelChoice() {}

	/**
	 * The model SPEC for a dialog's fields. A {@code folder} that is no folder but a model SPEC ({@code random},
	 * {@code random:SEED}, {@code openai:NAME@URL}: the {@code model=} key of macros written before the kind choice
	 * existed) is that SPEC.
	 */
	public static String spec(String kind, File folder, String modelName, String baseUrl) {
		String legacy = legacySpec(folder);
		if (legacy != null) return legacy;
		String k = kind == null ? FOLDER : kind.trim();
		if (k.equals(RANDOM) || k.equalsIgnoreCase("random")) return "random";
		if (k.equals(API) || k.equalsIgnoreCase("api")) {
			if (modelName == null || modelName.trim().isEmpty()) {
				throw new IllegalArgumentException("Model kind '" + API + "' needs an API model name (e.g. gpt-4o, or the name your "
					+ "local server serves)");
			}
			if (modelName.trim().startsWith("openai:")) return modelName.trim();
			String url = baseUrl == null || baseUrl.trim().isEmpty() ? OpenAiSettings.DEFAULT_BASE_URL : baseUrl.trim();
			return "openai:" + modelName.trim() + "@" + url;
		}
		if (k.equals(FOLDER) || k.equalsIgnoreCase("folder")) {
			if (folder == null || folder.getPath().trim().isEmpty()) {
				throw new IllegalArgumentException("Model kind '" + FOLDER + "' needs a Model folder: choose the folder that "
					+ "holds onnx/vision_model.onnx, onnx/text_model.onnx and tokenizer.json");
			}
			return folder.getPath();
		}
		throw new IllegalArgumentException("Model kind '" + kind + "' is not one of: " + String.join(", ", KINDS));
	}

	/** The SPEC an old macro gave as model=, or null for a real folder (or none). */
	static String legacySpec(File folder) {
		if (folder == null || folder.isDirectory()) return null;
		String p = folder.getPath().trim();
		if (p.matches("random(:-?\\d+)?")) return p;
		// A File turns the URL's "//" into "/": put it back.
		if (p.startsWith("openai:")) return p.replaceFirst("(https?:)/(?!/)", "$1//");
		return null;
	}
}
