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
package org.mubench.cli;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Collections;
import java.util.Random;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import org.mubench.model.ModelException;
import org.mubench.model.clip.Djl;
import org.mubench.model.clip.OnnxClipModel;

/**
 * The vision tower of an {@link OnnxClipModel} opened a second time straight through the ONNX Runtime Java API (no
 * DJL, no copies), with the same thread settings, and fed one pre-made input tensor over and over: the throughput
 * ceiling the benchmark compares the whole pipeline with.
 */
public final class RawImageTower implements AutoCloseable {
	private final OrtSession session;
	private final OnnxTensor input;
	private final String inputName;
	private final int batch;

	private RawImageTower(OrtSession session, OnnxTensor input, String inputName, int batch) {
		this.session = session;
		this.input = input;
		this.inputName = inputName;
		this.batch = batch;
	}

	/** Opens the tower of {@code model} on the CPU and makes a [batch, 3, H, W] tensor of seeded random values. */
	public static RawImageTower open(OnnxClipModel model, int batch) {
		if (model.device().gpu) throw new ModelException("The raw image-tower figure is measured on the CPU only; run the benchmark with --device cpu.");
		Djl.init();
		OrtEnvironment env = OrtEnvironment.getEnvironment();
		OrtSession session = null;
		try (OrtSession.SessionOptions so = new OrtSession.SessionOptions()) {
			// What OrtGraph asks DJL for; optimisation level and the rest stay at ONNX Runtime's defaults there too.
			so.setIntraOpNumThreads(model.intraOpThreads());
			so.setInterOpNumThreads(1);
			session = env.createSession(model.visionModelPath().toString(), so);
			int[] hw = model.inputSize();
			int per = 3 * hw[0] * hw[1];
			FloatBuffer data = ByteBuffer.allocateDirect(batch * per * 4).order(ByteOrder.nativeOrder()).asFloatBuffer();
			Random r = new Random(1);
			for (int i = 0; i < batch * per; i++)
				data.put((float) r.nextGaussian());
			data.rewind();
			OnnxTensor t = OnnxTensor.createTensor(env, data, new long[] { batch, 3, hw[0], hw[1] });
			return new RawImageTower(session, t, model.pixelInputName(), batch);
		}
		catch (OrtException e) {
			if (session != null) {
				try {
					session.close();
				}
				catch (OrtException ignored) {
					// already failing
				}
			}
			throw new ModelException(model.visionModelPath() + ": ONNX Runtime cannot open it for the raw measurement ("
				+ org.mubench.base.Messages.oneLine(e) + ")", e);
		}
	}

	/** Images per call. */
	public int batch() {
		return batch;
	}

	/** One forward pass over the pre-made batch; the outputs are dropped. */
	public void run() {
		try (OrtSession.Result r = session.run(Collections.singletonMap(inputName, input))) {
			if (r.size() == 0) throw new ModelException("The vision tower returned no output");
		}
		catch (OrtException e) {
			throw new ModelException("Raw image-tower run failed: " + org.mubench.base.Messages.oneLine(e), e);
		}
	}

	@Override
	public void close() {
		input.close();
		try {
			session.close();
		}
		catch (OrtException e) {
			// nothing left to free
		}
	}
}
