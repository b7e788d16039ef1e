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
package org.mubench.testdata;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.mubench.data.Annotation;
import org.mubench.data.Question;
import org.mubench.data.Sample;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes shards in the on-disk form of the Hugging Face release {@code jnirschl/uBench} perception/0.1.0: Arrow IPC
 * <em>stream</em> files {@code PREFIX-0000K-of-0000N.arrow} plus {@code dataset_info.json}, with the release's column
 * types (nested {@code questions} with int64 {@code answer_idx}, {@code captions} with string {@code answer_idx},
 * {@code bbox}/{@code polygon} as list&lt;struct&lt;className, points: list&lt;double&gt;&gt;&gt;, {@code image} as
 * struct&lt;bytes, path&gt;) and the {@code huggingface} schema metadata holding the features JSON with ClassLabel names.
 * The layout was taken from the ubench-mini fixture (written by HF {@code datasets}) with pyarrow.
 *
 * <pre>
 * List&lt;Path&gt; shards = TestShards.builder().add(sample0).add(sample1).shards(2).writeTo(dir);
 * </pre>
 *
 * Knobs for broken data: {@link Builder#omitColumn}, {@link Builder#shuffleColumns}, {@link Builder#truncate},
 * {@link Builder#nullQuestions}, {@link Builder#nullCaptions}, {@link Builder#rowsPerBatch}.
 */
public final class TestShards {
	private TestShards() {}

	/** The release's question keys, in the order of its {@code questions} struct. */
	public static final List<String> QUESTION_KEYS = Collections.unmodifiableList(Arrays.asList("classification",
		"domain", "modality", "stain", "subdomain", "submodality"));
	/** The release's caption keys, in the order of its {@code captions} struct. */
	public static final List<String> CAPTION_KEYS = Collections.unmodifiableList(Arrays.asList("modality_0",
		"modality_1", "submodality_0", "submodality_1", "domain_0", "domain_1", "stain_0", "stain_1",
		"classification_0", "classification_1"));
	/** The release's top-level columns, in order. */
	public static final List<String> COLUMNS = Collections.unmodifiableList(Arrays.asList("image_id", "image",
		"label", "label_name", "dataset", "domain", "institution", "license", "microns_per_pixel", "modality",
		"ncbitaxon_id", "ncbitaxon_name", "pmid", "split", "stain", "subdomain", "submodality", "synthetic", "captions",
		"questions", "bbox", "polygon"));

	public static Builder builder() {
		return new Builder();
	}

	public static final class Builder {
		private final List<Sample> samples = new ArrayList<>();
		private final Set<Long> nullQuestions = new HashSet<>();
		private final Set<Long> nullCaptions = new HashSet<>();
		private final Set<String> omitted = new HashSet<>();
		private final Map<Integer, Long> truncations = new HashMap<>();
		private int shards = 1;
		private int rowsPerBatch = 1000;
		private String prefix = "ubench-test";
		private List<String> labelNames;
		private Long shuffleSeed;
		private boolean metadata = true;
		private boolean datasetInfo = true;
		private String description = "Test shards in the layout of jnirschl/uBench perception/0.1.0.";

		public Builder add(Sample sample) {
			samples.add(sample);
			return this;
		}

		public Builder add(Sample.Builder sample) {
			return add(sample.build());
		}

		public Builder addAll(Iterable<Sample> all) {
			for (Sample s : all) add(s);
			return this;
		}

		/** Number of shard files; rows are split into contiguous, near-equal parts in insertion order. */
		public Builder shards(int n) {
			if (n < 1) throw new IllegalArgumentException("shards must be >= 1");
			shards = n;
			return this;
		}

		/** Rows per record batch (the {@code datasets} library writes 1000, or 100 for image datasets). */
		public Builder rowsPerBatch(int n) {
			if (n < 1) throw new IllegalArgumentException("rowsPerBatch must be >= 1");
			rowsPerBatch = n;
			return this;
		}

		/** File name prefix; default {@code ubench-test}. */
		public Builder prefix(String p) {
			prefix = p;
			return this;
		}

		/** Global ClassLabel names; by default derived from the samples' (label, label_name) pairs. */
		public Builder labelNames(List<String> names) {
			labelNames = new ArrayList<>(names);
			return this;
		}

		/** Leaves out a top-level column from every shard. */
		public Builder omitColumn(String column) {
			omitted.add(column);
			return this;
		}

		/** Writes the top-level columns in a shuffled order (seeded) instead of the release's. */
		public Builder shuffleColumns(long seed) {
			shuffleSeed = seed;
			return this;
		}

		/** Writes a null {@code questions} struct for the sample added at position {@code index} (0-based). */
		public Builder nullQuestions(long index) {
			nullQuestions.add(index);
			return this;
		}

		/** Writes a null {@code captions} struct for the sample added at position {@code index} (0-based). */
		public Builder nullCaptions(long index) {
			nullCaptions.add(index);
			return this;
		}

		/** Cuts shard {@code shard} after writing: keep {@code offset} bytes, or drop {@code -offset} bytes if negative. */
		public Builder truncate(int shard, long offset) {
			truncations.put(shard, offset);
			return this;
		}

		/** Writes no {@code huggingface} schema metadata (class names then unknown). */
		public Builder withoutMetadata() {
			metadata = false;
			return this;
		}

		/** The {@code description} written into {@code dataset_info.json}. */
		public Builder description(String text) {
			description = text;
			return this;
		}

		/** Writes no {@code dataset_info.json}. */
		public Builder withoutDatasetInfo() {
			datasetInfo = false;
			return this;
		}

		/** Writes the shards (and {@code dataset_info.json}) into {@code dir}; returns the shard paths in order. */
		public List<Path> writeTo(Path dir) throws IOException {
			Files.createDirectories(dir);
			List<String> names = labelNames != null ? labelNames : deriveLabelNames(samples);
			List<String> questionKeys = keys(QUESTION_KEYS, true);
			List<String> captionKeys = keys(CAPTION_KEYS, false);
			String features = featuresJson(names, questionKeys, captionKeys).toString();
			Schema schema = schema(questionKeys, captionKeys, metadata ? features : null);

			List<Path> paths = new ArrayList<>();
			int n = samples.size();
			long index = 0;
			for (int k = 0; k < shards; k++) {
				int from = (int) ((long) n * k / shards), to = (int) ((long) n * (k + 1) / shards);
				Path file = dir.resolve(String.format("%s-%05d-of-%05d.arrow", prefix, k, shards));
				List<Map<String, Object>> rows = new ArrayList<>();
				for (int i = from; i < to; i++, index++)
					rows.add(toRow(samples.get(i), nullQuestions.contains(index), nullCaptions.contains(index),
						questionKeys, captionKeys));
				writeShard(file, schema, rows, rowsPerBatch);
				Long cut = truncations.get(k);
				if (cut != null) truncateFile(file, cut);
				paths.add(file);
			}
			if (datasetInfo) {
				ObjectNode info = JSON.createObjectNode();
				info.put("description", description);
				info.set("features", JSON.readTree(features).get("info").get("features"));
				ObjectNode split = info.putObject("splits").putObject("test");
				split.put("name", "test");
				split.put("num_examples", n);
				Files.write(dir.resolve("dataset_info.json"),
					JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(info));
			}
			return paths;
		}

		/** The default keys, plus any extra keys the samples use (e.g. {@code cognition_0}), in first-seen order. */
		private List<String> keys(List<String> defaults, boolean questions) {
			List<String> keys = new ArrayList<>(defaults);
			for (Sample s : samples)
				for (String key : (questions ? s.questions : s.captions).keySet())
					if (!keys.contains(key)) keys.add(key);
			return keys;
		}

		private Schema schema(List<String> questionKeys, List<String> captionKeys, String features) {
			List<Field> fields = new ArrayList<>();
			for (String c : COLUMNS) {
				if (omitted.contains(c)) continue;
				fields.add(field(c, questionKeys, captionKeys));
			}
			if (shuffleSeed != null) Collections.shuffle(fields, new Random(shuffleSeed));
			Map<String, String> meta = features == null ? null : Collections.singletonMap("huggingface", features);
			return new Schema(fields, meta);
		}
	}

	private static final ObjectMapper JSON = new ObjectMapper();

	// ---- schema ---------------------------------------------------------------------------------------------------

	static Field field(String column, List<String> questionKeys, List<String> captionKeys) {
		switch (column) {
			case "image":
				return struct("image", binary("bytes"), string("path"));
			case "label":
				return leaf("label", new ArrowType.Int(64, true));
			case "microns_per_pixel":
				return leaf("microns_per_pixel", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE));
			case "synthetic":
				return leaf("synthetic", ArrowType.Bool.INSTANCE);
			case "captions": {
				List<Field> children = new ArrayList<>();
				for (String k : captionKeys)
					children.add(struct(k, string("answer_idx"), string("id"), string("name"), list("options", string("item")),
						string("question"), list("tags", string("item"))));
				return new Field("captions", FieldType.nullable(ArrowType.Struct.INSTANCE), children);
			}
			case "questions": {
				List<Field> children = new ArrayList<>();
				for (String k : questionKeys)
					children.add(struct(k, string("answer"), leaf("answer_idx", new ArrowType.Int(64, true)), string("id"),
						string("name"), list("options", string("item")), string("question"), list("tags", string("item"))));
				return new Field("questions", FieldType.nullable(ArrowType.Struct.INSTANCE), children);
			}
			case "bbox":
			case "polygon":
				return list(column, struct("item", string("className"),
					list("points", leaf("item", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)))));
			default:
				return string(column);
		}
	}

	private static Field leaf(String name, ArrowType type) {
		return new Field(name, FieldType.nullable(type), null);
	}

	private static Field string(String name) {
		return leaf(name, ArrowType.Utf8.INSTANCE);
	}

	private static Field binary(String name) {
		return leaf(name, ArrowType.Binary.INSTANCE);
	}

	private static Field struct(String name, Field... children) {
		return new Field(name, FieldType.nullable(ArrowType.Struct.INSTANCE), Arrays.asList(children));
	}

	private static Field list(String name, Field item) {
		return new Field(name, FieldType.nullable(ArrowType.List.INSTANCE), Collections.singletonList(item));
	}

	/** The {@code huggingface} metadata value: {"info": {"features": {...}}} as the datasets library writes it. */
	static ObjectNode featuresJson(List<String> labelNames, List<String> questionKeys, List<String> captionKeys) {
		ObjectNode root = JSON.createObjectNode();
		ObjectNode f = root.putObject("info").putObject("features");
		for (String c : COLUMNS) {
			switch (c) {
				case "image":
					f.putObject("image").put("_type", "Image");
					break;
				case "label": {
					ObjectNode l = f.putObject("label");
					ArrayNode names = l.putArray("names");
					for (String n : labelNames) names.add(n);
					l.put("_type", "ClassLabel");
					break;
				}
				case "microns_per_pixel":
					value(f, c, "float64");
					break;
				case "synthetic":
					value(f, c, "bool");
					break;
				case "captions":
				case "questions": {
					ObjectNode s = f.putObject(c);
					boolean q = c.equals("questions");
					for (String k : q ? questionKeys : captionKeys) {
						ObjectNode e = s.putObject(k);
						if (q) value(e, "answer", "string");
						value(e, "answer_idx", q ? "int64" : "string");
						value(e, "id", "string");
						value(e, "name", "string");
						listOf(e, "options", "string");
						value(e, "question", "string");
						listOf(e, "tags", "string");
					}
					break;
				}
				case "bbox":
				case "polygon": {
					ObjectNode l = f.putObject(c);
					ObjectNode item = l.putObject("feature");
					value(item, "className", "string");
					listOf(item, "points", "float64");
					l.put("_type", "List");
					break;
				}
				default:
					value(f, c, "string");
			}
		}
		return root;
	}

	private static void value(ObjectNode parent, String name, String dtype) {
		ObjectNode v = parent.putObject(name);
		v.put("dtype", dtype);
		v.put("_type", "Value");
	}

	private static void listOf(ObjectNode parent, String name, String dtype) {
		ObjectNode l = parent.putObject(name);
		value(l, "feature", dtype);
		l.put("_type", "List");
	}

	static List<String> deriveLabelNames(List<Sample> samples) {
		int max = -1;
		for (Sample s : samples)
			if (s.label != null) max = Math.max(max, s.label);
		List<String> names = new ArrayList<>();
		for (int i = 0; i <= max; i++) names.add("class_" + i);
		for (Sample s : samples)
			if (s.label != null && s.label >= 0 && s.labelName != null) names.set(s.label, s.labelName);
		return names;
	}

	// ---- rows -----------------------------------------------------------------------------------------------------

	/** A sample as the nested plain values the writer takes (String, Long, Double, Boolean, byte[], List, Map). */
	static Map<String, Object> toRow(Sample s, boolean nullQuestions, boolean nullCaptions, List<String> questionKeys,
		List<String> captionKeys)
	{
		Map<String, Object> r = new HashMap<>();
		r.put("image_id", s.imageId);
		if (s.imageBytes != null || s.imagePath != null) {
			Map<String, Object> image = new HashMap<>();
			image.put("bytes", s.imageBytes);
			image.put("path", s.imagePath);
			r.put("image", image);
		}
		r.put("label", s.label == null ? null : Long.valueOf(s.label));
		r.put("label_name", s.labelName);
		r.put("dataset", s.datasetRaw);
		r.put("domain", s.domain);
		r.put("institution", s.institution);
		r.put("license", s.license);
		r.put("microns_per_pixel", s.micronsPerPixel);
		r.put("modality", s.modality);
		r.put("ncbitaxon_id", s.ncbitaxonId);
		r.put("ncbitaxon_name", s.ncbitaxonName);
		r.put("pmid", s.pmid);
		r.put("split", s.split);
		r.put("stain", s.stain);
		r.put("subdomain", s.subdomain);
		r.put("submodality", s.submodality);
		r.put("synthetic", s.synthetic);
		if (!nullQuestions) {
			Map<String, Object> q = new HashMap<>();
			for (String k : questionKeys) q.put(k, question(s.questions.get(k), false));
			r.put("questions", q);
		}
		if (!nullCaptions) {
			Map<String, Object> c = new HashMap<>();
			for (String k : captionKeys) c.put(k, question(s.captions.get(k), true));
			r.put("captions", c);
		}
		r.put("bbox", annotations(s.boxes));
		r.put("polygon", annotations(s.polygons));
		return r;
	}

	private static Map<String, Object> question(Question q, boolean caption) {
		if (q == null) return null;
		Map<String, Object> m = new HashMap<>();
		if (!caption) m.put("answer", q.answer);
		m.put("answer_idx", caption ? (Object) Integer.toString(q.answerIdx) : (Object) Long.valueOf(q.answerIdx));
		m.put("id", q.id);
		m.put("name", q.name);
		m.put("options", new ArrayList<Object>(q.options));
		m.put("question", q.text);
		m.put("tags", q.tags.isEmpty() ? null : new ArrayList<Object>(q.tags));
		return m;
	}

	private static List<Object> annotations(List<Annotation> list) {
		if (list == null || list.isEmpty()) return null;
		List<Object> out = new ArrayList<>();
		for (Annotation a : list) {
			Map<String, Object> m = new HashMap<>();
			m.put("className", a.className);
			List<Object> pts = new ArrayList<>();
			for (double p : a.points) pts.add(p);
			m.put("points", pts);
			out.add(m);
		}
		return out;
	}

	// ---- writing --------------------------------------------------------------------------------------------------

	static void writeShard(Path file, Schema schema, List<Map<String, Object>> rows, int rowsPerBatch)
		throws IOException
	{
		try (BufferAllocator allocator = new RootAllocator(Long.MAX_VALUE);
			VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator);
			OutputStream out = Files.newOutputStream(file);
			ArrowStreamWriter writer = new ArrowStreamWriter(root, null, Channels.newChannel(out)))
		{
			writer.start();
			for (int from = 0; from < rows.size(); from += rowsPerBatch) {
				int to = Math.min(rows.size(), from + rowsPerBatch);
				root.clear();
				root.allocateNew();
				for (FieldVector v : root.getFieldVectors())
					for (int i = from; i < to; i++) set(v, i - from, rows.get(i).get(v.getName()));
				root.setRowCount(to - from);
				writer.writeBatch();
			}
			writer.end();
		}
	}

	@SuppressWarnings("unchecked")
	private static void set(FieldVector v, int i, Object value) {
		if (v instanceof StructVector) {
			StructVector s = (StructVector) v;
			Map<String, Object> m = (Map<String, Object>) value;
			if (m == null) s.setNull(i);
			else s.setIndexDefined(i);
			for (FieldVector child : s.getChildrenFromFields())
				set(child, i, m == null ? null : m.get(child.getName()));
			return;
		}
		if (v instanceof ListVector) {
			ListVector l = (ListVector) v;
			if (value == null) {
				l.setNull(i);
				return;
			}
			List<Object> items = (List<Object>) value;
			int start = l.startNewValue(i);
			FieldVector data = (FieldVector) l.getDataVector();
			for (int k = 0; k < items.size(); k++) set(data, start + k, items.get(k));
			l.endValue(i, items.size());
			return;
		}
		if (value == null) {
			if (v instanceof VarCharVector) ((VarCharVector) v).setNull(i);
			else if (v instanceof VarBinaryVector) ((VarBinaryVector) v).setNull(i);
			else if (v instanceof BigIntVector) ((BigIntVector) v).setNull(i);
			else if (v instanceof Float8Vector) ((Float8Vector) v).setNull(i);
			else if (v instanceof BitVector) ((BitVector) v).setNull(i);
			else throw new IllegalArgumentException("no null writer for " + v.getField());
			return;
		}
		if (v instanceof VarCharVector) ((VarCharVector) v).setSafe(i, value.toString().getBytes(StandardCharsets.UTF_8));
		else if (v instanceof VarBinaryVector) ((VarBinaryVector) v).setSafe(i, (byte[]) value);
		else if (v instanceof BigIntVector) ((BigIntVector) v).setSafe(i, ((Number) value).longValue());
		else if (v instanceof Float8Vector) ((Float8Vector) v).setSafe(i, ((Number) value).doubleValue());
		else if (v instanceof BitVector) ((BitVector) v).setSafe(i, ((Boolean) value) ? 1 : 0);
		else throw new IllegalArgumentException("no writer for " + v.getField());
	}

	static void truncateFile(Path file, long offset) throws IOException {
		try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
			long keep = offset >= 0 ? offset : f.length() + offset;
			if (keep < 0 || keep > f.length()) throw new IllegalArgumentException("cannot cut " + file + " at " + offset);
			f.setLength(keep);
		}
	}

	// ---- typical samples ------------------------------------------------------------------------------------------

	/** Options of a question with the gold answer at {@code answerIdx} and {@code none of the above} last. */
	public static Question question(String key, String name, String text, List<String> options, int answerIdx) {
		return new Question(key, "q-" + key + "-" + Integer.toHexString(options.hashCode()), name, text,
			options.get(answerIdx), answerIdx, options, null);
	}

	/** A caption question whose options are {@code template} filled with each option, the last kept bare. */
	public static Question caption(String key, String id, String template, List<String> options, int answerIdx) {
		List<String> sentences = new ArrayList<>();
		for (int i = 0; i < options.size(); i++) {
			String o = options.get(i);
			sentences.add(o.equals("none of the above") ? o : template.replace("{class}", o));
		}
		String name = key.substring(0, key.lastIndexOf('_'));
		return new Question(key, id, name, template, null, answerIdx, sentences, null);
	}

	/**
	 * A complete light-microscopy sample of {@code dataset} (all five coarse questions, a classification question over
	 * {@code classes} with {@code labelName} gold, and the ten captions), as the release lays one out.
	 */
	public static Sample.Builder typical(long row, String dataset, String labelName, List<String> classes, byte[] png) {
		Sample.Builder b = Sample.builder(row);
		b.imageId = "img-" + row;
		b.imageBytes = png;
		b.labelName = labelName;
		b.label = classes.indexOf(labelName);
		b.dataset = dataset;
		b.domain = "pathology";
		b.subdomain = "hematopathology";
		b.modality = "light microscopy";
		b.submodality = "brightfield microscopy";
		b.stain = "H&E";
		b.institution = "test";
		b.license = "CC0-1.0";
		b.micronsPerPixel = 0.25;
		b.ncbitaxonId = "NCBITaxon_9606";
		b.ncbitaxonName = "Homo sapiens";
		b.split = "test";
		b.synthetic = false;
		put(b, "domain", "What is the most likely field of study this micrograph would be used for?",
			Arrays.asList("biology", "pathology", "cytology", "none of the above"), 1,
			"A micrograph, typically studied in {class}.", "A microscopy image frequently studied in {class}.");
		put(b, "subdomain", "What is the most likely subfield of study this micrograph would be used for?",
			Arrays.asList("cell biology", "hematopathology", "botany", "none of the above"), 1, null, null);
		put(b, "modality", "What is the most likely microscopy modality used to acquire this image?",
			Arrays.asList("electron microscopy", "light microscopy", "fluorescence microscopy", "none of the above"), 1,
			"A micrograph acquired through {class}.", "A microscopy image obtained through {class}.");
		put(b, "submodality", "What is the most likely microscopy submodality used to acquire this image?",
			Arrays.asList("darkfield microscopy", "brightfield microscopy", "synthetic", "none of the above"), 1,
			"A micrograph acquired through {class}.", "A microscopy image obtained through {class}.");
		put(b, "stain", "What is the most likely technique used to stain this micrograph?",
			Arrays.asList("Congo Red", "H&E", "None", "none of the above"), 1, "A micrograph stained with {class}.",
			"A microscopy image stained with {class}.");
		List<String> opts = new ArrayList<>(classes);
		opts.add("none of the above");
		put(b, "classification", "Which cell type is shown?", opts, classes.indexOf(labelName),
			"A light micrograph of a {class}.", "A micrograph showing a {class}.");
		// captions in the release's key order
		Map<String, Question> ordered = new LinkedHashMap<>();
		for (String k : CAPTION_KEYS)
			if (b.captions.containsKey(k)) ordered.put(k, b.captions.get(k));
		b.captions.clear();
		b.captions.putAll(ordered);
		return b;
	}

	private static void put(Sample.Builder b, String name, String text, List<String> options, int gold, String t0,
		String t1)
	{
		Question q = question(name, name, text, options, gold);
		b.questions.put(name, q);
		if (t0 != null) b.captions.put(name + "_0", caption(name + "_0", q.id, t0, options, gold));
		if (t1 != null) b.captions.put(name + "_1", caption(name + "_1", q.id, t1, options, gold));
	}
}
