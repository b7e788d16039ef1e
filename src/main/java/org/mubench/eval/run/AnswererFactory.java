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
