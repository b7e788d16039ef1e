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
package org.mubench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelsTest {
	@Test
	void aMissingFolderIsNamed(@TempDir Path dir) {
		Path missing = dir.resolve("no-such-model");
		ModelException e = assertThrows(ModelException.class, () -> Models.open(missing.toString(), new ModelOptions()));
		assertEquals(missing + ": no such model folder; give a folder in the ONNX export layout (docs/models.md), 'random', "
			+ "or openai:MODEL@URL", e.getMessage());
	}

	@Test
	void aFolderNoBackendKnowsIsRefusedInOneLine(@TempDir Path dir) {
		ModelException e = assertThrows(ModelException.class, () -> Models.open(dir.toString(), new ModelOptions()));
		assertTrue(e.getMessage().startsWith("No model backend accepts '" + dir + "'"), e.getMessage());
	}

	@Test
	void backendsAreFoundThroughThePluginIndex() {
		assertTrue(Models.backends().size() >= 3, Models.backends().toString());
	}
}
