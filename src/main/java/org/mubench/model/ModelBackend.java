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

import org.scijava.plugin.SciJavaPlugin;

/**
 * A kind of model the benchmark can run, discovered as a SciJava {@code @Plugin(type = ModelBackend.class)}.
 * A model SPEC given by the user (a folder, {@code random}, {@code openai:NAME@URL}) goes to the first backend, by
 * priority, that {@link #accepts} it.
 */
public interface ModelBackend extends SciJavaPlugin {
	/** True when this backend can open {@code spec}; must be cheap (no loading). */
	boolean accepts(String spec);

	/** Opens the model; throws {@link ModelException} with one line naming the file or setting and the fix. */
	VisionLanguageModel open(String spec, ModelOptions options);
}
