package org.mubench.model;

/** A model that answers μ-Bench questions. Close it to free native memory (ONNX sessions, HTTP clients). */
public interface VisionLanguageModel extends AutoCloseable {
	/** A short name for predictions and reports (folder name, {@code gpt-4o}, {@code random}). */
	String name();

	/**
	 * Settings besides its files that decide this model's answers (request parameters, preprocessing, seed), recorded
	 * in a run's identity so a resumed or merged run never mixes answers made differently. Values are strings, numbers
	 * or booleans.
	 */
	default java.util.Map<String, Object> answerSettings() {
		return java.util.Collections.emptyMap();
	}

	@Override
	void close();
}
