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
package org.mubench.model.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;

class TinyClipTest {
	@TempDir
	Path tmp;

	@Test
	void writesTheHuggingFaceLayoutWithReadableGraphs() throws Exception {
		Path dir = tmp.resolve("m");
		TinyClip.write(dir, new TinyClip.Options().seed(3).imageSize(32).embedDim(16).contextLength(20));
		for (String f : new String[] { "onnx/vision_model.onnx", "onnx/text_model.onnx", "tokenizer.json",
			"tokenizer_config.json", "preprocessor_config.json", "config.json" })
			assertTrue(Files.isRegularFile(dir.resolve(f)), f);

		OnnxModel vision = OnnxModel.read(dir.resolve("onnx/vision_model.onnx"));
		assertEquals(17, vision.opset());
		assertEquals(8, vision.irVersion);
		OnnxValueInfo pixels = vision.graph.feedInputs().get(0);
		assertEquals("pixel_values", pixels.name);
		assertEquals(OnnxDataType.FLOAT, pixels.elemType);
		assertEquals("[batch_size, 3, 32, 32]", pixels.shapeString());
		assertEquals("[batch_size, 16]", vision.graph.output("image_embeds").shapeString());
		OnnxTensor conv = vision.graph.initializer("vision.patch_embed.weight");
		assertArrayEquals(new long[] { 32, 3, 4, 4 }, conv.dims);
		assertEquals(OnnxDataType.FLOAT, conv.dataType);
		assertNotNull(conv.rawRegion);

		OnnxModel text = OnnxModel.read(dir.resolve("onnx/text_model.onnx"));
		assertEquals(1, text.graph.feedInputs().size());
		OnnxValueInfo ids = text.graph.input("input_ids");
		assertEquals(OnnxDataType.INT64, ids.elemType);
		assertEquals("[batch_size, sequence_length]", ids.shapeString());
		assertArrayEquals(new long[] { 20, 32 }, text.graph.initializer("text.position_embedding.weight").dims);
		assertArrayEquals(new long[] { TinyClip.VOCAB_SIZE, 32 }, text.graph.initializer("text.token_embedding.weight").dims);

		JsonNode config = new ObjectMapper().readTree(dir.resolve("config.json").toFile());
		assertEquals(16, config.get("projection_dim").asInt());
		assertEquals(20, config.at("/text_config/max_position_embeddings").asInt());
		assertEquals(32, config.at("/vision_config/image_size").asInt());
		JsonNode pre = new ObjectMapper().readTree(dir.resolve("preprocessor_config.json").toFile());
		assertEquals(32, pre.at("/size/shortest_edge").asInt());
		assertEquals(0.26862954, pre.at("/image_std/0").asDouble(), 0);
	}

	@Test
	void sameSeedSameBytesDifferentSeedDifferentWeights() throws Exception {
		TinyClip.Options o = new TinyClip.Options().seed(7).imageSize(32);
		TinyClip.write(tmp.resolve("a"), o);
		TinyClip.write(tmp.resolve("b"), o);
		TinyClip.write(tmp.resolve("c"), new TinyClip.Options().seed(8).imageSize(32));
		for (String f : new String[] { "onnx/vision_model.onnx", "onnx/text_model.onnx" }) {
			byte[] a = Files.readAllBytes(tmp.resolve("a").resolve(f));
			assertArrayEquals(a, Files.readAllBytes(tmp.resolve("b").resolve(f)));
			byte[] c = Files.readAllBytes(tmp.resolve("c").resolve(f));
			assertEquals(a.length, c.length);
			assertFalse(Arrays.equals(a, c));
		}
	}

	@Test
	void tokenizerLoadsInDjlAndMatchesPythonTokenizers() throws Exception {
		Path dir = tmp.resolve("m");
		TinyClip.write(dir, new TinyClip.Options().imageSize(32));
		try (HuggingFaceTokenizer tok = HuggingFaceTokenizer.newInstance(dir.resolve("tokenizer.json"))) {
			Encoding e = tok.encode("Nuclei, STAINED  cells.");
			// Expected ids from the Python `tokenizers` library (Tokenizer.from_file on the same generated file).
			long[] expected = { 512, 110, 117, 99, 108, 101, 361, 300, 115, 116, 97, 105, 110, 101, 356, 99, 101, 108, 108,
				371, 302, 513 };
			assertArrayEquals(expected, e.getIds());
			long[] again = tok.encode("a micrograph").getIds();
			assertEquals(TinyClip.START_ID, again[0]);
			assertEquals(TinyClip.END_ID, again[again.length - 1]);
		}
	}

	@Test
	void runsInOnnxRuntimeAndPoolsAtEndOfText() throws Exception {
		Path dir = tmp.resolve("m");
		TinyClip.write(dir, new TinyClip.Options().seed(1).imageSize(32));
		float[] pixels = OrtTestRunner.randomPixels(5, 3, 32);
		float[][] batch = OrtTestRunner.embedImages(dir, pixels, 3, 32);
		assertEquals(3, batch.length);
		assertEquals(32, batch[0].length);
		float[][] single = OrtTestRunner.embedImages(dir, Arrays.copyOfRange(pixels, 3 * 32 * 32, 2 * 3 * 32 * 32), 1, 32);
		for (int i = 0; i < 32; i++) assertEquals(batch[1][i], single[0][i], 1e-5);
		assertFalse(Arrays.equals(batch[0], batch[1]), "different images must give different embeddings");

		long[][] ids = { { 512, 99, 101, 108, 371, 513, 513, 513 }, { 512, 99, 101, 108, 371, 513, 513, 513 },
			{ 512, 110, 117, 99, 356, 513, 513, 513 } };
		float[][] t = OrtTestRunner.embedTexts(dir, ids, null);
		assertArrayEquals(t[0], t[1]);
		assertFalse(Arrays.equals(t[0], t[2]));
		float[][] unpadded = OrtTestRunner.embedTexts(dir, new long[][] { { 512, 99, 101, 108, 371, 513 } }, null);
		for (int i = 0; i < t[0].length; i++) assertEquals(t[0][i], unpadded[0][i], 1e-5, "padding after EOT must not matter");
	}

	@Test
	void fp16ExternalDataAndMaskVariantRuns() throws Exception {
		Path dir = tmp.resolve("m");
		TinyClip.write(dir, new TinyClip.Options().seed(2).imageSize(32).fp16(true).externalData(true).attentionMask(true));
		assertTrue(Files.isRegularFile(dir.resolve("onnx/vision_model.onnx_data")));
		OnnxModel text = OnnxModel.read(dir.resolve("onnx/text_model.onnx"));
		assertEquals(2, text.graph.feedInputs().size());
		assertEquals("attention_mask", text.graph.feedInputs().get(1).name);
		OnnxTensor tok = text.graph.initializer("text.token_embedding.weight");
		assertEquals(OnnxDataType.FLOAT16, tok.dataType);
		assertTrue(tok.external);
		assertNull(tok.rawRegion);
		assertEquals(TinyClip.VOCAB_SIZE * 32 * 2L, tok.externalRegion(dir.resolve("onnx")).length);
		assertFalse(text.graph.initializer("const.axes0").external, "small tensors stay inline");

		float[][] img = OrtTestRunner.embedImages(dir, OrtTestRunner.randomPixels(1, 2, 32), 2, 32);
		assertEquals(2, img.length);
		long[][] ids = { { 512, 99, 101, 108, 371, 513, 513 } };
		float[][] full = OrtTestRunner.embedTexts(dir, ids, new long[][] { { 1, 1, 1, 1, 1, 1, 1 } });
		float[][] masked = OrtTestRunner.embedTexts(dir, ids, new long[][] { { 1, 1, 1, 1, 1, 1, 0 } });
		assertArrayEquals(full[0], masked[0], "the mask after EOT must not matter");
		float[][] maskedWord = OrtTestRunner.embedTexts(dir, ids, new long[][] { { 1, 0, 1, 1, 1, 1, 1 } });
		assertFalse(Arrays.equals(full[0], maskedWord[0]), "masking a token before EOT changes the embedding");
		// Weights read back through the protobuf layer are finite float16 values.
		for (double v : tok.toDoubles(dir.resolve("onnx"))) assertTrue(Double.isFinite(v));
	}
}
