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

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;


import org.mubench.base.Json;

/**
 * Writes a small CLIP-style model with random (seeded) weights in the layout of Hugging Face ONNX exports:
 * {@code onnx/vision_model.onnx}, {@code onnx/text_model.onnx}, {@code tokenizer.json}, {@code tokenizer_config.json},
 * {@code preprocessor_config.json} and {@code config.json}. It stands in for a real CLIP in tests and demos: the graphs
 * have the same inputs and outputs, the tokenizer is a byte-level BPE with CLIP's special tokens, and different seeds
 * give models with the same architecture and different weights (what the weight merge needs).
 *
 * <p>Vision tower: patchify Conv (+bias) → ReLU → global average pool → linear projection (+bias). Text tower: token
 * and position embeddings → tanh → cumulative sum along the sequence → the row at the end-of-text token (found with
 * ArgMax over the ids, since EOT has the largest id, as in CLIP) → linear projection. Padding after EOT therefore does
 * not change the embedding.
 */
public final class TinyClip {
	public static final String START_TOKEN = "<|startoftext|>";
	public static final String END_TOKEN = "<|endoftext|>";
	/** 256 byte symbols, then the same 256 as word endings ({@code </w>}), then start and end of text. */
	public static final int VOCAB_SIZE = 514;
	public static final int START_ID = 512;
	public static final int END_ID = 513;
	static final long OPSET = 17;
	static final long IR_VERSION = 8;

	/** Options of the generated model. */
	public static final class Options {
		long seed = 0;
		int imageSize = 224;
		int embedDim = 32;
		int width = 32;
		int contextLength = 77;
		boolean fp16;
		boolean externalData;
		boolean attentionMask;

		public Options seed(long v) { seed = v; return this; }
		/** Input image side (the model takes square images); at least 8. */
		public Options imageSize(int v) { imageSize = v; return this; }
		/** Size of the joint embedding (projection_dim). */
		public Options embedDim(int v) { embedDim = v; return this; }
		/** Hidden width of both towers. */
		public Options width(int v) { width = v; return this; }
		/** Maximum number of tokens (max_position_embeddings); CLIP uses 77. */
		public Options contextLength(int v) { contextLength = v; return this; }
		/** Store the weights as float16 (the graph casts them to float32). */
		public Options fp16(boolean v) { fp16 = v; return this; }
		/** Store the larger weights in {@code onnx/<model>.onnx_data} (ONNX external data). */
		public Options externalData(boolean v) { externalData = v; return this; }
		/** Declare {@code attention_mask} as a second text input (multiplies the token features). */
		public Options attentionMask(boolean v) { attentionMask = v; return this; }

		public int patchSize() {
			return Math.max(2, imageSize / 8);
		}
	}

	private TinyClip() {}

	/** Writes the model folder (created if needed; existing files of the same names are replaced). */
	public static void write(Path dir, Options o) throws IOException {
		if (o.imageSize < 8) throw new IllegalArgumentException("image size must be at least 8, got " + o.imageSize);
		if (o.embedDim < 1 || o.width < 1 || o.contextLength < 3)
			throw new IllegalArgumentException("embedding dim and width must be ≥ 1 and context length ≥ 3");
		Path onnx = dir.resolve("onnx");
		Files.createDirectories(onnx);
		writeModel(visionModel(o), onnx.resolve("vision_model.onnx"), o.externalData);
		writeModel(textModel(o), onnx.resolve("text_model.onnx"), o.externalData);
		writeJson(dir.resolve("tokenizer.json"), tokenizer());
		writeJson(dir.resolve("tokenizer_config.json"), tokenizerConfig(o));
		writeJson(dir.resolve("preprocessor_config.json"), preprocessorConfig(o));
		writeJson(dir.resolve("config.json"), config(o));
	}

	// ---- graphs ----

	/** Accumulates initializers and nodes; float weights go through a Cast when stored as float16. */
	private static final class Builder {
		final Options o;
		final Random random;
		final OnnxGraph g = new OnnxGraph();

		Builder(Options o, long stream, String name) {
			this.o = o;
			this.random = new Random(o.seed * 1_000_003L + stream);
			g.name = name;
		}

		/** A float weight with normal(0, std) values; returns the name of the float32 value to use in nodes. */
		String weight(String name, double std, long... dims) {
			long n = 1;
			for (long d : dims) n *= d;
			ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(n * (o.fp16 ? 2 : 4))).order(ByteOrder.LITTLE_ENDIAN);
			for (long i = 0; i < n; i++) {
				double v = random.nextGaussian() * std;
				if (o.fp16) b.putShort((short) HalfFloats.doubleToHalf(v));
				else b.putFloat((float) v);
			}
			g.initializers.add(new OnnxTensor(name, o.fp16 ? OnnxDataType.FLOAT16 : OnnxDataType.FLOAT, dims, b.array()));
			if (!o.fp16) return name;
			String cast = name + "_f32";
			node("Cast", name + "_cast", new String[] { name }, new String[] { cast },
				OnnxAttribute.ofInt("to", OnnxDataType.FLOAT));
			return cast;
		}

		/** An int64 constant (axes, shapes, indices); {@code scalar} makes it 0-dimensional. */
		String int64(String name, boolean scalar, long... values) {
			ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
			for (long v : values) b.putLong(v);
			g.initializers.add(new OnnxTensor(name, OnnxDataType.INT64, scalar ? new long[0] : new long[] { values.length },
				b.array()));
			return name;
		}

		void node(String op, String name, String[] inputs, String[] outputs, OnnxAttribute... attributes) {
			g.nodes.add(new OnnxNode(op, name, inputs, outputs, attributes));
		}

		OnnxModel model() {
			OnnxModel m = new OnnxModel();
			m.irVersion = IR_VERSION;
			m.producerName = "mubench-tinyclip";
			m.opsets.put("", OPSET);
			m.graph = g;
			return m;
		}
	}

	static OnnxModel visionModel(Options o) {
		Builder b = new Builder(o, 1, "tiny_clip_vision");
		int p = o.patchSize();
		int c = o.width;
		String convW = b.weight("vision.patch_embed.weight", 1.0 / Math.sqrt(3.0 * p * p), c, 3, p, p);
		String convB = b.weight("vision.patch_embed.bias", 0.5, c);
		String projW = b.weight("vision.projection.weight", 1.0 / Math.sqrt(c), c, o.embedDim);
		String projB = b.weight("vision.projection.bias", 0.1, o.embedDim);
		b.node("Conv", "patch_embed", new String[] { "pixel_values", convW, convB }, new String[] { "patches" },
			OnnxAttribute.ofInts("kernel_shape", p, p), OnnxAttribute.ofInts("strides", p, p));
		b.node("Relu", "act", new String[] { "patches" }, new String[] { "patches_act" });
		b.node("GlobalAveragePool", "pool", new String[] { "patches_act" }, new String[] { "pooled4d" });
		b.node("Flatten", "flatten", new String[] { "pooled4d" }, new String[] { "pooled" },
			OnnxAttribute.ofInt("axis", 1));
		b.node("MatMul", "projection", new String[] { "pooled", projW }, new String[] { "projected" });
		b.node("Add", "projection_bias", new String[] { "projected", projB }, new String[] { "image_embeds" });
		b.g.inputs.add(OnnxValueInfo.tensor("pixel_values", OnnxDataType.FLOAT, "batch_size", 3, o.imageSize, o.imageSize));
		b.g.outputs.add(OnnxValueInfo.tensor("image_embeds", OnnxDataType.FLOAT, "batch_size", o.embedDim));
		return b.model();
	}

	static OnnxModel textModel(Options o) {
		Builder b = new Builder(o, 2, "tiny_clip_text");
		int w = o.width;
		String tok = b.weight("text.token_embedding.weight", 1.0, VOCAB_SIZE, w);
		String pos = b.weight("text.position_embedding.weight", 0.5, o.contextLength, w);
		String proj = b.weight("text.projection.weight", 1.0 / Math.sqrt(w), w, o.embedDim);
		String one = b.int64("const.one", true, 1);
		String axis0 = b.int64("const.axes0", false, 0);
		String axis1 = b.int64("const.axes1", false, 1);
		String axis2 = b.int64("const.axes2", false, 2);
		String expandShape = b.int64("const.expand_shape", false, 1, 1, w);
		b.node("Gather", "token_embedding", new String[] { tok, "input_ids" }, new String[] { "tokens" },
			OnnxAttribute.ofInt("axis", 0));
		b.node("Shape", "ids_shape", new String[] { "input_ids" }, new String[] { "ids_shape" });
		b.node("Gather", "seq_len", new String[] { "ids_shape", one }, new String[] { "seq_len" },
			OnnxAttribute.ofInt("axis", 0));
		b.node("Unsqueeze", "seq_len_1d", new String[] { "seq_len", axis0 }, new String[] { "seq_len_1d" });
		b.node("Slice", "positions", new String[] { pos, axis0, "seq_len_1d", axis0 }, new String[] { "positions" });
		b.node("Add", "add_positions", new String[] { "tokens", "positions" }, new String[] { "embedded" });
		b.node("Tanh", "act", new String[] { "embedded" }, new String[] { "features" });
		String features = "features";
		if (o.attentionMask) {
			b.node("Cast", "mask_float", new String[] { "attention_mask" }, new String[] { "mask_float" },
				OnnxAttribute.ofInt("to", OnnxDataType.FLOAT));
			b.node("Unsqueeze", "mask_3d", new String[] { "mask_float", axis2 }, new String[] { "mask_3d" });
			b.node("Mul", "apply_mask", new String[] { "features", "mask_3d" }, new String[] { "masked" });
			features = "masked";
		}
		b.node("CumSum", "context", new String[] { features, one }, new String[] { "context" });
		b.node("ArgMax", "eot_position", new String[] { "input_ids" }, new String[] { "eot" },
			OnnxAttribute.ofInt("axis", 1), OnnxAttribute.ofInt("keepdims", 1));
		b.node("Unsqueeze", "eot_3d", new String[] { "eot", axis2 }, new String[] { "eot_3d" });
		b.node("Expand", "eot_index", new String[] { "eot_3d", expandShape }, new String[] { "eot_index" });
		b.node("GatherElements", "pool_eot", new String[] { "context", "eot_index" }, new String[] { "pooled3d" },
			OnnxAttribute.ofInt("axis", 1));
		b.node("Squeeze", "pooled", new String[] { "pooled3d", axis1 }, new String[] { "pooled" });
		b.node("MatMul", "projection", new String[] { "pooled", proj }, new String[] { "text_embeds" });
		b.g.inputs.add(OnnxValueInfo.tensor("input_ids", OnnxDataType.INT64, "batch_size", "sequence_length"));
		if (o.attentionMask)
			b.g.inputs.add(OnnxValueInfo.tensor("attention_mask", OnnxDataType.INT64, "batch_size", "sequence_length"));
		b.g.outputs.add(OnnxValueInfo.tensor("text_embeds", OnnxDataType.FLOAT, "batch_size", o.embedDim));
		return b.model();
	}

	/** Writes the model; with external data, every initializer of 128 bytes or more goes to {@code <name>_data}. */
	static void writeModel(OnnxModel m, Path file, boolean external) throws IOException {
		if (external) {
			String location = file.getFileName().toString() + "_data";
			try (OutputStream data = Files.newOutputStream(file.resolveSibling(location))) {
				long offset = 0;
				for (OnnxTensor t : m.graph.initializers) {
					if (t.rawData.length < 128) continue;
					byte[] bytes = t.rawData;
					data.write(bytes);
					t.setExternal(location, offset, bytes.length);
					offset += bytes.length;
				}
			}
		}
		m.write(file);
	}

	// ---- tokenizer and configs ----

	/**
	 * GPT-2/CLIP byte-to-character table: printable bytes map to themselves, the others to code points from 256 on, so
	 * every byte string becomes printable text (what the ByteLevel pre-tokenizer does).
	 */
	static char[] byteSymbols() {
		char[] table = new char[256];
		int next = 256;
		for (int b = 0; b < 256; b++) {
			boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
			table[b] = printable ? (char) b : (char) next++;
		}
		return table;
	}

	static Map<String, Object> tokenizer() {
		char[] symbols = byteSymbols();
		Map<String, Object> vocab = new LinkedHashMap<>();
		for (int b = 0; b < 256; b++) vocab.put(String.valueOf(symbols[b]), b);
		for (int b = 0; b < 256; b++) vocab.put(symbols[b] + "</w>", 256 + b);
		vocab.put(START_TOKEN, START_ID);
		vocab.put(END_TOKEN, END_ID);

		Map<String, Object> t = new LinkedHashMap<>();
		t.put("version", "1.0");
		t.put("truncation", null);
		t.put("padding", null);
		t.put("added_tokens", Arrays.asList(addedToken(START_ID, START_TOKEN), addedToken(END_ID, END_TOKEN)));
		t.put("normalizer", map("type", "Sequence", "normalizers", Arrays.asList(map("type", "NFC"),
			map("type", "Replace", "pattern", map("Regex", "\\s+"), "content", " "), map("type", "Lowercase"))));
		// CLIP's word split, then bytes to printable symbols.
		t.put("pre_tokenizer", map("type", "Sequence", "pretokenizers", Arrays.asList(
			map("type", "Split", "pattern", map("Regex", "'s|'t|'re|'ve|'m|'ll|'d|[\\p{L}]+|[\\p{N}]|[^\\s\\p{L}\\p{N}]+"),
				"behavior", "Removed", "invert", true),
			map("type", "ByteLevel", "add_prefix_space", false, "trim_offsets", true, "use_regex", false))));
		List<Object> single = Arrays.asList(map("SpecialToken", map("id", START_TOKEN, "type_id", 0)),
			map("Sequence", map("id", "A", "type_id", 0)), map("SpecialToken", map("id", END_TOKEN, "type_id", 0)));
		List<Object> pair = new ArrayList<>(single);
		pair.add(map("Sequence", map("id", "B", "type_id", 1)));
		pair.add(map("SpecialToken", map("id", END_TOKEN, "type_id", 1)));
		Map<String, Object> specials = new LinkedHashMap<>();
		specials.put(START_TOKEN, map("id", START_TOKEN, "ids", Arrays.asList(START_ID), "tokens", Arrays.asList(START_TOKEN)));
		specials.put(END_TOKEN, map("id", END_TOKEN, "ids", Arrays.asList(END_ID), "tokens", Arrays.asList(END_TOKEN)));
		t.put("post_processor", map("type", "TemplateProcessing", "single", single, "pair", pair, "special_tokens", specials));
		t.put("decoder", map("type", "ByteLevel", "add_prefix_space", true, "trim_offsets", true, "use_regex", true));
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("type", "BPE");
		model.put("dropout", null);
		model.put("unk_token", null);
		model.put("continuing_subword_prefix", "");
		model.put("end_of_word_suffix", "</w>");
		model.put("fuse_unk", false);
		model.put("byte_fallback", false);
		model.put("vocab", vocab);
		// No merges: every word is spelled out byte by byte, which keeps the vocabulary tiny and covers any input.
		model.put("merges", new ArrayList<>());
		t.put("model", model);
		return t;
	}

	private static Map<String, Object> addedToken(int id, String content) {
		return map("id", id, "content", content, "single_word", false, "lstrip", false, "rstrip", false,
			"normalized", true, "special", true);
	}

	static Map<String, Object> tokenizerConfig(Options o) {
		return map("model_max_length", o.contextLength, "bos_token", START_TOKEN, "eos_token", END_TOKEN,
			"pad_token", END_TOKEN, "unk_token", END_TOKEN, "do_lower_case", true, "tokenizer_class", "CLIPTokenizer");
	}

	static Map<String, Object> preprocessorConfig(Options o) {
		return map("crop_size", map("height", o.imageSize, "width", o.imageSize), "do_center_crop", true,
			"do_normalize", true, "do_resize", true, "do_convert_rgb", true,
			"image_mean", Arrays.asList(0.48145466, 0.4578275, 0.40821073),
			"image_std", Arrays.asList(0.26862954, 0.26130258, 0.27577711), "resample", 3,
			"size", map("shortest_edge", o.imageSize), "image_processor_type", "CLIPImageProcessor");
	}

	static Map<String, Object> config(Options o) {
		return map("model_type", "clip", "architectures", Arrays.asList("CLIPModel"), "projection_dim", o.embedDim,
			"logit_scale_init_value", 2.6592,
			"text_config", map("max_position_embeddings", o.contextLength, "vocab_size", VOCAB_SIZE, "hidden_size", o.width,
				"bos_token_id", START_ID, "eos_token_id", END_ID, "pad_token_id", END_ID),
			"vision_config", map("image_size", o.imageSize, "patch_size", o.patchSize(), "hidden_size", o.width,
				"num_channels", 3),
			"mubench_tiny_clip", map("seed", o.seed, "fp16", o.fp16, "external_data", o.externalData));
	}

	private static Map<String, Object> map(Object... kv) {
		Map<String, Object> m = new LinkedHashMap<>();
		for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
		return m;
	}

	private static void writeJson(Path file, Object value) throws IOException {
		Json.PRETTY.writeValue(file.toFile(), value);
	}
}
