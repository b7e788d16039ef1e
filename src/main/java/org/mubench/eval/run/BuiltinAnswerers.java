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

import org.mubench.image.ImageTensors;
import org.mubench.model.ContrastiveModel;
import org.mubench.model.VisionLanguageModel;
import org.mubench.model.random.RandomModel;
import org.scijava.plugin.Plugin;

/** Answerers for the model kinds the runner knows itself: the random baseline and contrastive models. */
@Plugin(type = AnswererFactory.class, priority = 0)
public final class BuiltinAnswerers implements AnswererFactory {
	@Override
	public QuestionAnswerer create(VisionLanguageModel model, RunOptions options) {
		if (model instanceof RandomModel) return new RandomAnswerer((RandomModel) model);
		if (model instanceof ContrastiveModel) {
			StageTimes times = options == null ? null : options.stageTimes;
			if (times == null) return new ContrastiveAnswerer((ContrastiveModel) model, ImageTensors::fromEncoded);
			// The same conversion, with its decode and preprocess halves timed apart.
			return new ContrastiveAnswerer((ContrastiveModel) model, (bytes, name, cfg) -> {
				long[] nanos = new long[2];
				float[] t = ImageTensors.fromEncoded(bytes, name, cfg, nanos);
				times.prepared(nanos[0], nanos[1]);
				return t;
			}, times);
		}
		return null;
	}
}
