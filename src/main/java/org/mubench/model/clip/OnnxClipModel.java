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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.mubench.image.PreprocessConfig;
import org.mubench.model.ModelException;
import org.mubench.model.ModelOptions;
import org.mubench.model.device.DeviceChoice;
import org.mubench.model.device.DeviceSelector;
import org.mubench.model.onnx.OnnxDataType;

/**
 * A CLIP-style model exported to ONNX in the Hugging Face layout: {@code onnx/vision_model.onnx} ({@code pixel_values}
 * [B,3,H,W] → {@code image_embeds}), {@code onnx/text_model.onnx} ({@code input_ids} [B,L], plus
 * {@code attention_mask} when declared → {@code text_embeds}), {@code tokenizer.json},
 * {@code preprocessor_config.json} and optionally {@code config.json} / {@code tokenizer_config.json}.
 * <p>
 * Options ({@link ModelOptions#extra}): {@code variant=quantized} (or {@code quantized=true}) loads
 * {@code onnx/vision_model_quantized.onnx} and {@code onnx/text_model_quantized.onnx}; any other variant name loads
 * {@code *_NAME.onnx} likewise.
 */
public final class OnnxClipModel extends AbstractClipModel {
	static final String VISION = "vision_model";
	static final String TEXT = "text_model";

	private final OrtGraph vision;
	private final OrtGraph text;
	private final String pixelInput;
	private final String imageOutput;
	private final OrtGraph.Tensor idsInput;
	private final OrtGraph.Tensor maskInput;
	private final OrtGraph.Tensor typeIdsInput;
	private final OrtGraph.Tensor positionInput;
	private final String textOutput;
	private final int fixedTextLength;
	private int embeddingSize;
	private final DeviceChoice device;
	private Path visionPath;
	private int threads;
	private final ImageStreams streams;

	/** The preprocessing and which graph variant answers (a quantized tower answers differently from fp32). */
	@Override
	public java.util.Map<String, Object> answerSettings() {
		java.util.Map<String, Object> m = super.answerSettings();
		if (visionPath != null) m.put("vision_graph", visionPath.getFileName().toString());
		return m;
	}

	private OnnxClipModel(String name, PreprocessConfig pre, ClipTokenizer tokenizer, float logitScale, int batchSize,
		int height, int width, Towers t, DeviceChoice device)
	{
		super(name, pre, tokenizer, logitScale, batchSize, height, width);
		this.vision = t.vision;
		this.text = t.text;
		this.pixelInput = t.pixelInput;
		this.imageOutput = t.imageOutput;
		this.idsInput = t.idsInput;
		this.maskInput = t.maskInput;
		this.typeIdsInput = t.typeIdsInput;
		this.positionInput = t.positionInput;
		this.textOutput = t.textOutput;
		this.fixedTextLength = t.fixedTextLength;
		this.streams = t.streams;
		this.device = device;
	}

	/** Opens a model folder with the runtimes installed on this machine. */
	public static OnnxClipModel open(Path dir, ModelOptions options) {
		ModelOptions o = options == null ? new ModelOptions() : options;
		return open(dir, o, DeviceSelector.installed(o.listener));
	}

	/** Opens a model folder, choosing the device with {@code selector}. */
	public static OnnxClipModel open(Path dir, ModelOptions options, DeviceSelector selector) {
		ModelOptions o = options == null ? new ModelOptions() : options;
		// DJL's engine first: it must own ONNX Runtime's process-wide environment (see Djl.init).
		Djl.init();
		ModelFolder folder = new ModelFolder(dir);
		String suffix = variantSuffix(o);
		String visionFile = "onnx/" + VISION + suffix + ".onnx";
		String textFile = "onnx/" + TEXT + suffix + ".onnx";
		// Cheap checks first, so an incomplete folder fails before any graph loads.
		Path visionPath = folder.require(visionFile, hint(folder, VISION, suffix));
		Path textPath = folder.require(textFile, hint(folder, TEXT, suffix));
		folder.tokenizerFile();
		PreprocessConfig pre = folder.preprocessing();
		float logitScale = folder.logitScale();

		DeviceChoice device = selector.select(o.device, DeviceSelector.Runtime.ONNX_RUNTIME);
		int threads = o.threads > 0 ? o.threads : java.lang.Runtime.getRuntime().availableProcessors();

		Towers towers;
		try {
			towers = Towers.load(visionPath, visionFile, textPath, textFile, device, threads, o);
		}
		catch (ModelException e) {
			if (!device.gpu || device.explicit) throw e;
			// auto chose CUDA because the provider is compiled in, but the session could not use it (no driver, wrong
			// CUDA): the CPU still works.
			o.listener.log("Device: falling back to cpu, the CUDA session failed: " + e.getMessage());
			device = DeviceChoice.cpu(false, "auto: CUDA session failed, using cpu");
			towers = Towers.load(visionPath, visionFile, textPath, textFile, device, threads, o);
		}
		try {
			int[] hw = towers.imageSize(pre, folder);
			ClipTokenizer tokenizer = ClipTokenizer.forFolder(folder, towers.fixedTextLength);
			OnnxClipModel model = new OnnxClipModel(folder.name(), pre, tokenizer, logitScale, o.batchSize, hw[0], hw[1],
				towers, device);
			model.visionPath = visionPath;
			model.threads = threads;
			try {
				model.checkEmbeddingSizes(visionFile, textFile);
			}
			catch (RuntimeException e) {
				model.close();
				throw e;
			}
			o.listener.log("Model " + folder.name() + ": " + visionFile + " + " + textFile + " on " + device + ", "
				+ (towers.streams.streams > 1 ? towers.streams + " (image tower)" : threads + " threads") + ", input " + hw[0] + "x" + hw[1] + ", context " + tokenizer.contextLength()
				+ (model.maskInput != null ? " (with attention_mask)" : "") + ", logit scale " + logitScale + ", family " + folder.profile());
			return model;
		}
		catch (RuntimeException e) {
			towers.close();
			throw e;
		}
	}

	/** The device the towers run on. */
	public DeviceChoice device() {
		return device;
	}

	/** The vision tower's .onnx file (the benchmark opens it again, bare, for the raw ONNX Runtime figure). */
	public Path visionModelPath() {
		return visionPath;
	}

	@Override
	public boolean saturatesCpu() {
		return !device.gpu && threads >= java.lang.Runtime.getRuntime().availableProcessors();
	}

	@Override
	public java.util.Map<String, Object> runInfo() {
		java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
		m.put("device", device.toString());
		m.put("intra_op_threads", threads);
		m.put("image_streams", streams.streams);
		m.put("threads_per_image_stream", streams.threadsPerStream);
		return m;
	}

	/** How the image tower's batches are split over concurrent calls. */
	@Override
	public ImageStreams imageStreams() {
		return streams;
	}

	/** Intra-op threads in all (the text tower's; the image tower's are split over {@link #imageStreams()}). */
	public int intraOpThreads() {
		return threads;
	}

	/** [height, width] of the images the vision tower takes. */
	public int[] inputSize() {
		return new int[] { height, width };
	}

	/** Name of the vision tower's image input. */
	public String pixelInputName() {
		return pixelInput;
	}

	/** Size of the shared embedding space. */
	public int embeddingSize() {
		return embeddingSize;
	}

	/** True when the text graph declares an attention mask and it is fed. */
	boolean usesAttentionMask() {
		return maskInput != null;
	}

	@Override
	protected int fixedTextLength() {
		return fixedTextLength;
	}

	@Override
	protected float[][] runImages(float[] batch, int n) {
		try (NDManager manager = OrtGraph.newManager()) {
			NDArray x = manager.create(batch, new Shape(n, 3, height, width));
			x.setName(pixelInput);
			NDList out = vision.run(new NDList(x));
			return OrtGraph.rows(out.get(imageOutput), vision.file);
		}
	}

	@Override
	protected float[][] runImages(java.nio.FloatBuffer batch, int n, int stream) {
		try (NDManager manager = OrtGraph.newManager()) {
			// A direct buffer becomes the ONNX Runtime tensor as it is: no copy.
			NDArray x = manager.create(batch, new Shape(n, 3, height, width), ai.djl.ndarray.types.DataType.FLOAT32);
			x.setName(pixelInput);
			NDList out = vision.run(new NDList(x), stream);
			return OrtGraph.rows(out.get(imageOutput), vision.file);
		}
	}

	@Override
	protected float[][] runTexts(ClipTokenizer.Batch batch) {
		try (NDManager manager = OrtGraph.newManager()) {
			int n = batch.ids.length;
			int len = batch.length;
			NDList in = new NDList();
			in.add(integers(manager, idsInput, batch.ids, n, len));
			if (maskInput != null) in.add(integers(manager, maskInput, batch.mask, n, len));
			if (typeIdsInput != null) in.add(integers(manager, typeIdsInput, new long[n][len], n, len));
			if (positionInput != null) {
				long[][] pos = new long[n][len];
				for (long[] row : pos)
					for (int j = 0; j < len; j++)
						row[j] = j;
				in.add(integers(manager, positionInput, pos, n, len));
			}
			NDList out = text.run(in);
			return OrtGraph.rows(out.get(textOutput), text.file);
		}
	}

	private static NDArray integers(NDManager manager, OrtGraph.Tensor input, long[][] values, int n, int len) {
		NDArray a;
		if (input.type == OnnxDataType.INT32) {
			int[] flat = new int[n * len];
			for (int i = 0; i < n; i++)
				for (int j = 0; j < len; j++)
					flat[i * len + j] = (int) values[i][j];
			a = manager.create(flat, new Shape(n, len));
		}
		else {
			long[] flat = new long[n * len];
			for (int i = 0; i < n; i++)
				System.arraycopy(values[i], 0, flat, i * len, len);
			a = manager.create(flat, new Shape(n, len));
		}
		a.setName(input.name);
		return a;
	}

	/** Image and text embeddings must share one space; sizes come from the graphs, else from one probe call each. */
	private void checkEmbeddingSizes(String visionFile, String textFile) {
		long imageDim = lastDim(vision.outputs.get(imageOutput));
		long textDim = lastDim(text.outputs.get(textOutput));
		if (imageDim <= 0) imageDim = embedImages(java.util.Collections.singletonList(new float[3 * height * width]))[0].length;
		if (textDim <= 0) textDim = runTexts(tokenizer.encode(java.util.Collections.singletonList(""), fixedTextLength))[0].length;
		if (imageDim != textDim) throw new ModelException(visionFile + " gives " + imageDim + "-dimensional image embeddings but "
			+ textFile + " gives " + textDim + "-dimensional text embeddings: export both towers of the same model with their projections (image_embeds, text_embeds), see docs/models.md.");
		embeddingSize = (int) imageDim;
	}

	@Override
	public void close() {
		try {
			super.close();
		}
		finally {
			vision.close();
			text.close();
		}
	}

	private static long lastDim(OrtGraph.Tensor t) {
		return t == null || t.shape == null || t.shape.length == 0 ? -1 : t.shape[t.shape.length - 1];
	}

	private static String variantSuffix(ModelOptions o) {
		String v = o.extra.get("variant");
		if (v == null && Boolean.parseBoolean(o.extra.get("quantized"))) v = "quantized";
		if (v == null) return "";
		v = v.trim().toLowerCase(Locale.ROOT);
		if (v.isEmpty() || v.equals("default") || v.equals("fp32")) return "";
		if (!v.matches("[a-z0-9_]+")) throw new ModelException("Model option variant='" + v
			+ "' is not a file suffix: use e.g. variant=quantized for onnx/*_quantized.onnx.");
		return "_" + v;
	}

	/** What to do about a missing tower, naming the variants the folder does hold. */
	private static String hint(ModelFolder folder, String tower, String suffix) {
		List<String> found = new ArrayList<>();
		Path onnx = folder.dir.resolve("onnx");
		if (Files.isDirectory(onnx)) {
			try (java.util.stream.Stream<Path> files = Files.list(onnx)) {
				files.map(p -> p.getFileName().toString()).filter(f -> f.startsWith(tower) && f.endsWith(".onnx")).sorted()
					.forEach(found::add);
			}
			catch (java.io.IOException e) {
				// Only a hint.
			}
		}
		if (!found.isEmpty()) {
			String other = found.get(0);
			String variant = other.substring(tower.length(), other.length() - ".onnx".length());
			String option = variant.isEmpty() ? "drop the variant option" : "choose variant=" + variant.substring(1);
			return "the folder holds " + String.join(", ", found) + ", so " + option;
		}
		return "export the " + (tower.equals(VISION) ? "vision" : "text") + " tower with tools/export_onnx.py or download the model's ONNX export (docs/models.md)";
	}

	/** The two loaded graphs and what was found in them. */
	private static final class Towers implements AutoCloseable {
		OrtGraph vision, text;
		String pixelInput, imageOutput, textOutput;
		OrtGraph.Tensor idsInput, maskInput, typeIdsInput, positionInput;
		int fixedTextLength = -1;
		ImageStreams streams;

		static Towers load(Path visionPath, String visionFile, Path textPath, String textFile, DeviceChoice device, int threads,
			ModelOptions o)
		{
			Towers t = new Towers();
			t.streams = ImageStreams.choose(o.imageStreams, device.gpu, threads, o.batchSize);
			try {
				t.vision = OrtGraph.load(visionPath, visionFile, device, t.streams.threadsPerStream, t.streams.streams);
				t.inspectVision();
				t.text = OrtGraph.load(textPath, textFile, device, threads, 1);
				t.inspectText();
				return t;
			}
			catch (RuntimeException e) {
				t.close();
				throw e;
			}
		}

		private void inspectVision() {
			String file = vision.file;
			OrtGraph.Tensor input;
			if (vision.inputs.size() == 1) input = vision.inputs.values().iterator().next();
			else if (vision.inputs.containsKey("pixel_values")) input = vision.inputs.get("pixel_values");
			else throw new ModelException(file + " has inputs " + names(vision.inputs.values())
				+ " and none is 'pixel_values': export the vision tower with the image as its only input (docs/models.md).");
			if (input.rank() != 4) throw new ModelException(file + ": input " + input + " has rank " + input.rank()
				+ " but must be [batch, 3, height, width]: export the vision tower with a 4-dimensional pixel_values input (docs/models.md).");
			if (input.shape[1] > 0 && input.shape[1] != 3) throw new ModelException(file + ": input " + input
				+ " has " + input.shape[1] + " channels but must have 3 (RGB): export an RGB vision tower.");
			if (input.type != OnnxDataType.FLOAT) throw new ModelException(file + ": input " + input + " is " + input.typeName()
				+ " but must be float32: use a float32 export or variant=quantized (docs/models.md).");
			for (OrtGraph.Tensor other : vision.inputs.values()) {
				if (other != input) throw new ModelException(file + " has an extra input " + other
					+ " besides " + input + ": export the vision tower with pixel_values as its only input (docs/models.md).");
			}
			pixelInput = input.name;
			imageOutput = embeddingOutput(vision, "image_embeds");
		}

		private void inspectText() {
			String file = text.file;
			OrtGraph.Tensor ids = text.inputs.get("input_ids");
			if (ids == null) {
				for (OrtGraph.Tensor t : text.inputs.values()) {
					if (t.name.contains("mask") || t.name.contains("type") || t.name.contains("position")) continue;
					if (ids != null) throw new ModelException(file + " has inputs " + names(text.inputs.values())
						+ " and none is 'input_ids': export the text tower with input_ids (and attention_mask) as inputs (docs/models.md).");
					ids = t;
				}
				if (ids == null) throw new ModelException(file + " declares no token input: export the text tower with input_ids as input (docs/models.md).");
			}
			if (ids.rank() != 2) throw new ModelException(file + ": input " + ids + " has rank " + ids.rank()
				+ " but must be [batch, sequence]: export the text tower with a 2-dimensional input_ids input (docs/models.md).");
			checkInteger(file, ids);
			idsInput = ids;
			if (ids.shape[1] > 0) fixedTextLength = (int) ids.shape[1];
			for (OrtGraph.Tensor t : text.inputs.values()) {
				if (t == ids) continue;
				if (t.name.equals("attention_mask")) maskInput = t;
				else if (t.name.equals("token_type_ids")) typeIdsInput = t;
				else if (t.name.equals("position_ids")) positionInput = t;
				else throw new ModelException(file + " has an input " + t + " that is none of input_ids, attention_mask, token_type_ids, position_ids: export the text tower with those inputs only (docs/models.md).");
				if (t.rank() != 2) throw new ModelException(file + ": input " + t + " has rank " + t.rank()
					+ " but must be [batch, sequence] like input_ids: export the text tower again (docs/models.md).");
				checkInteger(file, t);
			}
			textOutput = embeddingOutput(text, "text_embeds");
		}

		private static void checkInteger(String file, OrtGraph.Tensor t) {
			if (t.type != OnnxDataType.INT64 && t.type != OnnxDataType.INT32) throw new ModelException(file + ": input " + t
				+ " is " + t.typeName() + " but token inputs must be int64 or int32: export the text tower again (docs/models.md).");
		}

		/** The output named {@code preferred}, else the only [batch, D] output. */
		private static String embeddingOutput(OrtGraph g, String preferred) {
			if (g.outputs.containsKey(preferred)) return preferred;
			String found = null;
			for (OrtGraph.Tensor t : g.outputs.values()) {
				if (t.rank() == 2) {
					if (found != null) throw new ModelException(g.file + " has several [batch, D] outputs " + names(g.outputs.values())
						+ " and none is '" + preferred + "': name the projected embedding output " + preferred + " when exporting (docs/models.md).");
					found = t.name;
				}
			}
			if (found == null) throw new ModelException(g.file + " has no [batch, D] embedding output (outputs " + names(g.outputs.values())
				+ "): export the tower with its projection, output '" + preferred + "' (docs/models.md).");
			return found;
		}

		/** [height, width] the vision tower takes: the graph's fixed size, which the preprocessing must produce. */
		int[] imageSize(PreprocessConfig pre, ModelFolder folder) {
			long[] shape = vision.inputs.get(pixelInput).shape;
			int h = pre.outputHeight();
			int w = pre.outputWidth();
			if (shape[2] > 0 && shape[3] > 0 && (shape[2] != h || shape[3] != w)) throw new ModelException(
				PreprocessConfigReader.FILE + " in " + folder.dir + " makes " + h + "x" + w + " images but " + vision.file
					+ " takes " + shape[2] + "x" + shape[3] + ": set crop_size (and size) to " + shape[2] + "x" + shape[3] + " or copy the file from the same model.");
			return new int[] { h, w };
		}

		private static String names(java.util.Collection<OrtGraph.Tensor> ts) {
			List<String> n = new ArrayList<>();
			for (OrtGraph.Tensor t : ts)
				n.add(t.name);
			return Arrays.toString(n.toArray());
		}

		@Override
		public void close() {
			if (vision != null) vision.close();
			if (text != null) text.close();
		}
	}
}
