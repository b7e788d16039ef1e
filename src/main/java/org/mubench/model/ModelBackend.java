package org.mubench.model;

import org.scijava.plugin.SciJavaPlugin;

/**
 * A kind of model the benchmark can run, discovered as a SciJava {@code @Plugin(type = ModelBackend.class)}.
 * A model SPEC given by the user (a folder, {@code random}, {@code openai:NAME@URL}) goes to the first backend, by
 * priority, that {@link #accepts} it.
 */
public interface ModelBackend extends SciJavaPlugin {
	/** True when this backend can open {@code spec}; must be cheap (no loading). */
	boolean accepts(String spec);

	/** Opens the model; throws {@link ModelException} with one line naming the file or setting and the fix. */
	VisionLanguageModel open(String spec, ModelOptions options);
}
