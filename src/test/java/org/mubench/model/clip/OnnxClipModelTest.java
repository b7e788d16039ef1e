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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mubench.base.ProgressListener;
import org.mubench.model.ModelException;
import org.mubench.model.ModelOptions;
import org.mubench.model.Models;
import org.mubench.model.VisionLanguageModel;
import org.mubench.model.device.DeviceSelector;

class OnnxClipModelTest {
	@TempDir
	Path tmp;

	private static final List<String> TEXTS = Arrays.asList("a photo of a cell", "mitosis",
		"a micrograph of tissue stained with blue and red and green", "nucleus", "an electron microscopy image of the nucleus",
		"light microscopy", "a", "the cell", "an image of mitosis in tissue", "unknownword cell");

	static ModelOptions options(int batch) {
		ModelOptions o = new ModelOptions();
		o.batchSize = batch;
		o.device = "cpu";
		o.threads = 1;
		return o;
	}

	static List<float[]> images(int n, int size, long seed) {
		Random r = new Random(seed);
		List<float[]> out = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			float[] p = new float[3 * size * size];
			for (int j = 0; j < p.length; j++)
				p[j] = (float) r.nextGaussian();
			out.add(p);
		}
		return out;
	}

	@Test
	void embeddingsHaveTheModelsShapeAndUnitLength() throws IOException {
		Path dir = new TestClipFolder().write(tmp.resolve("m"));
		try (OnnxClipModel m = OnnxClipModel.open(dir, options(4))) {
			assertEquals("m", m.name());
			assertEquals(8, m.embeddingSize());
			// The graph variant is part of what a run folder's identity records.
			assertEquals("vision_model.onnx", m.answerSettings().get("vision_graph"));
			float[][] img = m.embedImages(images(5, 8, 1));
			float[][] txt = m.embedTexts(TEXTS);
			assertEquals(5, img.length);
			assertEquals(TEXTS.size(), txt.length);
			for (float[] v : img) {
				assertEquals(8, v.length);
				assertEquals(1.0, norm(v), 1e-5);
			}
			for (float[] v : txt) {
				assertEquals(8, v.length);
				assertEquals(1.0, norm(v), 1e-5);
			}
			assertEquals(100f, m.logitScale(), 1e-3f);
			assertEquals(8, m.preprocessing().cropHeight);
			assertEquals(0.25f, m.preprocessing().std[1], 0f);
		}
	}

	/** The embeddings equal the towers' arithmetic done here in plain Java from the same weights. */
	@Test
	void embeddingsMatchAnIndependentComputation() throws IOException {
		for (boolean mask : new boolean[] { false, true }) {
			TestClipFolder spec = new TestClipFolder();
			spec.attentionMask = mask;
			Path dir = spec.write(tmp.resolve("m" + mask));
			try (OnnxClipModel m = OnnxClipModel.open(dir, options(3))) {
				assertEquals(mask, m.usesAttentionMask());
				List<float[]> imgs = images(4, 8, 2);
				float[][] got = m.embedImages(imgs);
				for (int i = 0; i < imgs.size(); i++)
					assertArrayEquals(spec.expectedImageEmbedding(imgs.get(i)), got[i], 1e-5f);
				float[][] txt = m.embedTexts(TEXTS);
				for (int i = 0; i < TEXTS.size(); i++)
					assertArrayEquals(spec.expectedTextEmbedding(TEXTS.get(i)), txt[i], 1e-5f, TEXTS.get(i));
			}
		}
	}

	@Test
	void batchSizeDoesNotChangeEmbeddings() throws IOException {
		for (boolean mask : new boolean[] { false, true }) {
			TestClipFolder spec = new TestClipFolder();
			spec.attentionMask = mask;
			Path dir = spec.write(tmp.resolve("b" + mask));
			List<float[]> imgs = images(11, 8, 3);
			float[][] img1, img8, txt1, txt8;
			try (OnnxClipModel m = OnnxClipModel.open(dir, options(1))) {
				img1 = m.embedImages(imgs);
				txt1 = m.embedTexts(TEXTS);
			}
			try (OnnxClipModel m = OnnxClipModel.open(dir, options(8))) {
				img8 = m.embedImages(imgs);
				txt8 = m.embedTexts(TEXTS);
			}
			for (int i = 0; i < imgs.size(); i++)
				assertArrayEquals(img1[i], img8[i], 1e-5f);
			for (int i = 0; i < TEXTS.size(); i++)
				assertArrayEquals(txt1[i], txt8[i], 1e-5f, TEXTS.get(i));
		}
	}

	/** Parts of a batch run on concurrent streams give the embeddings of one call, in input order. */
	@Test
	void imageStreamsDoNotChangeEmbeddingsOrTheirOrder() throws IOException {
		TestClipFolder spec = new TestClipFolder();
		Path dir = spec.write(tmp.resolve("streams"));
		List<float[]> imgs = images(11, 8, 5); // a batch of 8 (two parts of 4) and one of 3 (parts of 2 and 1)
		ModelOptions one = options(8);
		one.threads = 2;
		one.imageStreams = 1;
		ModelOptions two = options(8);
		two.threads = 2;
		two.imageStreams = 2;
		float[][] a, b;
		try (OnnxClipModel m = OnnxClipModel.open(dir, one)) {
			assertEquals(1, m.imageStreams().streams);
			a = m.embedImages(imgs);
		}
		try (OnnxClipModel m = OnnxClipModel.open(dir, two)) {
			assertEquals(2, m.imageStreams().streams);
			assertEquals(1, m.imageStreams().threadsPerStream);
			b = m.embedImages(imgs);
			float[][] again = m.embedImages(imgs);
			for (int i = 0; i < imgs.size(); i++)
				assertArrayEquals(b[i], again[i], 0f);
		}
		for (int i = 0; i < imgs.size(); i++) {
			assertArrayEquals(spec.expectedImageEmbedding(imgs.get(i)), b[i], 1e-5f, "image " + i);
			assertArrayEquals(a[i], b[i], 1e-6f, "image " + i);
		}
	}

	@Test
	void repeatedCallsAndReloadsAreDeterministic() throws IOException {
		Path dir = new TestClipFolder().write(tmp.resolve("d"));
		List<float[]> imgs = images(3, 8, 4);
		float[][] a, b, c;
		try (OnnxClipModel m = OnnxClipModel.open(dir, options(2))) {
			a = m.embedImages(imgs);
			b = m.embedImages(imgs);
		}
		try (OnnxClipModel m = OnnxClipModel.open(dir, options(2))) {
			c = m.embedImages(imgs);
		}
		for (int i = 0; i < a.length; i++) {
			assertArrayEquals(a[i], b[i], 0f);
			assertArrayEquals(a[i], c[i], 0f);
		}
	}

	@Test
	void textEmbeddingsAreCachedByExactString() throws IOException {
		Path dir = new TestClipFolder().write(tmp.resolve("c"));
		try (OnnxClipModel m = OnnxClipModel.open(dir, options(4))) {
			float[][] first = m.embedTexts(Arrays.asList("mitosis", "nucleus"));
			assertEquals(0, m.textCacheHits());
			float[][] second = m.embedTexts(Arrays.asList("nucleus", "Mitosis", "mitosis"));
			// "nucleus" and "mitosis" come from the cache; "Mitosis" is another string (same tokens after lowercasing).
			assertEquals(2, m.textCacheHits());
			assertArrayEquals(first[1], second[0], 0f);
			assertArrayEquals(first[0], second[2], 0f);
			assertArrayEquals(first[0], second[1], 1e-6f);
			// Callers may modify what they get without touching the cache.
			second[0][0] = 42;
			assertArrayEquals(first[1], m.embedTexts(Collections.singletonList("nucleus"))[0], 0f);
		}
	}

	@Test
	void longTextsAreCutToTheContextLengthKeepingTheEndToken() throws IOException {
		TestClipFolder spec = new TestClipFolder();
		spec.contextLength = 6;
		Path dir = spec.write(tmp.resolve("t"));
		ModelFolder folder = new ModelFolder(dir);
		assertEquals(6, folder.contextLength());
		try (ClipTokenizer t = ClipTokenizer.forFolder(folder, -1)) {
			assertEquals(TestClipFolder.EOS, t.padId());
			long[] ids = t.encode("a photo of a cell with blue light");
			assertArrayEquals(new long[] { TestClipFolder.BOS, 1, 2, 3, 1, TestClipFolder.EOS }, ids);
			ClipTokenizer.Batch b = t.encode(Arrays.asList("cell", "a photo of a cell with blue light"), -1);
			assertEquals(6, b.length);
			assertArrayEquals(new long[] { TestClipFolder.BOS, 4, TestClipFolder.EOS, TestClipFolder.EOS, TestClipFolder.EOS,
				TestClipFolder.EOS }, b.ids[0]);
			assertArrayEquals(new long[] { 1, 1, 1, 0, 0, 0 }, b.mask[0]);
			assertArrayEquals(new long[] { 1, 1, 1, 1, 1, 1 }, b.mask[1]);
		}
		// Texts longer than the context still embed, and as their cut form.
		try (OnnxClipModel m = OnnxClipModel.open(dir, options(2))) {
			float[][] e = m.embedTexts(Arrays.asList("a photo of a cell with blue light", "a photo of a"));
			assertArrayEquals(e[1], e[0], 1e-6f);
		}
	}

	@Test
	void fixedLengthTextGraphsArePaddedToTheirLength() throws IOException {
		TestClipFolder spec = new TestClipFolder();
		// Longer than every test text (13 tokens at most), shorter than the context (16).
		spec.fixedLength = 14;
		Path dir = spec.write(tmp.resolve("f"));
		TestClipFolder dynamic = new TestClipFolder();
		Path dirDynamic = dynamic.write(tmp.resolve("g"));
		try (OnnxClipModel m = OnnxClipModel.open(dir, options(3)); OnnxClipModel d = OnnxClipModel.open(dirDynamic, options(3))) {
			assertEquals(14, m.fixedTextLength());
			float[][] a = m.embedTexts(TEXTS);
			float[][] b = d.embedTexts(TEXTS);
			for (int i = 0; i < TEXTS.size(); i++)
				assertArrayEquals(b[i], a[i], 1e-5f);
		}
	}

	@Test
	void quantisedVariantIsChosenByOption() throws IOException {
		TestClipFolder spec = new TestClipFolder();
		spec.quantizedCopy = true;
		Path dir = spec.write(tmp.resolve("q"));
		Files.delete(dir.resolve("onnx/vision_model.onnx"));
		Files.delete(dir.resolve("onnx/text_model.onnx"));
		ModelOptions o = options(2);
		o.extra.put("variant", "quantized");
		try (OnnxClipModel m = OnnxClipModel.open(dir, o)) {
			assertEquals(8, m.embedImages(images(1, 8, 5))[0].length);
		}
		ModelOptions q = options(2);
		q.extra.put("quantized", "true");
		try (OnnxClipModel m = OnnxClipModel.open(dir, q)) {
			assertEquals(8, m.embedTexts(Collections.singletonList("cell"))[0].length);
		}
		ModelException e = assertThrows(ModelException.class, () -> OnnxClipModel.open(dir, options(2)));
		assertOneSentence(e, "onnx/vision_model.onnx is missing");
		assertTrue(e.getMessage().contains("variant=quantized"), e.getMessage());
	}

	@Test
	void logitScaleComesFromTheConfig() throws IOException {
		TestClipFolder none = new TestClipFolder();
		none.config = false;
		try (OnnxClipModel m = OnnxClipModel.open(none.write(tmp.resolve("n")), options(2))) {
			assertEquals(1f, m.logitScale(), 0f);
			// Without config.json the context falls back to tokenizer_config.json's model_max_length.
			assertEquals(77, m.tokenizer.contextLength());
		}
		TestClipFolder trained = new TestClipFolder();
		Path dir = trained.write(tmp.resolve("l"));
		Files.write(dir.resolve("config.json"), "{\"logit_scale\": 2.0, \"logit_scale_init_value\": 2.6592}".getBytes("UTF-8"));
		try (OnnxClipModel m = OnnxClipModel.open(dir, options(2))) {
			assertEquals((float) Math.exp(2.0), m.logitScale(), 1e-5f);
		}
	}

	@Test
	void theBackendPluginOpensModelFolders() throws IOException {
		Path dir = new TestClipFolder().write(tmp.resolve("p"));
		OnnxClipBackend backend = new OnnxClipBackend();
		assertTrue(backend.accepts(dir.toString()));
		assertFalse(backend.accepts(tmp.toString()));
		assertFalse(backend.accepts("random"));
		assertFalse(backend.accepts("openai:gpt-4o@http://localhost:1"));
		List<String> log = new ArrayList<>();
		ModelOptions o = options(2);
		o.listener = new ProgressListener() {
			@Override
			public void progress(long done, long total, String message) {}

			@Override
			public void log(String message) {
				log.add(message);
			}
		};
		try (VisionLanguageModel m = Models.open(dir.toString(), o)) {
			assertTrue(m instanceof OnnxClipModel);
		}
		assertTrue(log.stream().anyMatch(l -> l.startsWith("Device: cpu")), log.toString());
	}

	// --- every load error: one line naming the file and the fix ---

	@Test
	void missingTokenizer() throws IOException {
		TestClipFolder spec = new TestClipFolder();
		spec.tokenizer = false;
		Path dir = spec.write(tmp.resolve("e1"));
		assertOneSentence(assertThrows(ModelException.class, () -> OnnxClipModel.open(dir, options(1))),
			"tokenizer.json is missing from");
	}

	@Test
	void missingPreprocessorConfig() throws IOException {
		TestClipFolder spec = new TestClipFolder();
		spec.preprocessor = false;
		Path dir = spec.write(tmp.resolve("e2"));
		assertOneSentence(assertThrows(ModelException.class, () -> OnnxClipModel.open(dir, options(1))),
			"preprocessor_config.json is missing from");
	}

	@Test
	void missingTowers() throws IOException {
		Path dir = new TestClipFolder().write(tmp.resolve("e3"));
		Files.delete(dir.resolve("onnx/text_model.onnx"));
		ModelException e = assertThrows(ModelException.class, () -> OnnxClipModel.open(dir, options(1)));
		assertOneSentence(e, "onnx/text_model.onnx is missing from");
		assertTrue(e.getMessage().contains("tools/export_onnx.py"), e.getMessage());
	}

	@Test
	void unreadableOnnxFile() throws IOException {
		TestClipFolder spec = new TestClipFolder();
		spec.visionBytes = "this is not a protobuf".getBytes("UTF-8");
		Path dir = spec.write(tmp.resolve("e4"));
		assertOneSentence(assertThrows(ModelException.class, () -> OnnxClipModel.open(dir, options(1))),
			"onnx/vision_model.onnx cannot be loaded by ONNX Runtime");
	}

	@Test
	void visionInputOfWrongRank() throws IOException {
		TestClipFolder spec = new TestClipFolder();
		spec.visionRank = 3;
		Path dir = spec.write(tmp.resolve("e5"));
		ModelException e = assertThrows(ModelException.class, () -> OnnxClipModel.open(dir, options(1)));
		assertOneSentence(e, "onnx/vision_model.onnx: input 'pixel_values' [?, 3, 8] has rank 3");
	}

	@Test
	void textInputOfWrongRank() throws IOException {
		TestClipFolder spec = new TestClipFolder();
		spec.textRank = 3;
		Path dir = spec.write(tmp.resolve("e6"));
		ModelException e = assertThrows(ModelException.class, () -> OnnxClipModel.open(dir, options(1)));
		assertOneSentence(e, "onnx/text_model.onnx: input 'input_ids' [?, ?, 1] has rank 3 but must be [batch, sequence]");
	}

	@Test
	void embeddingSizesDiffer() throws IOException {
		TestClipFolder spec = new TestClipFolder();
		spec.textDim = 6;
		Path dir = spec.write(tmp.resolve("e7"));
		ModelException e = assertThrows(ModelException.class, () -> OnnxClipModel.open(dir, options(1)));
		assertOneSentence(e, "onnx/vision_model.onnx gives 8-dimensional image embeddings but onnx/text_model.onnx gives 6");
	}

	@Test
	void preprocessingThatDoesNotFitTheGraph() throws IOException {
		Path dir = new TestClipFolder().write(tmp.resolve("e8"));
		Files.write(dir.resolve("preprocessor_config.json"), "{\"size\": 16, \"crop_size\": 16}".getBytes("UTF-8"));
		assertOneSentence(assertThrows(ModelException.class, () -> OnnxClipModel.open(dir, options(1))),
			"preprocessor_config.json in");
	}

	@Test
	void padTokenUnknownToTheTokenizer() throws IOException {
		Path dir = new TestClipFolder().write(tmp.resolve("e9"));
		Files.write(dir.resolve("tokenizer_config.json"), "{\"pad_token\": \"[PAD]\"}".getBytes("UTF-8"));
		assertOneSentence(assertThrows(ModelException.class, () -> OnnxClipModel.open(dir, options(1))),
			"tokenizer_config.json in");
	}

	@Test
	void wrongImageSizeAtEmbedTime() throws IOException {
		Path dir = new TestClipFolder().write(tmp.resolve("e10"));
		try (OnnxClipModel m = OnnxClipModel.open(dir, options(1))) {
			assertOneSentence(assertThrows(ModelException.class, () -> m.embedImages(images(1, 9, 1))), "Image 0 has 243 values");
		}
	}

	@Test
	void gpuRequestWithoutCudaProvider() throws IOException {
		Path dir = new TestClipFolder().write(tmp.resolve("e11"));
		ModelOptions o = options(1);
		o.device = "gpu";
		DeviceSelector cpuOnly = new DeviceSelector(DeviceSelectorTest.probe(-1, "CPU"), ProgressListener.SILENT);
		ModelException e = assertThrows(ModelException.class, () -> OnnxClipModel.open(dir, o, cpuOnly));
		assertOneSentence(e, "Device gpu:0 needs ONNX Runtime's CUDA provider");
	}

	/** Auto picks CUDA when the provider is listed; if the session then fails, it falls back to the CPU. */
	@Test
	void autoFallsBackToCpuWhenCudaSessionFails() throws IOException {
		Path dir = new TestClipFolder().write(tmp.resolve("e12"));
		ModelOptions o = options(1);
		o.device = "auto";
		List<String> log = new ArrayList<>();
		o.listener = new ProgressListener() {
			@Override
			public void progress(long done, long total, String message) {}

			@Override
			public void log(String message) {
				log.add(message);
			}
		};
		DeviceSelector claimsCuda = new DeviceSelector(DeviceSelectorTest.probe(-1, "CPU", "CUDA"), o.listener);
		try (OnnxClipModel m = OnnxClipModel.open(dir, o, claimsCuda)) {
			assertFalse(m.device().gpu);
			assertEquals(8, m.embedImages(images(1, 8, 1))[0].length);
		}
		assertTrue(log.stream().anyMatch(l -> l.startsWith("Device: falling back to cpu")), log.toString());
	}

	static void assertOneSentence(Throwable e, String start) {
		String m = e.getMessage();
		assertTrue(m.contains(start), "expected '" + start + "' in: " + m);
		assertFalse(m.contains("\n"), m);
		assertTrue(m.endsWith("."), m);
		assertTrue(m.contains(": "), "a fix after the colon: " + m);
	}

	private static double norm(float[] v) {
		double s = 0;
		for (float x : v)
			s += (double) x * x;
		return Math.sqrt(s);
	}
}
