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
