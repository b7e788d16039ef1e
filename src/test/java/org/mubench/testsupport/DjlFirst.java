package org.mubench.testsupport;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.mubench.model.clip.Djl;

/**
 * Starts DJL's ONNX Runtime engine before the first test class of the run. ONNX Runtime has one environment per
 * process and DJL must create it (with its thread options); tests that open plain ONNX Runtime sessions would otherwise
 * create it first, depending on the order test classes run in. Registered by service loading
 * (junit-platform.properties enables auto-detection).
 */
public final class DjlFirst implements BeforeAllCallback {
	@Override
	public void beforeAll(ExtensionContext context) {
		Djl.init();
	}
}
