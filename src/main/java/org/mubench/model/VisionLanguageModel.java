package org.mubench.model;

/** A model that answers μ-Bench questions. Close it to free native memory (ONNX sessions, HTTP clients). */
public interface VisionLanguageModel extends AutoCloseable {
	/** A short name for predictions and reports (folder name, {@code gpt-4o}, {@code random}). */
	String name();

	@Override
	void close();
}
