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

import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;

/** Runs the towers of a model folder directly in ONNX Runtime (Java API), for tests. */
public final class OrtTestRunner {
	private OrtTestRunner() {}

	/**
	 * The ONNX Runtime environment, created through DJL's engine first: DJL creates it with its own thread options and
	 * fails if a default one already exists in the JVM (tests of the engine run in the same JVM).
	 */
	static OrtEnvironment env() {
		org.mubench.model.clip.Djl.init();
		org.mubench.model.clip.Djl.call(() -> ai.djl.engine.Engine.getEngine(org.mubench.model.clip.Djl.ONNX_RUNTIME));
		return OrtEnvironment.getEnvironment();
	}

	/** Seeded random pixel values for {@code batch} images of {@code size}², C order. */
	public static float[] randomPixels(long seed, int batch, int size) {
		Random r = new Random(seed);
		float[] x = new float[batch * 3 * size * size];
		for (int i = 0; i < x.length; i++) x[i] = (float) r.nextGaussian();
		return x;
	}

	public static float[][] embedImages(Path modelDir, float[] pixels, int batch, int size) throws Exception {
		OrtEnvironment env = env();
		try (OrtSession s = env.createSession(modelDir.resolve("onnx/vision_model.onnx").toString(), new OrtSession.SessionOptions());
			ai.onnxruntime.OnnxTensor x = ai.onnxruntime.OnnxTensor.createTensor(env, FloatBuffer.wrap(pixels),
				new long[] { batch, 3, size, size });
			OrtSession.Result r = s.run(java.util.Collections.singletonMap("pixel_values", x))) {
			return (float[][]) r.get("image_embeds").get().getValue();
		}
	}

	/** Text embeddings for rows of token ids (all rows the same length); a mask is fed when the graph declares one. */
	public static float[][] embedTexts(Path modelDir, long[][] ids, long[][] mask) throws Exception {
		OrtEnvironment env = env();
		int b = ids.length, l = ids[0].length;
		LongBuffer flat = LongBuffer.allocate(b * l);
		for (long[] row : ids) flat.put(row);
		flat.flip();
		try (OrtSession s = env.createSession(modelDir.resolve("onnx/text_model.onnx").toString(), new OrtSession.SessionOptions())) {
			Map<String, ai.onnxruntime.OnnxTensor> feeds = new HashMap<>();
			try {
				feeds.put("input_ids", ai.onnxruntime.OnnxTensor.createTensor(env, flat, new long[] { b, l }));
				if (s.getInputNames().contains("attention_mask")) {
					LongBuffer m = LongBuffer.allocate(b * l);
					for (int i = 0; i < b; i++) for (int j = 0; j < l; j++) m.put(mask == null ? 1 : mask[i][j]);
					m.flip();
					feeds.put("attention_mask", ai.onnxruntime.OnnxTensor.createTensor(env, m, new long[] { b, l }));
				}
				try (OrtSession.Result r = s.run(feeds)) {
					return (float[][]) r.get("text_embeds").get().getValue();
				}
			} finally {
				for (ai.onnxruntime.OnnxTensor t : feeds.values()) t.close();
			}
		}
	}
}
