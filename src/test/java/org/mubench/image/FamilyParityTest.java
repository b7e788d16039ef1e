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
package org.mubench.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

/**
 * Each model family's image pipeline against that family's own Python code, bit for bit: CRC32 of the float32 tensor
 * open_clip's image_transform (torchvision on Pillow 12) and transformers' CLIPImageProcessor (PIL backend) made from
 * the same PNG files (tools/family_parity_reference.py wrote files and expectations).
 */
class FamilyParityTest {
	static final String DIR = "/org/mubench/families/";

	static JsonNode expected() throws IOException {
		try (InputStream in = FamilyParityTest.class.getResourceAsStream(DIR + "expected.json")) {
			return new ObjectMapper().readTree(in);
		}
	}

	static byte[] png(String name) throws IOException {
		try (InputStream in = FamilyParityTest.class.getResourceAsStream(DIR + name + ".png")) {
			return in.readAllBytes();
		}
	}

	private static void check(ImagePipeline pipeline, String prefix) throws IOException {
		final PreprocessConfig cfg = new PreprocessConfig();
		cfg.pipeline = pipeline;
		int n = 0;
		for (Iterator<Map.Entry<String, JsonNode>> it = expected().get("images").fields(); it.hasNext(); n++) {
			final Map.Entry<String, JsonNode> e = it.next();
			final float[] t = ImageTensors.fromEncoded(png(e.getKey()), e.getKey(), cfg);
			double sum = 0;
			for (float v : t)
				sum += v;
			final String what = e.getKey() + " (" + e.getValue().get("mode").asText() + ") as " + pipeline.key;
			assertEquals(e.getValue().get(prefix + "_sum").asDouble(), sum, 1e-3, what);
			assertEquals(e.getValue().get(prefix + "_crc32").asText(), ImageTensorsFixtureParityTest.crc(t, 0, t.length),
				what);
		}
		assertTrue(n >= 10);
	}

	@Test
	void openClipTensorsAreOpenClipsBitForBit() throws IOException {
		check(ImagePipeline.OPEN_CLIP, "open_clip");
	}

	@Test
	void clipTensorsAreCLIPImageProcessorsBitForBit() throws IOException {
		check(ImagePipeline.CLIP, "clip");
	}

	/** The dest-buffer path reports the original geometry and writes the same tensor. */
	@Test
	void bufferPathMatches() throws IOException {
		final PreprocessConfig cfg = new PreprocessConfig();
		cfg.pipeline = ImagePipeline.OPEN_CLIP;
		final byte[] b = png("l_303x215");
		final float[] dest = new float[3 * 224 * 224 + 5];
		final ResizeGeometry g = ImageTensors.fromEncoded(b, "x", cfg, dest, 5);
		assertEquals(303, g.originalWidth());
		assertEquals(315, g.resizedWidth());
		assertEquals(46, g.cropLeft()); // torchvision: round(91 / 2) = round(45.5) = 46 (half to even); HF floors to 45
		final float[] t = ImageTensors.fromEncoded(b, "x", cfg);
		assertEquals(ImageTensorsFixtureParityTest.crc(t, 0, t.length), ImageTensorsFixtureParityTest.crc(dest, 5, t.length));
	}
}
