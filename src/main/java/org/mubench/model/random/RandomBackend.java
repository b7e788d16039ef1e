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
package org.mubench.model.random;

import org.mubench.model.ModelBackend;
import org.mubench.model.ModelException;
import org.mubench.model.ModelOptions;
import org.mubench.model.VisionLanguageModel;
import org.scijava.plugin.Plugin;

/**
 * The SPEC {@code random} (seed from {@link ModelOptions#seed}, i.e. {@code --seed}) or {@code random:SEED}: the
 * paper's Random baseline, {@link RandomModel}.
 */
@Plugin(type = ModelBackend.class, priority = 100)
public final class RandomBackend implements ModelBackend {
	@Override
	public boolean accepts(String spec) {
		return spec != null && (spec.equals("random") || spec.startsWith("random:"));
	}

	@Override
	public VisionLanguageModel open(String spec, ModelOptions options) {
		if (spec.equals("random")) return new RandomModel(options == null ? 0 : options.seed);
		String seed = spec.substring("random:".length()).trim();
		try {
			return new RandomModel(Long.parseLong(seed));
		}
		catch (NumberFormatException e) {
			throw new ModelException("Model '" + spec + "': the seed after 'random:' must be a whole number, e.g. random:42");
		}
	}
}
