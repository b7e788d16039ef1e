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
