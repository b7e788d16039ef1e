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

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;

import org.mubench.base.Messages;
import org.mubench.model.ModelException;
import org.mubench.model.device.DeviceChoice;
import org.mubench.model.onnx.OnnxDataType;
import org.mubench.model.onnx.OnnxModel;
import org.mubench.model.onnx.OnnxValueInfo;

/**
 * One ONNX graph loaded into ONNX Runtime through DJL, with the names, shapes and element types of its inputs and
 * outputs as the graph declares them (dynamic dimensions are -1). The declarations are read by our ONNX protobuf layer
 * ({@link OnnxModel}, which leaves the weights on disk), not from the session.
 */
final class OrtGraph implements AutoCloseable {
	/** A declared input or output. */
	static final class Tensor {
		final String name;
		final long[] shape;
		/** ONNX element type ({@link OnnxDataType#FLOAT}, {@link OnnxDataType#INT64}, …); 0 for a non-tensor value. */
		final int type;

		Tensor(String name, long[] shape, int type) {
			this.name = name;
			this.shape = shape;
			this.type = type;
		}

		int rank() {
			return shape == null ? -1 : shape.length;
		}

		/** The element type for messages ({@code float32}, {@code int64}, …). */
		String typeName() {
			return OnnxDataType.name(type);
		}

		@Override
		public String toString() {
			return "'" + name + "' " + (shape == null ? "?" : Arrays.toString(shape).replace("-1", "?"));
		}
	}

	/** The file as named in messages (relative to the model folder). */
	final String file;
	final Map<String, Tensor> inputs;
	final Map<String, Tensor> outputs;
	private final ZooModel<NDList, NDList> model;
	/** One predictor per stream: a DJL predictor is not for concurrent use, the ONNX Runtime session under it is. */
	private final List<Predictor<NDList, NDList>> predictors = new ArrayList<>();

	private OrtGraph(String file, ZooModel<NDList, NDList> model, Map<String, Tensor> inputs, Map<String, Tensor> outputs,
		int streams)
	{
		this.file = file;
		this.model = model;
		this.inputs = inputs;
		this.outputs = outputs;
		for (int i = 0; i < streams; i++)
			predictors.add(model.newPredictor());
	}

	/**
	 * @param path the .onnx file
	 * @param file its name relative to the model folder, for messages
	 * @param threads intra-op threads of each call (> 0)
	 * @param streams calls that may run at the same time ({@link #run(NDList, int)})
	 */
	static OrtGraph load(Path path, String file, DeviceChoice device, int threads, int streams) {
		Djl.requireOnnxRuntime(file);
		Device djlDevice = device.gpu ? Device.gpu(device.index) : Device.cpu();
		Criteria<NDList, NDList> criteria = Criteria.builder()
			.setTypes(NDList.class, NDList.class)
			.optModelPath(path)
			.optEngine(Djl.ONNX_RUNTIME)
			.optDevice(djlDevice)
			.optTranslator(new NoopTranslator())
			.optOption("intraOpNumThreads", Integer.toString(threads))
			// One graph runs at a time per model; parallel branches gain little on CLIP towers.
			.optOption("interOpNumThreads", "1")
			.build();
		ZooModel<NDList, NDList> model;
		try {
			model = Djl.call(criteria::loadModel);
		}
		catch (RuntimeException e) {
			Throwable cause = e instanceof Djl.WrappedException ? e.getCause() : e;
			Throwable detail = cause;
			if (cause instanceof MalformedModelException && cause.getCause() != null) detail = cause.getCause();
			throw new ModelException(file + " cannot be loaded by ONNX Runtime (" + Messages.firstLine(detail)
				+ "): download or export it again (docs/models.md).", cause);
		}
		try {
			Map<String, Tensor> in = new LinkedHashMap<>();
			Map<String, Tensor> out = new LinkedHashMap<>();
			describe(path, file, in, out);
			return new OrtGraph(file, model, in, out, Math.max(1, streams));
		}
		catch (RuntimeException e) {
			model.close();
			throw e;
		}
	}

	/**
	 * Runs the graph. Inputs are created by {@code manager} (an ONNX Runtime manager the caller closes) and named after
	 * the graph's inputs; the result lives in the same manager.
	 */
	NDList run(NDList inputs) {
		return run(inputs, 0);
	}

	/** Runs the graph on stream {@code stream}'s predictor; different streams run at the same time. */
	NDList run(NDList inputs, int stream) {
		Predictor<NDList, NDList> predictor = predictors.get(stream);
		synchronized (predictor) {
			return Djl.call(() -> predictor.predict(inputs));
		}
	}

	/** A fresh ONNX Runtime manager for one call's inputs and outputs (close it). */
	static NDManager newManager() {
		return Djl.call(() -> NDManager.newBaseManager(Device.cpu(), Djl.ONNX_RUNTIME));
	}

	/** The rows of a [B, D] float output. */
	static float[][] rows(NDArray array, String file) {
		Shape shape = array.getShape();
		if (shape.dimension() != 2) throw new ModelException(file + ": output '" + array.getName() + "' has shape " + shape
			+ " but must be [batch, embedding]: export the tower with its projection output (docs/models.md).");
		if (array.getDataType() != DataType.FLOAT32) throw new ModelException(file + ": output '" + array.getName() + "' is "
			+ array.getDataType() + " but must be float32: use a float32 export (docs/models.md).");
		float[] flat = Djl.call(array::toFloatArray);
		int b = (int) shape.get(0);
		int d = (int) shape.get(1);
		float[][] out = new float[b][];
		for (int i = 0; i < b; i++)
			out[i] = Arrays.copyOfRange(flat, i * d, (i + 1) * d);
		return out;
	}

	private boolean closed;

	/** Frees the session; safe to call twice. */
	@Override
	public synchronized void close() {
		if (closed) return;
		closed = true;
		for (Predictor<NDList, NDList> p : predictors)
			p.close();
		model.close();
	}

	/**
	 * Reads the declared inputs and outputs from the file. Inputs that are initializers (weights listed as inputs by
	 * old exporters) are left out, as ONNX Runtime leaves them out of the inputs a caller feeds.
	 */
	static void describe(Path path, String file, Map<String, Tensor> in, Map<String, Tensor> out) {
		OnnxModel m;
		try {
			m = OnnxModel.read(path);
		}
		catch (IOException e) {
			throw new ModelException(file + " cannot be read as an ONNX graph (" + Messages.firstLine(e)
				+ "): download or export it again (docs/models.md).", e);
		}
		for (OnnxValueInfo v : m.graph.feedInputs())
			in.put(v.name, tensor(v));
		for (OnnxValueInfo v : m.graph.outputs)
			out.put(v.name, tensor(v));
	}

	private static Tensor tensor(OnnxValueInfo v) {
		long[] shape = v.elemType == OnnxDataType.UNDEFINED || !v.hasShape ? null : v.dimValues.clone();
		return new Tensor(v.name, shape, v.elemType);
	}
}
