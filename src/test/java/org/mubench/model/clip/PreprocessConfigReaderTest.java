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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mubench.image.PreprocessConfig;
import org.mubench.model.ModelException;

class PreprocessConfigReaderTest {
	@TempDir
	Path tmp;

	private PreprocessConfig read(String json) throws IOException {
		Path f = tmp.resolve("preprocessor_config.json");
		Files.write(f, json.getBytes("UTF-8"));
		return PreprocessConfigReader.read(f);
	}

	/** The file Hugging Face writes for openai/clip-vit-base-patch32. */
	@Test
	void huggingFaceClip() throws IOException {
		PreprocessConfig c = read("{\"crop_size\": {\"height\": 224, \"width\": 224}, \"do_center_crop\": true,"
			+ " \"do_convert_rgb\": true, \"do_normalize\": true, \"do_rescale\": true, \"do_resize\": true,"
			+ " \"image_mean\": [0.48145466, 0.4578275, 0.40821073], \"image_std\": [0.26862954, 0.26130258, 0.27577711],"
			+ " \"resample\": 3, \"rescale_factor\": 0.00392156862745098, \"size\": {\"shortest_edge\": 224}}");
		assertEquals(224, c.shortestEdge);
		assertEquals(224, c.cropHeight);
		assertEquals(224, c.cropWidth);
		assertTrue(c.doResize && c.doCenterCrop && c.doRescale && c.doNormalize);
		assertEquals(1 / 255.0, c.rescaleFactor, 1e-15);
		assertArrayEquals(new float[] { 0.48145466f, 0.4578275f, 0.40821073f }, c.mean, 0f);
		assertArrayEquals(new float[] { 0.26862954f, 0.26130258f, 0.27577711f }, c.std, 0f);
	}

	/** Older files: one integer for size and crop. */
	@Test
	void integerSizes() throws IOException {
		PreprocessConfig c = read("{\"size\": 336, \"crop_size\": 320, \"do_normalize\": false}");
		assertEquals(336, c.shortestEdge);
		assertEquals(320, c.cropHeight);
		assertEquals(320, c.cropWidth);
		assertFalse(c.doNormalize);
		PreprocessConfig same = read("{\"size\": 256}");
		assertEquals(256, same.cropHeight);
		assertEquals(256, same.cropWidth);
		PreprocessConfig edge = read("{\"size\": {\"shortest_edge\": 336}}");
		assertEquals(336, edge.cropHeight);
		assertEquals(336, edge.cropWidth);
	}

	@Test
	void heightWidthSizesAndRectangularCrop() throws IOException {
		PreprocessConfig c = read("{\"size\": {\"height\": 240, \"width\": 200}, \"crop_size\": {\"height\": 192, \"width\": 160},"
			+ " \"do_center_crop\": false, \"image_mean\": 0.5, \"image_std\": [0.5, 0.5, 0.5]}");
		assertEquals(200, c.shortestEdge);
		assertEquals(192, c.cropHeight);
		assertEquals(160, c.cropWidth);
		assertFalse(c.doCenterCrop);
		assertArrayEquals(new float[] { 0.5f, 0.5f, 0.5f }, c.mean, 0f);
	}

	@Test
	void absentFieldsKeepClipDefaults() throws IOException {
		PreprocessConfig c = read("{}");
		PreprocessConfig d = new PreprocessConfig();
		assertEquals(d.shortestEdge, c.shortestEdge);
		assertEquals(d.cropHeight, c.cropHeight);
		assertArrayEquals(d.mean, c.mean, 0f);
	}

	@Test
	void badValuesNameTheKey() {
		String[][] cases = { { "{\"size\": \"big\"}", "'size'" }, { "{\"crop_size\": {\"h\": 1}}", "'crop_size'" },
			{ "{\"image_mean\": [1, 2]}", "'image_mean'" }, { "{\"image_std\": [1, 0, 1]}", "'image_std'" },
			{ "{\"do_resize\": \"yes\"}", "'do_resize'" }, { "{\"size\": {\"shortest_edge\": 0}}", "'size.shortest_edge'" },
			{ "{\"rescale_factor\": -1}", "'rescale_factor'" }, { "[1, 2]", "is not a JSON object" }, { "{oops", "cannot be read as JSON" } };
		for (String[] c : cases) {
			ModelException e = assertThrows(ModelException.class, () -> read(c[0]), c[0]);
			OnnxClipModelTest.assertOneSentence(e, c[1]);
			assertTrue(e.getMessage().contains("preprocessor_config.json"), e.getMessage());
		}
	}
}
