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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes small CLIP-style model folders in the Hugging Face ONNX layout for the engine's tests, with switches for
 * every shape of folder the loader must accept or refuse. The ONNX protobuf is written by hand (field numbers from
 * onnx.proto) so these tests depend on nothing but the engine.
 * <p>
 * Vision tower: Flatten(pixel_values [B,3,S,S]) · W → image_embeds [B,D]. Text tower without a mask: CLIP's own
 * pooling, the running sum of token embeddings taken at the position of the highest id (the end-of-text token), then a
 * projection; with a mask: the masked mean of token embeddings, then a projection. Weights are seeded random numbers.
 */
public final class TestClipFolder {
	/** The words of the test tokenizer; ids follow this order, then start (V-2) and end (V-1) of text. */
	public static final String[] WORDS = { "<unk>", "a", "photo", "of", "cell", "nucleus", "mitosis", "tissue", "stained", "with",
		"blue", "red", "green", "micrograph", "light", "electron", "microscopy", "the", "an", "image" };
	public static final int VOCAB = WORDS.length + 2;
	public static final int BOS = VOCAB - 2, EOS = VOCAB - 1;

	public int size = 8;
	public int imageDim = 8;
	public int textDim = 8;
	public int visionRank = 4;
	public int textRank = 2;
	public boolean attentionMask;
	/** Fixed sequence length of the text graph, or -1 for a dynamic one. */
	public int fixedLength = -1;
	public boolean tokenizer = true;
	public boolean preprocessor = true;
	public boolean config = true;
	public boolean quantizedCopy;
	/** Replace the vision graph by these bytes (e.g. garbage). */
	public byte[] visionBytes;
	public int contextLength = 16;
	public Double logitScale = Math.log(100);
	public long seed = 7;

	public Path write(Path dir) throws IOException {
		Files.createDirectories(dir.resolve("onnx"));
		byte[] vision = visionBytes != null ? visionBytes : visionModel();
		byte[] text = textModel();
		Files.write(dir.resolve("onnx/vision_model.onnx"), vision);
		Files.write(dir.resolve("onnx/text_model.onnx"), text);
		if (quantizedCopy) {
			Files.write(dir.resolve("onnx/vision_model_quantized.onnx"), vision);
			Files.write(dir.resolve("onnx/text_model_quantized.onnx"), text);
		}
		if (tokenizer) {
			Files.write(dir.resolve("tokenizer.json"), tokenizerJson().getBytes(StandardCharsets.UTF_8));
			Files.write(dir.resolve("tokenizer_config.json"), ("{\"model_max_length\": 77, \"pad_token\": \"<|endoftext|>\","
				+ " \"bos_token\": \"<|startoftext|>\", \"eos_token\": \"<|endoftext|>\"}").getBytes(StandardCharsets.UTF_8));
		}
		if (preprocessor) Files.write(dir.resolve("preprocessor_config.json"), ("{\"do_resize\": true, \"size\": {\"shortest_edge\": "
			+ size + "}, \"do_center_crop\": true, \"crop_size\": {\"height\": " + size + ", \"width\": " + size + "},"
			+ " \"do_normalize\": true, \"image_mean\": [0.5, 0.5, 0.5], \"image_std\": [0.25, 0.25, 0.25], \"resample\": 3}")
				.getBytes(StandardCharsets.UTF_8));
		if (config) Files.write(dir.resolve("config.json"), ("{\"model_type\": \"clip\", "
			+ (logitScale == null ? "" : "\"logit_scale_init_value\": " + logitScale + ", ")
			+ "\"text_config\": {\"max_position_embeddings\": " + contextLength + "}}").getBytes(StandardCharsets.UTF_8));
		return dir;
	}

	/** A word-level tokenizer with CLIP's start/end tokens around every text. */
	public static String tokenizerJson() {
		StringBuilder vocab = new StringBuilder();
		for (int i = 0; i < WORDS.length; i++)
			vocab.append('"').append(WORDS[i]).append("\": ").append(i).append(", ");
		vocab.append("\"<|startoftext|>\": ").append(BOS).append(", \"<|endoftext|>\": ").append(EOS);
		return "{\"version\": \"1.0\", \"truncation\": null, \"padding\": null,"
			+ " \"added_tokens\": [" + added(BOS, "<|startoftext|>") + ", " + added(EOS, "<|endoftext|>") + "],"
			+ " \"normalizer\": {\"type\": \"Lowercase\"},"
			+ " \"pre_tokenizer\": {\"type\": \"Whitespace\"},"
			+ " \"post_processor\": {\"type\": \"TemplateProcessing\","
			+ "  \"single\": [{\"SpecialToken\": {\"id\": \"<|startoftext|>\", \"type_id\": 0}}, {\"Sequence\": {\"id\": \"A\", \"type_id\": 0}}, {\"SpecialToken\": {\"id\": \"<|endoftext|>\", \"type_id\": 0}}],"
			+ "  \"pair\": [{\"Sequence\": {\"id\": \"A\", \"type_id\": 0}}, {\"Sequence\": {\"id\": \"B\", \"type_id\": 1}}],"
			+ "  \"special_tokens\": {\"<|startoftext|>\": {\"id\": \"<|startoftext|>\", \"ids\": [" + BOS + "], \"tokens\": [\"<|startoftext|>\"]},"
			+ "   \"<|endoftext|>\": {\"id\": \"<|endoftext|>\", \"ids\": [" + EOS + "], \"tokens\": [\"<|endoftext|>\"]}}},"
			+ " \"decoder\": null,"
			+ " \"model\": {\"type\": \"WordLevel\", \"vocab\": {" + vocab + "}, \"unk_token\": \"<unk>\"}}";
	}

	private static String added(int id, String content) {
		return "{\"id\": " + id + ", \"content\": \"" + content + "\", \"single_word\": false, \"lstrip\": false,"
			+ " \"rstrip\": false, \"normalized\": false, \"special\": true}";
	}

	/** Values per image the vision graph flattens: 3·S·S for rank 4 (3·S for the rank-3 test variant). */
	public int visionInputs() {
		int in = 3;
		for (int i = 2; i < visionRank; i++)
			in *= size;
		return in;
	}

	/** The vision projection [3·S·S, D], row-major, exactly as written into the graph. */
	public float[] visionWeights() {
		return random(new Random(seed), visionInputs() * imageDim, 0.05f);
	}

	/** The token embedding table [V, D] and the text projection [D, D], as written into the graph. */
	public float[][] textWeights() {
		Random r = new Random(seed + 1);
		float[] table = random(r, VOCAB * textDim, 1f);
		float[] proj = random(r, textDim * textDim, 0.5f);
		return new float[][] { table, proj };
	}

	/** What the vision tower must give for one image, computed here in plain Java (double sums), L2-normalised. */
	public float[] expectedImageEmbedding(float[] pixels) {
		return unit(matVec(pixels, visionWeights(), imageDim));
	}

	/**
	 * What the text tower must give for a short text (no truncation), computed here: word ids looked up by hand, then
	 * the sum (CLIP pooling at the end token = sum of all the text's tokens) or the mean (masked), projected, normalised.
	 */
	public float[] expectedTextEmbedding(String text) {
		String[] words = text.toLowerCase(java.util.Locale.ROOT).trim().split("\\s+");
		long[] ids = new long[words.length + 2];
		ids[0] = BOS;
		for (int i = 0; i < words.length; i++)
			ids[i + 1] = Math.max(0, java.util.Arrays.asList(WORDS).indexOf(words[i]));
		ids[ids.length - 1] = EOS;
		float[][] w = textWeights();
		double[] pooled = new double[textDim];
		for (long id : ids)
			for (int d = 0; d < textDim; d++)
				pooled[d] += w[0][(int) id * textDim + d];
		float[] p = new float[textDim];
		for (int d = 0; d < textDim; d++)
			p[d] = (float) (attentionMask ? pooled[d] / ids.length : pooled[d]);
		return unit(matVec(p, w[1], textDim));
	}

	private static float[] matVec(float[] x, float[] w, int cols) {
		float[] out = new float[cols];
		for (int c = 0; c < cols; c++) {
			double s = 0;
			for (int r = 0; r < x.length; r++)
				s += (double) x[r] * w[r * cols + c];
			out[c] = (float) s;
		}
		return out;
	}

	private static float[] unit(float[] v) {
		double n = 0;
		for (float x : v)
			n += (double) x * x;
		n = Math.sqrt(n);
		float[] out = new float[v.length];
		for (int i = 0; i < v.length; i++)
			out[i] = (float) (v[i] / n);
		return out;
	}

	public byte[] visionModel() {
		int in = visionInputs();
		Msg graph = new Msg().str(2, "vision");
		graph.msg(1, node("Flatten", new String[] { "pixel_values" }, new String[] { "flat" }, intAttr("axis", 1)));
		graph.msg(1, node("MatMul", new String[] { "flat", "w" }, new String[] { "image_embeds" }));
		graph.msg(5, floatTensor("w", visionWeights(), in, imageDim));
		Object[] dims = new Object[visionRank];
		dims[0] = "batch";
		for (int i = 1; i < visionRank; i++)
			dims[i] = i == 1 ? (Object) 3L : (Object) (long) size;
		graph.msg(11, valueInfo("pixel_values", 1, dims));
		graph.msg(12, valueInfo("image_embeds", 1, "batch", (long) imageDim));
		return model(graph);
	}

	public byte[] textModel() {
		float[][] w = textWeights();
		Msg graph = new Msg().str(2, "text");
		graph.msg(5, floatTensor("table", w[0], VOCAB, textDim));
		graph.msg(5, floatTensor("proj", w[1], textDim, textDim));
		graph.msg(1, node("Gather", new String[] { "table", "input_ids" }, new String[] { "tokens" }, intAttr("axis", 0)));
		if (attentionMask) {
			// Masked mean of the token embeddings: padding must not count.
			graph.msg(5, longTensor("axis2", new long[] { 2 }, 1));
			graph.msg(5, longTensor("axis1", new long[] { 1 }, 1));
			graph.msg(1, node("Cast", new String[] { "attention_mask" }, new String[] { "maskf" }, intAttr("to", 1)));
			graph.msg(1, node("Unsqueeze", new String[] { "maskf", "axis2" }, new String[] { "mask3" }));
			graph.msg(1, node("Mul", new String[] { "tokens", "mask3" }, new String[] { "masked" }));
			graph.msg(1, node("ReduceSum", new String[] { "masked", "axis1" }, new String[] { "sum" }, intAttr("keepdims", 0)));
			graph.msg(1, node("ReduceSum", new String[] { "maskf", "axis1" }, new String[] { "count" }, intAttr("keepdims", 1)));
			graph.msg(1, node("Div", new String[] { "sum", "count" }, new String[] { "pooled" }));
		}
		else {
			// CLIP's pooling: the running sum at the end-of-text token (the highest id, first occurrence).
			graph.msg(5, longTensor("axis1", new long[] { 1 }, 1));
			graph.msg(5, longTensor("expand", new long[] { 1, 1, textDim }, 3));
			graph.msg(1, node("CumSum", new String[] { "tokens", "axis1" }, new String[] { "running" }));
			graph.msg(1, node("ArgMax", new String[] { "input_ids" }, new String[] { "eot" }, intAttr("axis", 1), intAttr("keepdims", 1)));
			graph.msg(1, node("Unsqueeze", new String[] { "eot", "axis2b" }, new String[] { "eot3" }));
			graph.msg(5, longTensor("axis2b", new long[] { 2 }, 1));
			graph.msg(1, node("Expand", new String[] { "eot3", "expand" }, new String[] { "eotD" }));
			graph.msg(1, node("GatherElements", new String[] { "running", "eotD" }, new String[] { "picked" }, intAttr("axis", 1)));
			graph.msg(1, node("Squeeze", new String[] { "picked", "axis1" }, new String[] { "pooled" }));
		}
		graph.msg(1, node("MatMul", new String[] { "pooled", "proj" }, new String[] { "text_embeds" }));
		Object seq = fixedLength > 0 ? (Object) (long) fixedLength : "sequence";
		Object[] idsDims = textRank == 2 ? new Object[] { "batch", seq } : new Object[] { "batch", seq, 1L };
		graph.msg(11, valueInfo("input_ids", 7, idsDims));
		if (attentionMask) graph.msg(11, valueInfo("attention_mask", 7, "batch", seq));
		graph.msg(12, valueInfo("text_embeds", 1, "batch", (long) textDim));
		return model(graph);
	}

	private static float[] random(Random r, int n, float scale) {
		float[] w = new float[n];
		for (int i = 0; i < n; i++)
			w[i] = (float) (r.nextGaussian() * scale);
		return w;
	}

	private static byte[] model(Msg graph) {
		return new Msg().varint(1, 8).msg(8, new Msg().str(1, "").varint(2, 17)).str(2, "mubench-test").msg(7, graph).bytes();
	}

	private static Msg node(String op, String[] inputs, String[] outputs, Msg... attributes) {
		Msg n = new Msg();
		for (String i : inputs)
			n.str(1, i);
		for (String o : outputs)
			n.str(2, o);
		n.str(3, op + "_" + outputs[0]).str(4, op);
		for (Msg a : attributes)
			n.msg(5, a);
		return n;
	}

	private static Msg intAttr(String name, long value) {
		return new Msg().str(1, name).varint(3, value).varint(20, 2);
	}

	private static Msg floatTensor(String name, float[] values, long... dims) {
		ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
		for (float v : values)
			b.putFloat(v);
		Msg t = new Msg();
		for (long d : dims)
			t.varint(1, d);
		return t.varint(2, 1).str(8, name).raw(9, b.array());
	}

	private static Msg longTensor(String name, long[] values, long... dims) {
		ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
		for (long v : values)
			b.putLong(v);
		Msg t = new Msg();
		for (long d : dims)
			t.varint(1, d);
		return t.varint(2, 7).str(8, name).raw(9, b.array());
	}

	/** @param dims Long for a fixed dimension, String for a named dynamic one */
	private static Msg valueInfo(String name, int elemType, Object... dims) {
		Msg shape = new Msg();
		for (Object d : dims)
			shape.msg(1, d instanceof Long ? new Msg().varint(1, (Long) d) : new Msg().str(2, (String) d));
		Msg tensor = new Msg().varint(1, elemType).msg(2, shape);
		return new Msg().str(1, name).msg(2, new Msg().msg(1, tensor));
	}

	/** A protobuf message written field by field. */
	static final class Msg {
		private final ByteArrayOutputStream out = new ByteArrayOutputStream();

		Msg varint(int field, long value) {
			tag(field, 0);
			writeVarint(value);
			return this;
		}

		Msg str(int field, String s) {
			return raw(field, s.getBytes(StandardCharsets.UTF_8));
		}

		Msg msg(int field, Msg m) {
			return raw(field, m.bytes());
		}

		Msg raw(int field, byte[] b) {
			tag(field, 2);
			writeVarint(b.length);
			out.write(b, 0, b.length);
			return this;
		}

		byte[] bytes() {
			return out.toByteArray();
		}

		private void tag(int field, int wire) {
			writeVarint(((long) field << 3) | wire);
		}

		private void writeVarint(long v) {
			while ((v & ~0x7FL) != 0) {
				out.write((int) ((v & 0x7F) | 0x80));
				v >>>= 7;
			}
			out.write((int) v);
		}
	}
}
