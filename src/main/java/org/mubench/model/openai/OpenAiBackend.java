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
package org.mubench.model.openai;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

import org.mubench.model.ModelBackend;
import org.mubench.model.ModelException;
import org.mubench.model.ModelOptions;
import org.mubench.model.VisionLanguageModel;
import org.scijava.plugin.Plugin;

/**
 * Opens {@code openai:MODEL@BASE_URL} specs as {@link OpenAiChatModel}s. The API key comes from the file
 * {@link ModelOptions#apiKeyFile} when one is given, else from the environment variable named by
 * {@link ModelOptions#apiKeyEnv} ({@code OPENAI_API_KEY}); without either, requests carry no key, which local servers
 * accept. The key is never taken from the spec or any other command-line value.
 */
@Plugin(type = ModelBackend.class)
public final class OpenAiBackend implements ModelBackend {
	@Override
	public boolean accepts(String spec) {
		return OpenAiSettings.isSpec(spec);
	}

	@Override
	public VisionLanguageModel open(String spec, ModelOptions options) {
		return open(spec, options, System::getenv);
	}

	/** As {@link #open(String, ModelOptions)} with an explicit environment (tests). */
	OpenAiChatModel open(String spec, ModelOptions options, Function<String, String> env) {
		OpenAiSettings settings = OpenAiSettings.parse(spec, options, env);
		String key = apiKey(options, env);
		if (key == null) {
			String var = options.apiKeyEnv == null || options.apiKeyEnv.isEmpty() ? "OPENAI_API_KEY" : options.apiKeyEnv;
			options.listener.log(settings.model + ": no API key (environment variable " + var
				+ " unset, no key file given); sending requests without one, as local servers expect");
		}
		return new OpenAiChatModel(settings, key, options.listener);
	}

	/** The key from the key file or the environment, or null when neither has one. */
	static String apiKey(ModelOptions options, Function<String, String> env) {
		if (options.apiKeyFile != null) {
			Path f = options.apiKeyFile;
			String k;
			try {
				k = new String(Files.readAllBytes(f), StandardCharsets.UTF_8).trim();
			}
			catch (IOException e) {
				throw new ModelException("Cannot read the API key file " + f + " (" + e.getClass().getSimpleName()
					+ "): give a readable file that holds only the key");
			}
			if (k.isEmpty()) throw new ModelException("The API key file " + f + " is empty: put the key in it, on one line");
			return checked(k, "the API key file " + f);
		}
		String var = options.apiKeyEnv == null || options.apiKeyEnv.isEmpty() ? "OPENAI_API_KEY" : options.apiKeyEnv;
		String k = env.apply(var);
		if (k == null || k.trim().isEmpty()) return null;
		return checked(k.trim(), "the environment variable " + var);
	}

	/** Rejects keys that cannot go into an HTTP header, without echoing them. */
	private static String checked(String key, String source) {
		for (int i = 0; i < key.length(); i++) {
			char c = key.charAt(i);
			if (c < 0x21 || c > 0x7e)
				throw new ModelException("The API key in " + source + " contains whitespace or non-ASCII characters "
					+ "(at position " + (i + 1) + "); it must be the key alone, on one line");
		}
		return key;
	}
}
