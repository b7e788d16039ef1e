package org.mubench.data.manifest;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.mubench.data.Dataset;
import org.mubench.data.DatasetException;
import org.mubench.data.ProgressListener;
import org.mubench.data.Sample;
import org.mubench.data.SampleStream;

/**
 * A folder of the user's own labelled images plus a manifest in the release's logical schema: {@code manifest.jsonl}
 * (one JSON object per line), {@code manifest.json} (an array of such objects) or {@code manifest.csv} (flat columns).
 * The whole manifest is parsed and checked when the dataset is opened, so mistakes surface before a long run; image
 * files are read one at a time while streaming. See docs/manifest.md.
 */
public final class ManifestDataset implements Dataset {
	/** Manifest file names looked for in a folder. */
	public static final List<String> NAMES = Collections.unmodifiableList(Arrays.asList("manifest.jsonl",
		"manifest.json", "manifest.csv"));

	private final Path folder;
	private final Path manifest;
	private final List<Sample> rows; // without image bytes
	private final List<String> labelNames;

	private ManifestDataset(Path manifest, List<Sample> rows, List<String> labelNames) {
		this.manifest = manifest;
		this.folder = manifest.toAbsolutePath().getParent();
		this.rows = rows;
		this.labelNames = Collections.unmodifiableList(labelNames);
	}

	/**
	 * The manifest of {@code path} (the file itself, or the one manifest in the folder), or null when there is none.
	 * Throws when a folder holds more than one.
	 */
	public static Path findManifest(Path path) {
		if (Files.isRegularFile(path)) {
			String name = path.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
			return name.endsWith(".jsonl") || name.endsWith(".json") || name.endsWith(".csv") ? path : null;
		}
		List<Path> found = new ArrayList<>();
		for (String n : NAMES)
			if (Files.isRegularFile(path.resolve(n))) found.add(path.resolve(n));
		if (found.size() > 1)
			throw new DatasetException(path + ": holds several manifests (" + found.get(0).getFileName() + ", " +
				found.get(1).getFileName() + "); pass the one to use as the dataset path");
		return found.isEmpty() ? null : found.get(0);
	}

	/** Parses and checks the manifest of {@code path}; throws {@link DatasetException} naming file and line. */
	public static ManifestDataset open(Path path) {
		Path m = findManifest(path);
		if (m == null)
			throw new DatasetException(path + ": no manifest here (expected one of " + String.join(", ", NAMES) + ")");
		String text;
		try {
			byte[] bytes = Files.readAllBytes(m);
			text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
		}
		catch (CharacterCodingException e) {
			throw new DatasetException(m + ": not UTF-8 text; save the manifest as UTF-8", e);
		}
		catch (IOException e) {
			throw new DatasetException(m + ": cannot read (" + e.getMessage() + ")", e);
		}
		String name = m.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
		List<Sample.Builder> builders = name.endsWith(".csv") ? CsvManifest.parse(m, text)
			: JsonManifest.parse(m, text, name.endsWith(".json"));
		if (builders.isEmpty()) throw new DatasetException(m + ": the manifest lists no images");
		List<String> labels = assignLabels(m, builders);
		List<Sample> rows = new ArrayList<>(builders.size());
		for (Sample.Builder b : builders) rows.add(b.build());
		return new ManifestDataset(m, rows, labels);
	}

	/**
	 * Fills in {@code label} from {@code label_name} when absent, and returns the class names: where rows give
	 * integers, name[label] = label_name; other names get the next free indices in first-seen order.
	 */
	static List<String> assignLabels(Path m, List<Sample.Builder> rows) {
		Map<Integer, String> byIndex = new HashMap<>();
		for (Sample.Builder b : rows) {
			if (b.label == null) continue;
			if (b.label < 0) throw new DatasetException(m + ": label " + b.label + " is negative");
			String prev = byIndex.get(b.label);
			if (b.labelName != null && prev != null && !prev.equals(b.labelName))
				throw new DatasetException(m + ": label " + b.label + " is used for both '" + prev + "' and '" +
					b.labelName + "'");
			if (b.labelName != null) byIndex.put(b.label, b.labelName);
		}
		Map<String, Integer> byName = new LinkedHashMap<>();
		for (Map.Entry<Integer, String> e : byIndex.entrySet()) byName.put(e.getValue(), e.getKey());
		int next = byIndex.isEmpty() ? 0 : Collections.max(byIndex.keySet()) + 1;
		for (Sample.Builder b : rows) {
			if (b.label != null || b.labelName == null) continue;
			Integer idx = byName.get(b.labelName);
			if (idx == null) {
				idx = next++;
				byName.put(b.labelName, idx);
				byIndex.put(idx, b.labelName);
			}
			b.label = idx;
		}
		List<String> names = new ArrayList<>();
		for (int i = 0; i < next; i++) names.add(byIndex.containsKey(i) ? byIndex.get(i) : "class_" + i);
		return names;
	}

	@Override
	public Path location() {
		return folder;
	}

	public Path manifest() {
		return manifest;
	}

	@Override
	public long size() {
		return rows.size();
	}

	@Override
	public List<String> labelNames() {
		return labelNames;
	}

	@Override
	public SampleStream samples() {
		return samples(ProgressListener.SILENT);
	}

	/** Streams the rows, reading each image file as its row comes; a missing file is logged and leaves no bytes. */
	@Override
	public SampleStream samples(ProgressListener log) {
		return new SampleStream() {
			int next;

			@Override
			public boolean hasNext() {
				return next < rows.size();
			}

			@Override
			public Sample next() {
				if (!hasNext()) throw new NoSuchElementException();
				Sample s = rows.get(next++);
				return readImage(s, log);
			}

			@Override
			public void close() {
				next = rows.size();
			}
		};
	}

	/** The row with its image bytes, or without them and with the reason (file not found, unreadable) recorded. */
	private Sample readImage(Sample s, ProgressListener log) {
		if (s.imagePath == null) return withBytes(s, null, "the manifest row names no image file");
		Path p = folder.resolve(s.imagePath);
		String problem;
		try {
			return withBytes(s, Files.readAllBytes(p), null);
		}
		catch (NoSuchFileException e) {
			problem = "image file not found at " + p;
		}
		catch (IOException e) {
			problem = "cannot read image file " + p + " (" + e.getMessage() + ")";
		}
		log.log(manifest + ": " + s.describe() + ": " + problem);
		return withBytes(s, null, problem);
	}

	static Sample withBytes(Sample x, byte[] bytes, String problem) {
		Sample.Builder b = x.toBuilder();
		b.imageBytes = bytes;
		b.imageProblem = problem;
		return b.build();
	}
}
