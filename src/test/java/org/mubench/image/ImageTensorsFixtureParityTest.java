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
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.CRC32;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.junit.jupiter.api.Test;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;

/**
 * Parity of our tensors with the Python reference pipeline (tools/parity_reference.py; docs/parity.md) on the shared
 * conformance fixtures. Skipped when the fixtures folder is absent (a fresh clone). Checks every row's tensor against
 * the CRC32 the reference computed (committed in ubench-mini-reference-tensors.tsv), dumps our tensors to
 * target/parity/ours.f32 for the Python side, and — when the reference script has been run — compares tensors and
 * embeddings through ONNX Runtime (via DJL, as the engine runs it).
 */
class ImageTensorsFixtureParityTest {
	static Path fixtures() {
		final String prop = System.getProperty("mubench.fixtures");
		final List<String> candidates = new ArrayList<>();
		if (prop != null)
			candidates.add(prop);
		else {
			candidates.add("../shared/fixtures");
			candidates.add("../../shared/fixtures"); // from a worktree under wt/
		}
		for (String c : candidates) {
			final Path p = Paths.get(c);
			if (Files.isDirectory(p.resolve("ubench-mini")) && Files.isDirectory(p.resolve("tiny-clip")))
				return p;
		}
		if (prop != null) // asked for explicitly (the conformance step): absence is an error, not a skip
			throw new AssertionError("-Dmubench.fixtures=" + prop + " has no ubench-mini/ and tiny-clip/");
		return null;
	}

	static final class Row {
		final String imageId;
		final byte[] png;

		Row(String imageId, byte[] png) {
			this.imageId = imageId;
			this.png = png;
		}
	}

	static List<Row> readRows(Path dataset) throws Exception {
		final List<Path> shards;
		try (Stream<Path> s = Files.list(dataset)) {
			shards = s.filter(p -> p.toString().endsWith(".arrow")).sorted().collect(Collectors.toList());
		}
		final List<Row> rows = new ArrayList<>();
		try (BufferAllocator alloc = new RootAllocator()) {
			for (Path shard : shards)
				try (InputStream in = Files.newInputStream(shard); ArrowStreamReader r = new ArrowStreamReader(in, alloc)) {
					final VectorSchemaRoot root = r.getVectorSchemaRoot();
					while (r.loadNextBatch()) {
						final VarCharVector ids = (VarCharVector) root.getVector("image_id");
						final VarBinaryVector bytes = (VarBinaryVector) ((StructVector) root.getVector("image"))
							.getChild("bytes");
						for (int i = 0; i < root.getRowCount(); i++)
							rows.add(new Row(new String(ids.get(i), StandardCharsets.UTF_8), bytes.get(i)));
					}
				}
		}
		return rows;
	}

	@Test
	void tensorsMatchThePythonReference() throws Exception {
		final Path fx = fixtures();
		assumeTrue(fx != null, "no ../shared/fixtures: parity check skipped");
		final List<Row> rows = readRows(fx.resolve("ubench-mini"));
		final PreprocessConfig cfg = new PreprocessConfig(); // tiny-clip's preprocessor_config.json is CLIP's default
		final List<String> ref = Files.readAllLines(Paths.get("src/test/resources/org/mubench/image/"
			+ "ubench-mini-reference-tensors.tsv"));
		assertEquals(ref.size(), rows.size(), "row count");
		final int per = 3 * 224 * 224;
		final float[] ours = new float[rows.size() * per];
		final Map<String, Integer> mismatchesByMode = new HashMap<>();
		for (int i = 0; i < rows.size(); i++) {
			final Row row = rows.get(i);
			ImageTensors.fromEncoded(row.png, "row " + i + " (image_id " + row.imageId + ")", cfg, ours, i * per);
			final String[] f = ref.get(i).split("\t");
			assertEquals(f[1], row.imageId, "row order");
			if (!f[4].equals(crc(ours, i * per, per)))
				mismatchesByMode.merge(f[2], 1, Integer::sum);
		}
		final Path out = Paths.get("target/parity");
		Files.createDirectories(out);
		try (OutputStream os = Files.newOutputStream(out.resolve("ours.f32"))) {
			os.write(littleEndian(ours, 0, ours.length));
		}
		assertEquals(Collections.emptyMap(), mismatchesByMode, "rows whose tensor differs from PIL's, by PIL mode");

		// optional: the reference script's tensors and embeddings, and our tensors through ONNX Runtime from Java
		final Path refTensors = out.resolve("reference_tensors.f32"), refEmb = out.resolve("reference_embeddings.f32");
		if (!Files.exists(refTensors) || !Files.exists(refEmb))
			return;
		final float[] r = readFloats(refTensors);
		double maxDiff = 0;
		for (int i = 0; i < ours.length; i++)
			maxDiff = Math.max(maxDiff, Math.abs(ours[i] - r[i]));
		final float[] e = readFloats(refEmb);
		final int dim = e.length / rows.size();
		double minCos = 1;
		// through DJL, as the engine runs ONNX Runtime: a bare OrtEnvironment here would clash with DJL's in this JVM
		// as the engine sets DJL up: ONNX Runtime alone, no PyTorch fallback (whose natives are not here offline)
		if (System.getProperty("ai.djl.onnx.disable_alternative") == null)
			System.setProperty("ai.djl.onnx.disable_alternative", "true");
		if (System.getProperty("ai.djl.default_engine") == null)
			System.setProperty("ai.djl.default_engine", "OnnxRuntime");
		final Criteria<NDList, NDList> criteria = Criteria.builder().setTypes(NDList.class, NDList.class)
			.optModelPath(fx.resolve("tiny-clip/onnx/vision_model.onnx")).optEngine("OnnxRuntime")
			.optTranslator(new NoopTranslator()).build();
		final ZooModel<NDList, NDList> loaded;
		try {
			loaded = criteria.loadModel();
		}
		catch (ExceptionInInitializerError | NoClassDefFoundError err) {
			// another test in this JVM created a bare OrtEnvironment first, so DJL's engine cannot start; the tensor
			// check above has passed, and tools/parity_reference.py compares the embeddings from Python
			System.out.println("parity: max |tensor difference| " + maxDiff + "; embedding check skipped (ONNX Runtime "
				+ "engine unavailable in this JVM: " + err + (err.getCause() != null ? ", " + err.getCause() : "") + ")");
			assertEquals(0.0, maxDiff, "max |tensor difference|");
			return;
		}
		try (ZooModel<NDList, NDList> model = loaded;
			Predictor<NDList, NDList> predictor = model.newPredictor();
			NDManager manager = model.getNDManager().newSubManager()) {
			for (int i = 0; i < rows.size(); i++) {
				final float[] one = new float[per];
				System.arraycopy(ours, i * per, one, 0, per);
				final NDArray x = manager.create(one, new Shape(1, 3, 224, 224));
				x.setName("pixel_values");
				final NDList res = predictor.predict(new NDList(x));
				final NDArray embeds = res.contains("image_embeds") ? res.get("image_embeds") : res.get(0);
				final float[] emb = embeds.toFloatArray();
				double dot = 0, norm = 0;
				for (int k = 0; k < dim; k++) {
					dot += emb[k] * e[i * dim + k];
					norm += emb[k] * emb[k];
				}
				minCos = Math.min(minCos, dot / Math.sqrt(norm)); // reference embeddings are unit length
				res.close();
				x.close();
			}
		}
		System.out.printf("parity: %d rows, max |tensor difference| %.3g, min embedding cosine %.7f%n", rows.size(),
			maxDiff, minCos);
		assertEquals(0.0, maxDiff, "max |tensor difference|");
		assertTrue(minCos >= 0.999, "embedding cosine " + minCos);
	}

	static String crc(float[] a, int off, int len) {
		final CRC32 c = new CRC32();
		c.update(littleEndian(a, off, len));
		return String.format("%08x", c.getValue());
	}

	static byte[] littleEndian(float[] a, int off, int len) {
		final ByteBuffer b = ByteBuffer.allocate(len * 4).order(ByteOrder.LITTLE_ENDIAN);
		b.asFloatBuffer().put(a, off, len);
		return b.array();
	}

	static float[] readFloats(Path p) throws Exception {
		final ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(p)).order(ByteOrder.LITTLE_ENDIAN);
		final float[] f = new float[b.remaining() / 4];
		b.asFloatBuffer().get(f);
		return f;
	}
}
