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
package org.mubench.testdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer itself: file names, batch layout, schema types and metadata as the release has them. */
class TestShardsTest {
	static final List<String> CLASSES = Arrays.asList("lymphocyte", "neutrophil", "basophil");

	@Test
	void writesReleaseLayout(@TempDir Path dir) throws Exception {
		TestShards.Builder b = TestShards.builder().shards(2).rowsPerBatch(2);
		for (int i = 0; i < 5; i++)
			b.add(TestShards.typical(i, "acevedo_et_al_2020", CLASSES.get(i % 3), CLASSES, TestImages.grey8Png(4, 4)));
		String keep = System.getProperty("mubench.testshards.out");
		List<Path> files = b.writeTo(keep != null ? Path.of(keep) : dir);
		assertEquals("ubench-test-00000-of-00002.arrow", files.get(0).getFileName().toString());
		assertEquals("ubench-test-00001-of-00002.arrow", files.get(1).getFileName().toString());
		assertTrue(Files.exists(files.get(0).resolveSibling("dataset_info.json")));

		List<Integer> batches = new ArrayList<>();
		Schema schema;
		try (RootAllocator a = new RootAllocator(); InputStream in = Files.newInputStream(files.get(1));
			ArrowStreamReader r = new ArrowStreamReader(in, a))
		{
			schema = r.getVectorSchemaRoot().getSchema();
			while (r.loadNextBatch()) batches.add(r.getVectorSchemaRoot().getRowCount());
		}
		assertEquals(Arrays.asList(2, 1), batches); // rows 2..4 in batches of 2
		assertEquals(TestShards.COLUMNS.size(), schema.getFields().size());
		assertEquals("Int(64, true)", schema.findField("questions").getChildren().get(0).getChildren().get(1).getType()
			.toString());
		Field caption = schema.findField("captions").getChildren().get(0);
		assertEquals("modality_0", caption.getName());
		assertEquals("answer_idx", caption.getChildren().get(0).getName());
		assertEquals("Utf8", caption.getChildren().get(0).getType().toString());
		assertTrue(schema.getCustomMetadata().get("huggingface").contains("\"names\":[\"lymphocyte\",\"neutrophil\""));
	}

	@Test
	void pngKinds() {
		assertEquals(0, TestImages.colourType(TestImages.grey8Png(3, 3)));
		assertEquals(8, TestImages.bitDepth(TestImages.grey8Png(3, 3)));
		assertEquals(2, TestImages.colourType(TestImages.rgbPng(3, 3)));
		assertEquals(6, TestImages.colourType(TestImages.rgbaPng(3, 3)));
		assertEquals(0, TestImages.colourType(TestImages.grey16Png(3, 3)));
		assertEquals(16, TestImages.bitDepth(TestImages.grey16Png(3, 3)));
	}
}
