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
package org.mubench.eval.run;

import org.mubench.model.VisionLanguageModel;
import org.scijava.plugin.SciJavaPlugin;

/**
 * Makes the {@link QuestionAnswerer} for a kind of model, discovered as a SciJava
 * {@code @Plugin(type = AnswererFactory.class)}; the first factory by priority that returns non-null wins. This is how
 * the generative answerer ({@code org.mubench.eval.generative}) plugs into the runner without the runner knowing it.
 */
public interface AnswererFactory extends SciJavaPlugin {
	/** An answerer for {@code model}, or null when this factory does not handle its kind. */
	QuestionAnswerer create(VisionLanguageModel model, RunOptions options);
}
