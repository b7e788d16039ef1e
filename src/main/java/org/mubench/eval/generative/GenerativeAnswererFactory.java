package org.mubench.eval.generative;

import org.mubench.eval.run.AnswererFactory;
import org.mubench.eval.run.QuestionAnswerer;
import org.mubench.eval.run.RunOptions;
import org.mubench.model.GenerativeModel;
import org.mubench.model.VisionLanguageModel;
import org.scijava.plugin.Plugin;

/** Lets the runner answer with any {@link GenerativeModel} (e.g. {@code openai:MODEL@URL}). */
@Plugin(type = AnswererFactory.class, priority = 10)
public final class GenerativeAnswererFactory implements AnswererFactory {
	@Override
	public QuestionAnswerer create(VisionLanguageModel model, RunOptions options) {
		return model instanceof GenerativeModel ? new GenerativeAnswerer((GenerativeModel) model) : null;
	}
}
