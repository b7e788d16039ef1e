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
			return new ContrastiveAnswerer((ContrastiveModel) model, ImageTensors::fromEncoded);
		}
		return null;
	}
}
