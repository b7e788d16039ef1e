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

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Settings a user may give when opening any model; each backend reads what concerns it. */
public final class ModelOptions {
	/** {@code auto}, {@code cpu}, {@code gpu} or {@code gpu:N}. */
	public String device = "auto";
	/** Images per inference call. */
	public int batchSize = 16;
	/** Intra-op threads for local inference; 0 = number of cores. */
	public int threads = 0;
	/**
	 * Parts of an image batch a CPU model runs at the same time, the threads split between them; 0 = the model's rule
	 * (e.g. {@code org.mubench.model.clip.ImageStreams}), 1 = the whole batch in one call.
	 */
	public int imageStreams = 0;
	/** Seed for anything random (the random model, API {@code seed}). */
	public long seed = 0;
	/** A file holding an API key (never the key itself on a command line). */
	public Path apiKeyFile;
	/** Name of the environment variable holding the API key. */
	public String apiKeyEnv = "OPENAI_API_KEY";
	/** Backend-specific settings ({@code temperature}, {@code max_tokens}, {@code concurrency}, …). */
	public final Map<String, String> extra = new LinkedHashMap<>();
	/** Where progress and notices (device chosen, providers found) go. */
	public org.mubench.base.ProgressListener listener = org.mubench.base.ProgressListener.SILENT;
}
