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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mubench.model.ModelException;
import org.mubench.model.onnx.TinyClip;

/** The engine on TinyClip folders (the ONNX layer's test model: byte-level BPE tokenizer, conv/ReLU vision tower). */
class TinyClipEngineTest {
	@TempDir
	Path tmp;

	private static final List<String> TEXTS = Arrays.asList("a micrograph", "Mitosis in HeLa cells, stained with DAPI.",
		"x", "an electron microscopy image of a mitochondrion", "H&E", "", "tissue");

	@Test
	void batchOneAndEightAgreeWithAndWithoutMask() throws IOException {
		for (boolean mask : new boolean[] { false, true }) {
			Path dir = tmp.resolve("tiny" + mask);
			TinyClip.write(dir, new TinyClip.Options().imageSize(32).embedDim(16).attentionMask(mask).seed(3));
			List<float[]> imgs = OnnxClipModelTest.images(10, 32, 11);
			float[][] i1, i8, t1, t8;
			try (OnnxClipModel m = OnnxClipModel.open(dir, OnnxClipModelTest.options(1))) {
				assertEquals(mask, m.usesAttentionMask());
				assertEquals(16, m.embeddingSize());
				// TinyClip keeps Hugging Face's logit_scale_init_value (2.6592): exp = 14.28.
				assertEquals(Math.exp(2.6592), m.logitScale(), 1e-4);
				i1 = m.embedImages(imgs);
				t1 = m.embedTexts(TEXTS);
			}
			try (OnnxClipModel m = OnnxClipModel.open(dir, OnnxClipModelTest.options(8))) {
				i8 = m.embedImages(imgs);
				t8 = m.embedTexts(TEXTS);
			}
			for (int i = 0; i < imgs.size(); i++) {
				assertEquals(16, i1[i].length);
				assertArrayEquals(i1[i], i8[i], 1e-5f);
			}
			for (int i = 0; i < TEXTS.size(); i++)
				assertArrayEquals(t1[i], t8[i], 1e-5f, TEXTS.get(i));
		}
	}

	/** float16-stored weights and external data files are ONNX Runtime's business; the engine must just load them. */
	@Test
	void fp16WeightsAndExternalDataLoad() throws IOException {
		Path plain = tmp.resolve("plain"), half = tmp.resolve("half"), external = tmp.resolve("ext");
		TinyClip.write(plain, new TinyClip.Options().imageSize(16).seed(5));
		TinyClip.write(half, new TinyClip.Options().imageSize(16).seed(5).fp16(true));
		TinyClip.write(external, new TinyClip.Options().imageSize(16).seed(5).externalData(true));
		List<float[]> imgs = OnnxClipModelTest.images(2, 16, 11);
		float[][] a, b, c;
		try (OnnxClipModel m = OnnxClipModel.open(plain, OnnxClipModelTest.options(2))) {
			a = m.embedImages(imgs);
		}
		try (OnnxClipModel m = OnnxClipModel.open(half, OnnxClipModelTest.options(2))) {
			b = m.embedImages(imgs);
		}
		try (OnnxClipModel m = OnnxClipModel.open(external, OnnxClipModelTest.options(2))) {
			c = m.embedImages(imgs);
		}
		for (int i = 0; i < imgs.size(); i++) {
			assertArrayEquals(a[i], c[i], 0f);
			double cos = 0;
			for (int d = 0; d < a[i].length; d++)
				cos += a[i][d] * b[i][d];
			assertTrue(cos > 0.99, "fp16 weights give nearly the same embedding: cos " + cos);
		}
	}

	@Test
	void contextLengthComesFromTheConfig() throws IOException {
		Path dir = tmp.resolve("ctx");
		TinyClip.write(dir, new TinyClip.Options().imageSize(16).contextLength(12));
		try (OnnxClipModel m = OnnxClipModel.open(dir, OnnxClipModelTest.options(4))) {
			assertEquals(12, m.tokenizer.contextLength());
			long[] ids = m.tokenizer.encode("a very long sentence about cells that certainly has more than twelve byte level tokens");
			assertEquals(12, ids.length);
			assertEquals(TinyClip.START_ID, ids[0]);
			assertEquals(TinyClip.END_ID, ids[11]);
			assertEquals(TinyClip.END_ID, m.tokenizer.padId());
			assertEquals(1, m.embedTexts(Arrays.asList("a very long sentence about cells that certainly has more")).length);
		}
	}

	/**
	 * DJL's tokenizer binding gives the ids of the Python {@code tokenizers} library (0.x, {@code Tokenizer.from_file}
	 * on the tokenizer.json TinyClip writes, seed 0), here cut to a context of 12 keeping the end token.
	 */
	@Test
	void tokenIdsEqualThePythonTokenizersLibrary() throws IOException {
		Path dir = tmp.resolve("tok");
		TinyClip.write(dir, new TinyClip.Options().imageSize(16).contextLength(12));
		try (ClipTokenizer t = ClipTokenizer.forFolder(new ModelFolder(dir), -1)) {
			// Python: [512, 353, 109, 105, 99, 114, 111, 103, 114, 97, 112, 360, 97, ..., 302, 513] (44 ids)
			assertArrayEquals(new long[] { 512, 353, 109, 105, 99, 114, 111, 103, 114, 97, 112, 513 },
				t.encode("A micrograph acquired through light microscopy."));
			// Python: [512, 360, 294, 357, 301, 115, 116, 97, 105, 110, 101, 356, ..., 513] (29 ids)
			assertArrayEquals(new long[] { 512, 360, 294, 357, 301, 115, 116, 97, 105, 110, 101, 513 },
				t.encode("H&E-stained  tissue,   \u00dcBER 40x!"));
			assertArrayEquals(new long[] { 512, 109, 105, 116, 111, 115, 105, 371, 513 }, t.encode("mitosis"));
		}
	}

	@Test
	void differentTowersFromDifferentModelsAreRefused() throws IOException {
		Path a = tmp.resolve("a"), b = tmp.resolve("b");
		TinyClip.write(a, new TinyClip.Options().imageSize(16).embedDim(16));
		TinyClip.write(b, new TinyClip.Options().imageSize(16).embedDim(24));
		Files.copy(b.resolve("onnx/text_model.onnx"), a.resolve("onnx/text_model.onnx"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		ModelException e = assertThrows(ModelException.class, () -> OnnxClipModel.open(a, OnnxClipModelTest.options(1)));
		OnnxClipModelTest.assertOneSentence(e, "onnx/vision_model.onnx gives 16-dimensional image embeddings but onnx/text_model.onnx gives 24");
	}
}
