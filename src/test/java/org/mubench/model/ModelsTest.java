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
