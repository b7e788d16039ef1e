/*-
 * #%L
 * The microscopy vision-language benchmark Micro-Bench (uBench) as a Fiji plugin suite and command line.
 * %%
 * Copyright (C) 2026 Micro-Bench for Fiji developers
 * %%
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 * 
 *      http://www.apache.org/licenses/LICENSE-2.0
 * 
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 * #L%
 */
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
