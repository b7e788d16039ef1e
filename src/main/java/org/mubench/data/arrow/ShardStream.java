package org.mubench.data.arrow;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FloatingPointVector;
import org.apache.arrow.vector.LargeVarBinaryVector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.complex.LargeListVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.mubench.data.Annotation;
import org.mubench.data.DatasetException;
import org.mubench.data.Messages;
import org.mubench.data.ProgressListener;
import org.mubench.data.Question;
import org.mubench.data.Sample;
import org.mubench.data.SampleStream;

/**
 * Samples of the shards in order, one record batch in memory at a time. Columns are looked up by name in each shard.
 * When a shard cannot be read further, {@link #next()} throws one {@link DatasetException} naming the file and the
 * last row delivered, and the stream ends there (later shards would get wrong global row indices).
 */
final class ShardStream implements SampleStream {
	/** Columns without which a row cannot be benchmarked. The others are read when present. */
	static final String[] REQUIRED = { "image_id", "image", "dataset", "questions", "captions" };

	private final List<Path> shards;
	private final ProgressListener log;
	private final BufferAllocator allocator;

	private int nextShard;
	private Path file;
	private InputStream in;
	private ArrowStreamReader reader;
	private VectorSchemaRoot root;
	private Map<String, FieldVector> columns;
	private int batchRow, batchRows;
	private long row;
	private long fileRows;
	private DatasetException pending;
	private boolean done;

	ShardStream(List<Path> shards, ProgressListener log) {
		ArrowSupport.check();
		this.shards = shards;
		this.log = log;
		this.allocator = new RootAllocator(Long.MAX_VALUE);
	}

	@Override
	public boolean hasNext() {
		if (pending != null) return true;
		if (done) return false;
		try {
			while (batchRow >= batchRows) {
				if (reader == null) {
					if (nextShard >= shards.size()) {
						done = true;
						return false;
					}
					openShard(shards.get(nextShard++));
					continue;
				}
				if (!loadBatch()) {
					closeShard();
					continue;
				}
			}
			return true;
		}
		catch (DatasetException e) {
			pending = e;
			done = true;
			closeShard();
			return true;
		}
	}

	@Override
	public Sample next() {
		if (!hasNext()) throw new NoSuchElementException();
		if (pending != null) {
			DatasetException e = pending;
			pending = null;
			throw e;
		}
		Sample s = RowReader.read(columns, batchRow, row, file, log);
		batchRow++;
		row++;
		fileRows++;
		return s;
	}

	/** Arrow memory held now (the loaded batch), for tests of the one-batch-at-a-time promise. */
	long allocatedBytes() {
		return allocator.getAllocatedMemory();
	}

	/** Global index of the next row. */
	long position() {
		return row;
	}

	private void openShard(Path f) {
		file = f;
		fileRows = 0;
		batchRow = batchRows = 0;
		try {
			in = openChecked(f);
			reader = new ArrowStreamReader(in, allocator);
			root = reader.getVectorSchemaRoot();
		}
		catch (IOException | RuntimeException e) {
			closeShard();
			throw schemaError(f, e);
		}
		catch (LinkageError e) {
			closeShard();
			throw new DatasetException(ArrowSupport.message(e), e);
		}
		columns = new java.util.HashMap<>();
		for (FieldVector v : root.getFieldVectors()) columns.put(v.getName(), v);
		for (String c : REQUIRED)
			if (!columns.containsKey(c)) {
				List<String> have = new ArrayList<>(columns.keySet());
				java.util.Collections.sort(have);
				closeShard();
				throw new DatasetException(f + ": column '" + c + "' is missing (columns: " + String.join(", ", have) +
					"); this is not a μ-Bench shard — use the release's files (mubench download --dataset ubench)");
			}
		for (String c : new String[] { "questions", "captions" }) {
			Field field = columns.get(c).getField();
			if (!(field.getType() instanceof ArrowType.Struct)) {
				closeShard();
				throw new DatasetException(f + ": column '" + c + "' has type " + field.getType() +
					", expected a struct of questions; this is not a μ-Bench shard");
			}
		}
	}

	/** Loads the next record batch of the open shard; false at the end of the stream. */
	private boolean loadBatch() {
		boolean loaded;
		try {
			// Free the previous batch first: otherwise Arrow holds two batches while it reads the next body.
			root.clear();
			loaded = reader.loadNextBatch();
		}
		catch (IOException | RuntimeException e) {
			throw batchError(e);
		}
		catch (OutOfMemoryError e) {
			throw new DatasetException(file + ": the record batch " + (fileRows == 0 ? "at the start" : "after row " +
				(row - 1)) + " does not fit in memory (" + Messages.oneLine(e) + "); give Java more memory, e.g. java -Xmx2g", e);
		}
		if (!loaded) return false;
		batchRow = 0;
		batchRows = root.getRowCount();
		return true;
	}

	private DatasetException batchError(Exception e) {
		String where = fileRows == 0 ? "before its first row" : "after row " + (row - 1);
		String retry = "download it again (mubench download --dataset ubench --to " + file.getParent() + ")";
		if (isTruncation(e))
			return new DatasetException(file + ": stream ends inside a record batch " + where +
				"; the file is truncated — " + retry, e);
		return new DatasetException(file + ": cannot read the record batch " + where + " (" + Messages.oneLine(e) +
			"); the file is damaged — " + retry, e);
	}

	private static boolean isTruncation(Throwable e) {
		for (Throwable c = e; c != null; c = c.getCause()) {
			if (c instanceof EOFException) return true;
			String m = String.valueOf(c.getMessage()).toLowerCase(java.util.Locale.ROOT);
			if (m.contains("unexpected end") || m.contains("end of stream") || m.contains("end of input") ||
				m.contains("expected to read") || m.contains("truncated")) return true;
			if (c.getCause() == c) break;
		}
		return false;
	}

	/** Opens a shard after checking its first bytes, so that other formats get a plain message. */
	static InputStream openChecked(Path f) throws IOException {
		InputStream in;
		try {
			in = new BufferedInputStream(Files.newInputStream(f), 1 << 16);
		}
		catch (NoSuchFileException e) {
			throw new DatasetException(f + ": no such file", e);
		}
		in.mark(16);
		byte[] head = new byte[8];
		int n = 0;
		while (n < head.length) {
			int r = in.read(head, n, head.length - n);
			if (r < 0) break;
			n += r;
		}
		in.reset();
		String magic = new String(head, 0, Math.min(n, 6), java.nio.charset.StandardCharsets.ISO_8859_1);
		DatasetException problem = null;
		if (n < 8) problem = new DatasetException(f + ": only " + n +
			" bytes, too short for an Arrow IPC stream; the file is truncated — download it again");
		else if (magic.equals("ARROW1")) problem = new DatasetException(f +
			": an Arrow IPC *file* (random-access format), not the IPC *stream* format of the μ-Bench release");
		else if (magic.startsWith("PAR1")) problem = new DatasetException(f +
			": a Parquet file, not an Arrow IPC stream; use the release's perception/0.1.0 *.arrow shards");
		else if (!(head[0] == (byte) 0xff && head[1] == (byte) 0xff && head[2] == (byte) 0xff &&
			head[3] == (byte) 0xff) && !plausibleLegacyLength(head)) problem = new DatasetException(f +
				": not an Arrow IPC stream (it does not start with an Arrow message); is it a μ-Bench shard?");
		if (problem != null) {
			in.close();
			throw problem;
		}
		return in;
	}

	/** Pre-1.0 streams start directly with the little-endian length of the schema message. */
	private static boolean plausibleLegacyLength(byte[] head) {
		int len = (head[0] & 0xff) | (head[1] & 0xff) << 8 | (head[2] & 0xff) << 16 | (head[3] & 0xff) << 24;
		return len > 0 && len < (1 << 24) && (len % 8) == 0;
	}

	static DatasetException schemaError(Path f, Throwable e) {
		if (e instanceof DatasetException) return (DatasetException) e;
		if (ArrowSupport.isAccessFailure(e)) return new DatasetException(ArrowSupport.message(e), e);
		return new DatasetException(f + ": not an Arrow IPC stream, or its schema is damaged (" + Messages.oneLine(e) +
			"); download it again", e);
	}

	private void closeShard() {
		try {
			if (reader != null) reader.close(); // also closes the root's vectors and the input
			else if (in != null) in.close();
		}
		catch (IOException | RuntimeException e) {
			// nothing useful to do when closing a broken shard
		}
		reader = null;
		in = null;
		root = null;
		columns = null;
		batchRow = batchRows = 0;
	}

	@Override
	public void close() {
		closeShard();
		done = true;
		pending = null;
		allocator.close();
	}

	/** Converts one row of the loaded batch to a {@link Sample}. */
	static final class RowReader {
		private RowReader() {}

		static Sample read(Map<String, FieldVector> c, int i, long row, Path file, ProgressListener log) {
			Sample.Builder b = Sample.builder(row);
			b.imageId = str(c, "image_id", i);
			Object image = value(c, "image", i);
			if (image instanceof Map) {
				Map<?, ?> m = (Map<?, ?>) image;
				Object bytes = m.get("bytes");
				b.imageBytes = bytes instanceof byte[] ? (byte[]) bytes : null;
				b.imagePath = text(m.get("path"));
			}
			else if (image instanceof byte[]) b.imageBytes = (byte[]) image;
			Object label = value(c, "label", i);
			b.label = label instanceof Number ? Integer.valueOf(((Number) label).intValue()) : null;
			b.labelName = str(c, "label_name", i);
			b.dataset = str(c, "dataset", i);
			b.domain = str(c, "domain", i);
			b.institution = str(c, "institution", i);
			b.license = str(c, "license", i);
			Object mpp = value(c, "microns_per_pixel", i);
			b.micronsPerPixel = mpp instanceof Number ? Double.valueOf(((Number) mpp).doubleValue()) : null;
			b.modality = str(c, "modality", i);
			b.ncbitaxonId = str(c, "ncbitaxon_id", i);
			b.ncbitaxonName = str(c, "ncbitaxon_name", i);
			b.pmid = str(c, "pmid", i);
			b.split = str(c, "split", i);
			b.stain = str(c, "stain", i);
			b.subdomain = str(c, "subdomain", i);
			b.submodality = str(c, "submodality", i);
			Object syn = value(c, "synthetic", i);
			b.synthetic = syn instanceof Boolean ? (Boolean) syn : null;
			questions(b.questions, value(c, "questions", i), false, file, row, log);
			questions(b.captions, value(c, "captions", i), true, file, row, log);
			b.boxes = annotations(value(c, "bbox", i));
			b.polygons = annotations(value(c, "polygon", i));
			return b.build();
		}

		private static Object value(Map<String, FieldVector> c, String name, int i) {
			FieldVector v = c.get(name);
			return v == null ? null : plain(v, i);
		}

		/**
		 * One cell as plain Java values, read through the child vectors: structs become maps in schema order without
		 * their null children, lists become lists, strings {@code String}, binaries {@code byte[]}, integers
		 * {@code Long}, floats {@code Double}, booleans {@code Boolean}. Arrow's own {@code getObject} of a struct or
		 * list builds Jackson-backed maps that need jackson-datatype-jsr310, which older Fiji installations lack.
		 */
		static Object plain(ValueVector v, int i) {
			if (v.isNull(i)) return null;
			if (v instanceof StructVector) {
				Map<String, Object> m = new LinkedHashMap<>();
				for (FieldVector child : ((StructVector) v).getChildrenFromFields()) {
					Object x = plain(child, i);
					if (x != null) m.put(child.getName(), x);
				}
				return m;
			}
			if (v instanceof ListVector) {
				ListVector l = (ListVector) v;
				return elements(l.getDataVector(), l.getElementStartIndex(i), l.getElementEndIndex(i));
			}
			if (v instanceof LargeListVector) {
				LargeListVector l = (LargeListVector) v;
				return elements(l.getDataVector(), (int) l.getElementStartIndex(i), (int) l.getElementEndIndex(i));
			}
			if (v instanceof FixedSizeListVector) {
				FixedSizeListVector l = (FixedSizeListVector) v;
				return elements(l.getDataVector(), i * l.getListSize(), (i + 1) * l.getListSize());
			}
			if (v instanceof VarCharVector) return new String(((VarCharVector) v).get(i), StandardCharsets.UTF_8);
			if (v instanceof LargeVarCharVector) return new String(((LargeVarCharVector) v).get(i), StandardCharsets.UTF_8);
			if (v instanceof VarBinaryVector) return ((VarBinaryVector) v).get(i);
			if (v instanceof LargeVarBinaryVector) return ((LargeVarBinaryVector) v).get(i);
			if (v instanceof BaseIntVector) return ((BaseIntVector) v).getValueAsLong(i);
			if (v instanceof FloatingPointVector) return ((FloatingPointVector) v).getValueAsDouble(i);
			if (v instanceof BitVector) return ((BitVector) v).get(i) != 0;
			// Other leaf types (dates, decimals) are not in the μ-Bench schema; their objects need no Jackson module.
			return v.getObject(i);
		}

		private static List<Object> elements(ValueVector data, int start, int end) {
			List<Object> out = new ArrayList<>(Math.max(0, end - start));
			for (int k = start; k < end; k++) out.add(plain(data, k));
			return out;
		}

		private static String str(Map<String, FieldVector> c, String name, int i) {
			return text(value(c, name, i));
		}

		private static String text(Object o) {
			return o == null ? null : o.toString();
		}

		private static void questions(Map<String, Question> out, Object struct, boolean captions, Path file, long row,
			ProgressListener log)
		{
			if (!(struct instanceof Map)) return;
			// Arrow's struct maps keep the schema's child order and leave out null children.
			for (Map.Entry<?, ?> e : ((Map<?, ?>) struct).entrySet()) {
				if (!(e.getValue() instanceof Map)) continue;
				String key = e.getKey().toString();
				Question q = question(key, (Map<?, ?>) e.getValue(), captions, file, row, log);
				if (q != null) out.put(key, q);
			}
		}

		private static Question question(String key, Map<?, ?> m, boolean caption, Path file, long row,
			ProgressListener log)
		{
			List<String> options = strings(m.get("options"));
			Object idx = m.get("answer_idx");
			Integer answerIdx = null;
			if (idx instanceof Number) answerIdx = ((Number) idx).intValue();
			else if (idx != null) {
				try {
					answerIdx = Integer.valueOf(idx.toString().trim());
				}
				catch (NumberFormatException e) {
					answerIdx = null;
				}
			}
			if (options == null || options.isEmpty() || answerIdx == null || answerIdx < 0 ||
				answerIdx >= options.size())
			{
				log.log(file + ": row " + row + ": " + (caption ? "caption " : "question ") + key +
					" skipped: answer_idx " + idx + " does not point into its " +
					(options == null ? 0 : options.size()) + " options");
				return null;
			}
			String name = text(m.get("name"));
			if (name == null) name = caption && key.lastIndexOf('_') > 0 ? key.substring(0, key.lastIndexOf('_')) : key;
			return new Question(key, text(m.get("id")), name, text(m.get("question")),
				caption ? null : text(m.get("answer")), answerIdx, options, strings(m.get("tags")));
		}

		private static List<String> strings(Object list) {
			if (!(list instanceof List)) return null;
			List<String> out = new ArrayList<>();
			for (Object o : (List<?>) list) out.add(text(o));
			return out;
		}

		private static List<Annotation> annotations(Object list) {
			if (!(list instanceof List)) return null;
			List<Annotation> out = new ArrayList<>();
			for (Object o : (List<?>) list) {
				if (!(o instanceof Map)) continue;
				Map<?, ?> m = (Map<?, ?>) o;
				Object pts = m.get("points");
				double[] points = new double[0];
				if (pts instanceof List) {
					List<?> p = (List<?>) pts;
					points = new double[p.size()];
					for (int k = 0; k < points.length; k++) {
						Object v = p.get(k);
						points[k] = v instanceof Number ? ((Number) v).doubleValue() : Double.NaN;
					}
				}
				out.add(new Annotation(text(m.get("className")), points));
			}
			return out;
		}
	}
}
