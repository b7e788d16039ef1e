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

/** A model that answers μ-Bench questions. Close it to free native memory (ONNX sessions, HTTP clients). */
public interface VisionLanguageModel extends AutoCloseable {
	/** A short name for predictions and reports (folder name, {@code gpt-4o}, {@code random}). */
	String name();

	/**
	 * Settings besides its files that decide this model's answers (request parameters, preprocessing, seed), recorded
	 * in a run's identity so a resumed or merged run never mixes answers made differently. Values are strings, numbers
	 * or booleans.
	 */
	default java.util.Map<String, Object> answerSettings() {
		return java.util.Collections.emptyMap();
	}

	/**
	 * What a run's records (run.json's model_info, summary.json's run section) should keep about how this model ran:
	 * request parameters and usage so far (tokens, requests, cache hits) for API models; device, threads and image
	 * streams for local ones. Nothing here decides an answer (that is {@link #answerSettings()}). JSON-friendly values
	 * only (String, Number, Boolean, null, Map, List); never credentials.
	 */
	default java.util.Map<String, Object> runInfo() {
		return java.util.Collections.emptyMap();
	}

	@Override
	void close();
}
