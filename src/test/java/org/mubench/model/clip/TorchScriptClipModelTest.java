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
package org.mubench.model.clip;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mubench.model.ModelException;
import org.mubench.model.Models;

/**
 * What can be tested without PyTorch's native library (not in the default build): folder detection, the order of
 * checks, and the message when the library is absent.
 */
class TorchScriptClipModelTest {
	@TempDir
	Path tmp;

	private Path folder(boolean image, boolean text) throws IOException {
		Path dir = new TestClipFolder().write(tmp.resolve("ts"));
		// Only the tokenizer and configs of the ONNX test folder are wanted here.
		Files.delete(dir.resolve("onnx/vision_model.onnx"));
		Files.delete(dir.resolve("onnx/text_model.onnx"));
		Files.delete(dir.resolve("onnx"));
		if (image) Files.write(dir.resolve("image_encoder.pt"), new byte[] { 'P', 'K', 3, 4 });
		if (text) Files.write(dir.resolve("text_encoder.pt"), new byte[] { 'P', 'K', 3, 4 });
		return dir;
	}

	@Test
	void backendAcceptsFoldersWithATracedTower() throws IOException {
		TorchScriptClipBackend backend = new TorchScriptClipBackend();
		Path dir = folder(true, true);
		assertTrue(backend.accepts(dir.toString()));
		assertFalse(new OnnxClipBackend().accepts(dir.toString()));
		assertFalse(backend.accepts(tmp.resolve("nothing").toString()));
		assertFalse(backend.accepts("random"));
	}

	@Test
	void missingTowerIsNamedBeforeAnyEngineLoads() throws IOException {
		Path dir = folder(true, false);
		OnnxClipModelTest.assertOneSentence(assertThrows(ModelException.class, () -> TorchScriptClipModel.open(dir, OnnxClipModelTest.options(1))),
			"text_encoder.pt is missing from");
	}

	/** Without -Ptorchscript there is no native library, and offline mode forbids DJL's download. */
	@Test
	void missingNativeLibraryGivesOneLineWithTheFix() throws IOException {
		Path dir = folder(true, true);
		boolean natives = TorchScriptClipModelTest.class.getClassLoader().getResource("native/lib/pytorch.properties") != null;
		assumeFalse(natives, "a -Ptorchscript build: the library is there, nothing to refuse");
		ModelException e = assertThrows(ModelException.class, () -> Models.open(dir.toString(), OnnxClipModelTest.options(1)));
		OnnxClipModelTest.assertOneSentence(e, "The PyTorch native library is missing");
		assertTrue(e.getMessage().contains("-Ptorchscript"), e.getMessage());
	}

	@Test
	void messageNamesTheBuildProfile() {
		String m = TorchScriptClipModel.missingNativeMessage(new IllegalStateException("Offline mode is enabled.\nmore"));
		assertTrue(m.startsWith("The PyTorch native library is missing (Offline mode is enabled.): "), m);
		assertFalse(m.contains("\n"));
	}
}
