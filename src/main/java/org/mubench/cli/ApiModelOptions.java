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
package org.mubench.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.mubench.model.ModelOptions;

import picocli.CommandLine.Option;

/**
 * The options of models behind an API ({@code openai:NAME@URL}): where the key comes from and backend settings. A
 * picocli mixin, so that every command that opens such a model spells them alike.
 */
final class ApiModelOptions {
	@Option(names = "--api-key-env", paramLabel = "VAR", defaultValue = "OPENAI_API_KEY",
		description = "openai: models: environment variable holding the API key (default ${DEFAULT-VALUE}; none needed for local servers).")
	String apiKeyEnv;

	@Option(names = "--api-key-file", paramLabel = "FILE",
		description = "openai: models: file holding only the API key (used instead of --api-key-env). The key itself is never a command-line value.")
	Path apiKeyFile;

	@Option(names = "--set", paramLabel = "KEY=VALUE", mapFallbackValue = "",
		description = { "Model setting, repeatable. openai: temperature (1), max_tokens (2048), seed (none), detail (high),",
			"concurrency (8), timeout_s (120), retries (5), cache_dir (~/.cache/mubench/openai, or off)." })
	Map<String, String> settings = new LinkedHashMap<>();

	/** Copies the key source and the settings into {@code options}. */
	void applyTo(ModelOptions options) {
		options.apiKeyEnv = apiKeyEnv;
		options.apiKeyFile = apiKeyFile;
		options.extra.putAll(settings);
	}
}
