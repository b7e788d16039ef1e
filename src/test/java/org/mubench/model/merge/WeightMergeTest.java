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
package org.mubench.model.merge;

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
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mubench.base.Cancellation;
import org.mubench.base.ProgressListener;
import org.mubench.model.onnx.OnnxDataType;
import org.mubench.model.onnx.OnnxModel;
import org.mubench.model.onnx.OnnxNode;
import org.mubench.model.onnx.OnnxTensor;
import org.mubench.model.onnx.OrtTestRunner;
import org.mubench.model.onnx.TinyClip;

class WeightMergeTest {
	static final String[] MODELS = { "onnx/vision_model.onnx", "onnx/text_model.onnx" };
	static final long[][] IDS = { { 512, 99, 101, 108, 371, 513, 513 }, { 512, 110, 117, 99, 108, 101, 361 } };

	@TempDir
	Path tmp;

	private Path tiny(String name, TinyClip.Options o) throws IOException {
		Path dir = tmp.resolve(name);
		TinyClip.write(dir, o);
		return dir;
	}

	private static TinyClip.Options small(long seed) {
		return new TinyClip.Options().seed(seed).imageSize(32).contextLength(12);
	}

	private WeightMerge.Result merge(Path base, Path ft, Path out, double alpha) throws IOException {
		return WeightMerge.merge(base, ft, out, alpha, false, ProgressListener.SILENT, Cancellation.NEVER);
	}

	/**
	 * Every merged value against (1 − α)·base + α·finetuned computed here from the parents' values (read through the
	 * protobuf layer): float32 rounded once from the float64 result; float16 checked to be the nearest float16 of that
	 * result (ties to even) via its spacing, not via the merge's own conversion; integers equal to the fine-tuned ones.
	 */
	static void checkValues(Path base, Path ft, Path merged, double alpha) throws IOException {
		for (String rel : MODELS) {
			Path bf = base.resolve(rel), ff = ft.resolve(rel), mf = merged.resolve(rel);
			OnnxModel b = OnnxModel.read(bf), f = OnnxModel.read(ff), m = OnnxModel.read(mf);
			assertEquals(f.graph.initializers.size(), m.graph.initializers.size());
			assertEquals(f.graph.nodes.toString(), m.graph.nodes.toString());
			for (OnnxTensor mt : m.graph.initializers) {
				OnnxTensor bt = b.graph.initializer(mt.name), ft2 = f.graph.initializer(mt.name);
				assertEquals(ft2.dataType, mt.dataType, mt.name);
				assertArrayEquals(ft2.dims, mt.dims, mt.name);
				double[] bv = bt.toDoubles(bf.getParent()), fv = ft2.toDoubles(ff.getParent()), mv = mt.toDoubles(mf.getParent());
				for (int i = 0; i < mv.length; i++) {
					double exact = (1 - alpha) * bv[i] + alpha * fv[i];
					String where = rel + " " + mt.name + "[" + i + "]";
					if (mt.dataType == OnnxDataType.FLOAT) assertEquals((float) exact, (float) mv[i], 0f, where);
					else if (mt.dataType == OnnxDataType.FLOAT16) assertNearestHalf(exact, mv[i], where);
					else assertEquals(fv[i], mv[i], 0, where);
				}
			}
		}
	}

	static void assertNearestHalf(double exact, double got, String where) {
		double a = Math.abs(exact);
		// float16 spacing: 2^(e − 10) for normal numbers, 2^−24 below 2^−14.
		double ulp = a < 0x1p-14 ? 0x1p-24 : Math.scalb(1.0, Math.getExponent(a) - 10);
		double err = Math.abs(got - exact);
		assertTrue(err <= ulp / 2, where + ": " + got + " is not the nearest float16 of " + exact);
		long steps = Math.round(Math.abs(got) / ulp);
		if (err == ulp / 2) assertEquals(0, steps % 2, where + ": tie not rounded to even");
	}

	@Test
	void everyTensorIsInterpolatedAndTheGraphCopied() throws Exception {
		Path base = tiny("base", small(1)), ft = tiny("ft", small(2)), out = tmp.resolve("merged");
		WeightMerge.Result r = merge(base, ft, out, 0.3);
		assertEquals(Arrays.asList("onnx/text_model.onnx", "onnx/vision_model.onnx"), r.mergedFiles);
		assertEquals(7, r.interpolatedTensors);
		assertEquals(5, r.copiedTensors);
		assertTrue(r.copiedFiles.containsAll(Arrays.asList("tokenizer.json", "config.json", "preprocessor_config.json",
			"tokenizer_config.json")));
		assertArrayEquals(Files.readAllBytes(ft.resolve("tokenizer.json")), Files.readAllBytes(out.resolve("tokenizer.json")));
		checkValues(base, ft, out, 0.3);
		float[][] e = OrtTestRunner.embedImages(out, OrtTestRunner.randomPixels(3, 2, 32), 2, 32);
		assertEquals(2, e.length);
	}

	@Test
	void alphaZeroAndOneReproduceTheParentsExactly() throws Exception {
		Path base = tiny("base", small(1)), ft = tiny("ft", small(2));
		float[] pixels = OrtTestRunner.randomPixels(9, 2, 32);
		for (double alpha : new double[] { 0, 1 }) {
			Path out = tmp.resolve("m" + alpha);
			merge(base, ft, out, alpha);
			Path parent = alpha == 0 ? base : ft, other = alpha == 0 ? ft : base;
			float[][] img = OrtTestRunner.embedImages(out, pixels, 2, 32);
			assertArrayEquals(OrtTestRunner.embedImages(parent, pixels, 2, 32), img);
			assertFalse(Arrays.equals(OrtTestRunner.embedImages(other, pixels, 2, 32)[0], img[0]));
			float[][] txt = OrtTestRunner.embedTexts(out, IDS, null);
			assertArrayEquals(OrtTestRunner.embedTexts(parent, IDS, null), txt);
			assertFalse(Arrays.equals(OrtTestRunner.embedTexts(other, IDS, null)[0], txt[0]));
		}
	}

	@Test
	void float16Models() throws Exception {
		Path base = tiny("base", small(1).fp16(true)), ft = tiny("ft", small(2).fp16(true)), out = tmp.resolve("merged");
		merge(base, ft, out, 0.3);
		checkValues(base, ft, out, 0.3);
		Path one = tmp.resolve("one");
		merge(base, ft, one, 1);
		assertArrayEquals(OrtTestRunner.embedTexts(ft, IDS, null), OrtTestRunner.embedTexts(one, IDS, null));
		assertEquals(OnnxDataType.FLOAT16,
			OnnxModel.read(out.resolve("onnx/vision_model.onnx")).graph.initializer("vision.patch_embed.weight").dataType);
	}

	@Test
	void externalDataModels() throws Exception {
		Path base = tiny("base", small(1).externalData(true).attentionMask(true));
		Path ft = tiny("ft", small(2).externalData(true).attentionMask(true));
		Path out = tmp.resolve("merged");
		WeightMerge.Result r = merge(base, ft, out, 0.3);
		assertFalse(r.copiedFiles.contains("onnx/text_model.onnx_data"), "external data is written by the merge, not copied");
		assertTrue(Files.isRegularFile(out.resolve("onnx/text_model.onnx_data")));
		assertEquals(Files.size(ft.resolve("onnx/text_model.onnx_data")), Files.size(out.resolve("onnx/text_model.onnx_data")));
		OnnxTensor tok = OnnxModel.read(out.resolve("onnx/text_model.onnx")).graph.initializer("text.token_embedding.weight");
		assertTrue(tok.external);
		assertEquals("text_model.onnx_data", tok.externalData.get("location"));
		checkValues(base, ft, out, 0.3);

		Path one = tmp.resolve("one");
		merge(base, ft, one, 1);
		float[][] expected = OrtTestRunner.embedTexts(ft, IDS, null);
		float[] pixels = OrtTestRunner.randomPixels(4, 1, 32);
		float[][] expectedImg = OrtTestRunner.embedImages(ft, pixels, 1, 32);
		// The merged model must stand on its own: remove the parents before running it.
		deleteTree(base);
		deleteTree(ft);
		assertArrayEquals(expected, OrtTestRunner.embedTexts(one, IDS, null));
		assertArrayEquals(expectedImg, OrtTestRunner.embedImages(one, pixels, 1, 32));
	}

	@Test
	void mismatchedShapeNamesTheTensor() throws Exception {
		Path base = tiny("base", small(1).embedDim(16)), ft = tiny("ft", small(2));
		MergeException e = assertThrows(MergeException.class, () -> merge(base, ft, tmp.resolve("out"), 0.5));
		assertEquals("onnx/text_model.onnx: tensor 'text.projection.weight' has shape [32, 16] in the base but [32, 32] "
			+ "in the fine-tuned model; the models are not the same architecture", e.getMessage());
		assertFalse(Files.exists(tmp.resolve("out")), "nothing is written when the check fails");
	}

	@Test
	void mismatchedDtypeNamesTheTensor() throws Exception {
		Path base = tiny("base", small(1).fp16(true)), ft = tiny("ft", small(2));
		MergeException e = assertThrows(MergeException.class, () -> merge(base, ft, tmp.resolve("out"), 0.5));
		assertTrue(e.getMessage().startsWith("onnx/text_model.onnx: tensor 'text.token_embedding.weight' is float16 in the base but float32"),
			e.getMessage());
	}

	@Test
	void differentTensorNameIsRefused() throws Exception {
		Path base = tiny("base", small(1)), ft = tiny("ft", small(2));
		Path file = base.resolve("onnx/vision_model.onnx");
		OnnxModel m = OnnxModel.read(file);
		m.graph.initializer("vision.projection.bias").name = "vision.proj.bias";
		for (OnnxNode n : m.graph.nodes) n.inputs.replaceAll(s -> s.equals("vision.projection.bias") ? "vision.proj.bias" : s);
		rewrite(m, file);
		MergeException e = assertThrows(MergeException.class, () -> merge(base, ft, tmp.resolve("out"), 0.5));
		assertEquals("onnx/vision_model.onnx: tensor 'vision.projection.bias' is in the fine-tuned model but not in the base; "
			+ "the models are not the same architecture", e.getMessage());
	}

	@Test
	void differentGraphIsRefused() throws Exception {
		Path base = tiny("base", small(1)), ft = tiny("ft", small(2));
		Path file = base.resolve("onnx/vision_model.onnx");
		OnnxModel m = OnnxModel.read(file);
		m.graph.nodes.get(1).opType = "Sigmoid";
		rewrite(m, file);
		MergeException e = assertThrows(MergeException.class, () -> merge(base, ft, tmp.resolve("out"), 0.5));
		assertEquals("onnx/vision_model.onnx: graphs differ at node 1 (Relu 'act'): base has operator Sigmoid, fine-tuned Relu; "
			+ "the models are not the same architecture", e.getMessage());

		OnnxModel m2 = OnnxModel.read(file);
		m2.graph.nodes.get(1).opType = "Relu";
		m2.graph.nodes.get(0).attributes.set(1, org.mubench.model.onnx.OnnxAttribute.ofInts("strides", 2, 2));
		rewrite(m2, file);
		e = assertThrows(MergeException.class, () -> merge(base, ft, tmp.resolve("out"), 0.5));
		assertTrue(e.getMessage().startsWith("onnx/vision_model.onnx: graphs differ at node 0 (Conv 'patch_embed'): attribute strides differs"),
			e.getMessage());
	}

	/** Rewrites a model read from {@code file} (its tensors still point into the file, so write elsewhere first). */
	private static void rewrite(OnnxModel m, Path file) throws IOException {
		byte[] bytes = m.toByteArray();
		Files.write(file, bytes);
	}

	@Test
	void alphaOutsideTheUnitIntervalNeedsPermission() throws Exception {
		Path base = tiny("base", small(1)), ft = tiny("ft", small(2));
		MergeException e = assertThrows(MergeException.class, () -> merge(base, ft, tmp.resolve("out"), 1.5));
		assertTrue(e.getMessage().contains("--allow-extrapolation"), e.getMessage());
		assertThrows(MergeException.class, () -> merge(base, ft, tmp.resolve("out"), -0.1));
		assertThrows(MergeException.class, () -> WeightMerge.merge(base, ft, tmp.resolve("out"), Double.NaN, true, null, null));
		Path out = tmp.resolve("extra");
		WeightMerge.merge(base, ft, out, 1.5, true, null, null);
		checkValues(base, ft, out, 1.5);
	}

	@Test
	void cancellationRemovesPartialOutput() throws Exception {
		Path base = tiny("base", small(1)), ft = tiny("ft", small(2)), out = tmp.resolve("out");
		Cancellation c = new Cancellation();
		List<String> seen = new ArrayList<>();
		ProgressListener p = (done, total, message) -> {
			seen.add(done + "/" + total);
			if (done == 2) c.cancel();
		};
		assertThrows(CancellationException.class, () -> WeightMerge.merge(base, ft, out, 0.5, false, p, c));
		assertEquals(Arrays.asList("1/12", "2/12"), seen);
		try (Stream<Path> s = Files.walk(out)) {
			assertEquals(0, s.filter(Files::isRegularFile).count());
		}
	}

	@Test
	void quantisedVariantsAreSkipped() throws Exception {
		Path base = tiny("base", small(1)), ft = tiny("ft", small(2));
		Files.copy(ft.resolve("onnx/text_model.onnx"), ft.resolve("onnx/text_model_quantized.onnx"));
		WeightMerge.Result r = merge(base, ft, tmp.resolve("out"), 0.5);
		assertEquals(Arrays.asList("onnx/text_model_quantized.onnx"), r.skippedFiles);
		assertFalse(Files.exists(tmp.resolve("out/onnx/text_model_quantized.onnx")));
	}

	@Test
	void missingPartnerFileIsNamed() throws Exception {
		Path base = tiny("base", small(1)), ft = tiny("ft", small(2));
		Files.delete(base.resolve("onnx/text_model.onnx"));
		MergeException e = assertThrows(MergeException.class, () -> merge(base, ft, tmp.resolve("out"), 0.5));
		assertTrue(e.getMessage().contains("the base model has no onnx/text_model.onnx"), e.getMessage());
	}

	@Test
	void singleOnnxFiles() throws Exception {
		Path base = tiny("base", small(1)), ft = tiny("ft", small(2));
		Path out = tmp.resolve("single/merged.onnx");
		WeightMerge.merge(base.resolve("onnx/vision_model.onnx"), ft.resolve("onnx/vision_model.onnx"), out, 0.25, false, null, null);
		OnnxModel m = OnnxModel.read(out);
		double b = OnnxModel.read(base.resolve("onnx/vision_model.onnx")).graph.initializer("vision.projection.bias")
			.toDoubles(base.resolve("onnx"))[3];
		double f = OnnxModel.read(ft.resolve("onnx/vision_model.onnx")).graph.initializer("vision.projection.bias")
			.toDoubles(ft.resolve("onnx"))[3];
		assertEquals((float) (0.75 * b + 0.25 * f), (float) m.graph.initializer("vision.projection.bias").toDoubles(out.getParent())[3], 0f);
	}

	/** Moves every float weight of both towers into one external file, {@code onnx/shared.bin}, used by both. */
	private static void shareExternalData(Path dir) throws IOException {
		Path shared = dir.resolve("onnx/shared.bin");
		java.io.ByteArrayOutputStream data = new java.io.ByteArrayOutputStream();
		List<byte[]> models = new ArrayList<>();
		for (String rel : MODELS) {
			OnnxModel m = OnnxModel.read(dir.resolve(rel));
			for (OnnxTensor t : m.graph.initializers) {
				if (t.dataType != OnnxDataType.FLOAT) continue;
				byte[] bytes = t.toLittleEndian(dir.resolve("onnx"));
				t.setExternal("shared.bin", data.size(), bytes.length);
				data.write(bytes);
			}
			models.add(m.toByteArray());
		}
		Files.write(shared, data.toByteArray());
		for (int i = 0; i < MODELS.length; i++) Files.write(dir.resolve(MODELS[i]), models.get(i));
	}

	@Test
	void externalDataSharedByTwoModelsIsSplit() throws Exception {
		Path base = tiny("base", small(1)), ft = tiny("ft", small(2)), out = tmp.resolve("merged");
		shareExternalData(base);
		shareExternalData(ft);
		float[][] expected = OrtTestRunner.embedTexts(ft, IDS, null);
		WeightMerge.Result r = merge(base, ft, out, 1);
		assertFalse(r.copiedFiles.contains("onnx/shared.bin"));
		assertEquals("vision_model.onnx_data", OnnxModel.read(out.resolve("onnx/vision_model.onnx")).graph
			.initializer("vision.patch_embed.weight").externalData.get("location"));
		assertEquals("text_model.onnx_data", OnnxModel.read(out.resolve("onnx/text_model.onnx")).graph
			.initializer("text.token_embedding.weight").externalData.get("location"));
		assertArrayEquals(expected, OrtTestRunner.embedTexts(out, IDS, null));
		float[] pixels = OrtTestRunner.randomPixels(2, 1, 32);
		assertArrayEquals(OrtTestRunner.embedImages(ft, pixels, 1, 32), OrtTestRunner.embedImages(out, pixels, 1, 32));
		Path half = tmp.resolve("half");
		merge(base, ft, half, 0.5);
		checkValues(base, ft, half, 0.5);
	}

	/** A model whose weights sit in the typed data fields (float_data, int32_data, double_data, int64_data). */
	static OnnxModel typedModel(long seed) {
		java.util.Random r = new java.util.Random(seed);
		OnnxModel m = new OnnxModel();
		m.opsets.put("", 17L);
		String[] names = { "f", "h", "b", "d", "i" };
		int[] types = { OnnxDataType.FLOAT, OnnxDataType.FLOAT16, OnnxDataType.BFLOAT16, OnnxDataType.DOUBLE, OnnxDataType.INT64 };
		for (int k = 0; k < names.length; k++) {
			OnnxTensor t = new OnnxTensor();
			t.name = names[k];
			t.dataType = types[k];
			t.dims = new long[] { 2, 3 };
			if (k == 0) { t.floatData = new float[6]; for (int j = 0; j < 6; j++) t.floatData[j] = (float) r.nextGaussian(); }
			if (k == 1) { t.int32Data = new int[6]; for (int j = 0; j < 6; j++) t.int32Data[j] = org.mubench.model.onnx.HalfFloats.doubleToHalf(r.nextGaussian()); }
			if (k == 2) { t.int32Data = new int[6]; for (int j = 0; j < 6; j++) t.int32Data[j] = org.mubench.model.onnx.HalfFloats.doubleToBfloat16(r.nextGaussian()); }
			if (k == 3) { t.doubleData = new double[6]; for (int j = 0; j < 6; j++) t.doubleData[j] = r.nextGaussian(); }
			if (k == 4) { t.int64Data = new long[6]; for (int j = 0; j < 6; j++) t.int64Data[j] = r.nextInt(100); }
			m.graph.initializers.add(t);
			m.graph.nodes.add(new OnnxNode("Identity", "id_" + names[k], new String[] { names[k] }, new String[] { "out_" + names[k] }));
			m.graph.outputs.add(org.mubench.model.onnx.OnnxValueInfo.tensor("out_" + names[k], types[k], 2, 3));
		}
		return m;
	}

	@Test
	void typedDataFieldsAreMergedIntoRawData() throws Exception {
		Path base = tmp.resolve("typed/base.onnx"), ft = tmp.resolve("typed/ft.onnx"), out = tmp.resolve("typed/out.onnx");
		typedModel(1).write(base);
		typedModel(2).write(ft);
		WeightMerge.Result r = WeightMerge.merge(base, ft, out, 0.25, false, null, null);
		assertEquals(4, r.interpolatedTensors);
		assertEquals(1, r.copiedTensors);
		OnnxModel b = OnnxModel.read(base), f = OnnxModel.read(ft), m = OnnxModel.read(out);
		Path dir = out.getParent();
		for (OnnxTensor t : m.graph.initializers) {
			double[] bv = b.graph.initializer(t.name).toDoubles(dir), fv = f.graph.initializer(t.name).toDoubles(dir);
			double[] mv = t.toDoubles(dir);
			if (t.dataType != OnnxDataType.INT64) assertTrue(t.rawRegion != null, t.name + " is written as raw_data");
			for (int i = 0; i < 6; i++) {
				double exact = 0.75 * bv[i] + 0.25 * fv[i];
				switch (t.dataType) {
					case OnnxDataType.FLOAT: assertEquals((float) exact, (float) mv[i], 0f); break;
					case OnnxDataType.DOUBLE: assertEquals(exact, mv[i], 0); break;
					case OnnxDataType.FLOAT16: assertNearestHalf(exact, mv[i], t.name); break;
					case OnnxDataType.BFLOAT16: {
						double ulp = Math.scalb(1.0, Math.getExponent(Math.abs(exact)) - 7);
						assertTrue(Math.abs(mv[i] - exact) <= ulp / 2, t.name + "[" + i + "]");
						break;
					}
					default: assertEquals(fv[i], mv[i], 0);
				}
			}
		}
	}

	static void deleteTree(Path dir) throws IOException {
		try (Stream<Path> s = Files.walk(dir)) {
			for (Path p : s.sorted((a, b) -> b.compareTo(a)).collect(Collectors.toList())) Files.delete(p);
		}
	}
}
