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
