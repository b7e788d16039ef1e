package org.mubench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mubench.base.PluginInstances;
import org.mubench.data.arrow.ArrowFormat;
import org.mubench.data.manifest.ManifestFormat;

class DatasetLoaderTest {
	@TempDir
	Path tmp;

	@Test
	void formatsArePluginsReleaseShardsFirst() {
		java.util.List<DatasetFormat> formats = PluginInstances.of(DatasetFormat.class);
		assertEquals(2, formats.size());
		assertTrue(formats.get(0) instanceof ArrowFormat);
		assertTrue(formats.get(1) instanceof ManifestFormat);
	}

	@Test
	void aFolderNoFormatAcceptsNamesWhatEachExpects() throws Exception {
		Path empty = Files.createDirectories(tmp.resolve("empty"));
		DatasetException e = assertThrows(DatasetException.class, () -> Dataset.open(empty));
		assertEquals(empty + ": no μ-Bench dataset here: expected *.arrow shards (or perception/0.1.0/ holding them), "
			+ "or images with manifest.jsonl / manifest.csv (see docs/manifest.md); fetch the release with: mubench "
			+ "download --dataset ubench --to " + empty, e.getMessage());
		assertThrows(DatasetException.class, () -> Dataset.open(tmp.resolve("missing")));
	}
}
