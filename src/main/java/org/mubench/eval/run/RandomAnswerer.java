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

import java.util.ArrayList;
import java.util.List;

import org.mubench.data.Question;
import org.mubench.data.Sample;
import org.mubench.eval.Prediction;
import org.mubench.model.random.RandomModel;

/**
 * Answers with {@link RandomModel}. It takes the same options as a contrastive model (captions of the chosen templates
 * by default, so its numbers line up with the paper's Random row) and also answers the generative {@code questions}
 * when a run asks for that set ({@code --question-set questions}), as a baseline for generative runs. It does not
 * decode images, so it never reports {@code unreadable_image}.
 */
public final class RandomAnswerer implements QuestionAnswerer {
	private final RandomModel model;

	public RandomAnswerer(RandomModel model) {
		this.model = model;
	}

	@Override
	public QuestionSet defaultQuestionSet() {
		return QuestionSet.CAPTIONS;
	}

	@Override
	public Object prepare(Sample sample) {
		return null;
	}

	@Override
	public List<Prediction> answer(List<WorkItem> batch, AnswerContext context) {
		List<Prediction> out = new ArrayList<>();
		for (WorkItem item : batch) {
			for (Question q : item.questions) {
				Prediction p = item.newPrediction(q);
				p.predIdx = model.pick(item.sample.row, q.key, q.options.size());
				p.correct = p.predIdx == q.answerIdx;
				out.add(p);
			}
		}
		return out;
	}

	@Override
	public String describe() {
		return "random (seed " + model.seed() + ")";
	}
}
