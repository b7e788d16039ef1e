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
