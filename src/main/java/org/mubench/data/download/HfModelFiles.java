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
package org.mubench.data.download;

import java.net.URI;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** The files of a CLIP-style ONNX export on the Hugging Face hub, as the model layer loads them. */
public final class HfModelFiles {
	private HfModelFiles() {}

	/** Files the model cannot run without. */
	public static final List<String> REQUIRED = Collections.unmodifiableList(Arrays.asList("onnx/vision_model.onnx",
		"onnx/text_model.onnx", "tokenizer.json"));
	/** Files used when present; skipped when the repository has none (HTTP 404). */
	public static final List<String> OPTIONAL = Collections.unmodifiableList(Arrays.asList("tokenizer_config.json",
		"preprocessor_config.json", "config.json", "onnx/vision_model.onnx_data", "onnx/text_model.onnx_data"));

	/** Parses {@code hf:OWNER/NAME} (the {@code hf:} prefix optional) into {@code OWNER/NAME}. */
	public static String repo(String spec) {
		String s = spec.startsWith("hf:") ? spec.substring(3) : spec;
		if (!s.matches("[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*"))
			throw new IllegalArgumentException("model '" + spec + "' must look like hf:OWNER/NAME");
		return s;
	}

	/** {@code BASE/OWNER/NAME/resolve/REVISION/FILE}. */
	public static URI url(String baseUrl, String repo, String revision, String file) {
		return URI.create(UbenchRelease.trimSlash(baseUrl == null ? UbenchRelease.DEFAULT_BASE_URL : baseUrl) + "/" + repo +
			"/resolve/" + revision + "/" + file);
	}
}
