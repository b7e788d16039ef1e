package org.mubench.eval.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.mubench.data.Fingerprint;
import org.mubench.model.VisionLanguageModel;

/**
 * What a run folder holds answers of: the model (name, a {@link Fingerprint} of its files, the settings that shape its
 * answers), the dataset's fingerprint, the question selection (tasks, source datasets, templates, question set), the
 * seed and the shard. Recorded in {@code run.json} under {@code identity} and in {@code summary.json}; the one rule for
 * "same run" used by {@code run --resume} (and so by Fiji, the macro extension and {@code sweep}, which all go through
 * {@link BenchmarkRunner}) and by {@code merge-runs}.
 * <p>
 * Not part of it: {@code --limit} (a resumed run may go further; the answers are the same), batch size, threads, device,
 * timeouts and retries, the output path and the paths of model and dataset (copies on another machine match). Every
 * refusal message is built here, in front-end-neutral words, so the command line and Fiji phrase the same facts.
 */
public final class RunIdentity {
	public static final String KEY = "identity";
	private static final ObjectMapper JSON = new ObjectMapper();
	/** Shown (shortened) when a value is long, e.g. a fingerprint. */
	private static final int SHORT = 40;

	private final ObjectNode fields;

	private RunIdentity(ObjectNode fields) {
		this.fields = fields;
	}

	/** The identity of a run of {@code model} (opened from {@code o.modelSpec}) over {@code dataset} answering {@code set}. */
	public static RunIdentity of(RunOptions o, VisionLanguageModel model, Path dataset, QuestionSet set) {
		ObjectNode n = JSON.createObjectNode();
		n.put("model", model.name());
		n.put("model_files", modelFiles(o.modelSpec));
		n.set("model_settings", JSON.valueToTree(new TreeMap<>(model.answerSettings())));
		// A dataset not on disk (made in memory by a test or an embedding program) has nothing to fingerprint.
		n.put("dataset_files", dataset == null || !Files.exists(dataset) ? "-" : Fingerprint.of(dataset));
		n.set("tasks", JSON.valueToTree(new TreeSet<>(lower(o.tasks))));
		n.set("datasets", JSON.valueToTree(new TreeSet<>(lower(o.datasets))));
		n.set("templates", JSON.valueToTree(new TreeSet<>(o.templates)));
		n.put("question_set", set.name().toLowerCase(Locale.ROOT));
		n.put("seed", o.seed);
		n.put("shard", o.shard.toString());
		return new RunIdentity(n);
	}

	/** The fingerprint of the model's files when the SPEC names a file or folder; "-" for built-in and API models. */
	private static String modelFiles(String spec) {
		if (spec == null) return "-";
		try {
			Path p = Paths.get(spec);
			if (Files.exists(p)) return Fingerprint.of(p);
		}
		catch (InvalidPathException e) {
			// openai:…@https://… on Windows: not a path
		}
		return "-";
	}

	private static List<String> lower(List<String> values) {
		List<String> out = new ArrayList<>();
		for (String v : values) if (v != null && !v.trim().isEmpty()) out.add(v.trim().toLowerCase(Locale.ROOT));
		return out;
	}

	/** The identity recorded in {@code runFolder/run.json}, or null when there is none (no file, or an older version's). */
	public static RunIdentity read(Path runFolder) {
		Path file = runFolder.resolve(RunRecord.FILE);
		if (!Files.isRegularFile(file)) return null;
		try {
			JsonNode root = JSON.readTree(file.toFile());
			JsonNode id = root == null ? null : root.get(KEY);
			return id != null && id.isObject() ? new RunIdentity((ObjectNode) id) : null;
		}
		catch (IOException e) {
			throw new UncheckedIOException(file + ": unreadable (" + e.getMessage() + ")", e);
		}
	}

	/** The {@code status} recorded in {@code runFolder/run.json} (running, finished, cancelled, failed), or null. */
	public static String status(Path runFolder) {
		Path file = runFolder.resolve(RunRecord.FILE);
		if (!Files.isRegularFile(file)) return null;
		try {
			JsonNode root = JSON.readTree(file.toFile());
			return root == null || !root.path("status").isTextual() ? null : root.path("status").asText();
		}
		catch (IOException e) {
			return null;
		}
	}

	public Shard shard() {
		return Shard.parse(fields.path("shard").asText("1/1"));
	}

	public String model() {
		return fields.path("model").asText();
	}

	/**
	 * The identity of shards joined into one run: shard {@code 1/1}, and when shards were left out (a partial merge) the
	 * list of them, so a partial run never passes for the whole one.
	 */
	public RunIdentity merged(List<String> missingShards) {
		ObjectNode n = fields.deepCopy();
		n.put("shard", Shard.ALL.toString());
		if (!missingShards.isEmpty()) n.set("missing_shards", JSON.valueToTree(missingShards));
		return new RunIdentity(n);
	}

	/** As JSON-ready values, for run.json and summary.json. */
	public Map<String, Object> toMap() {
		@SuppressWarnings("unchecked")
		Map<String, Object> m = JSON.convertValue(fields, LinkedHashMap.class);
		return m;
	}

	public JsonNode toJson() {
		return fields.deepCopy();
	}

	/**
	 * How {@code other} differs from this, one entry per field: {@code "model: random vs tiny-clip"} (this value first).
	 * Empty when they are the same run; the shard is compared unless {@code ignoreShard}.
	 */
	public List<String> differences(RunIdentity other, boolean ignoreShard) {
		List<String> out = new ArrayList<>();
		TreeSet<String> keys = new TreeSet<>();
		fields.fieldNames().forEachRemaining(keys::add);
		other.fields.fieldNames().forEachRemaining(keys::add);
		// The order a user reads: model first, then data, then selection.
		List<String> ordered = new ArrayList<>();
		for (Iterator<String> it = fields.fieldNames(); it.hasNext();) ordered.add(it.next());
		for (String k : keys) if (!ordered.contains(k)) ordered.add(k);
		// Another model differs in its files and settings too: naming the model says it all.
		boolean otherModel = !text(fields.get("model")).equals(text(other.fields.get("model")));
		for (String k : ordered) {
			if (ignoreShard && k.equals("shard")) continue;
			if (otherModel && k.startsWith("model_")) continue;
			diff(k, fields.get(k), other.fields.get(k), out);
		}
		return out;
	}

	private static void diff(String key, JsonNode a, JsonNode b, List<String> out) {
		if (a != null && b != null && a.isObject() && b.isObject()) {
			TreeSet<String> keys = new TreeSet<>();
			a.fieldNames().forEachRemaining(keys::add);
			b.fieldNames().forEachRemaining(keys::add);
			for (String k : keys) diff(key + "." + k, a.get(k), b.get(k), out);
			return;
		}
		String x = text(a), y = text(b);
		if (!x.equals(y)) out.add(key + ": " + x + " vs " + y);
	}

	private static String text(JsonNode n) {
		if (n == null || n.isNull() || n.isMissingNode()) return "(none)";
		String s = n.isTextual() ? n.asText() : n.toString();
		return s.length() > SHORT ? s.substring(0, 12) + "…" : s;
	}

	// ---- refusals: every message of this rule, in one place ----

	/** {@code out} holds predictions of another run than the one asked for. */
	public static IllegalStateException resumeMismatch(Path out, List<String> differences) {
		return new IllegalStateException(out + " holds another run (recorded vs now: " + String.join("; ", differences)
			+ "); to continue it repeat its settings, otherwise choose another output folder");
	}

	/** {@code out} holds predictions but records no identity (an older version's run, or not a run folder). */
	public static IllegalStateException resumeUnknown(Path out) {
		return new IllegalStateException(out + " holds predictions but no record of the run that made them (run.json "
			+ "without identity: an older version's run?); choose another output folder");
	}

	/** {@code run} records no identity, so it cannot be merged safely. */
	public static IllegalStateException mergeUnknown(Path run) {
		return new IllegalStateException(run + ": no run identity (run.json) here; merge the output folders of runs made "
			+ "by this version with --shard K/N");
	}

	public static IllegalStateException mergeMismatch(Path first, Path other, List<String> differences) {
		return new IllegalStateException(other + " is not a shard of the same run as " + first + " ("
			+ String.join("; ", differences) + ")");
	}

	/**
	 * Checks the runs are shards of one run, each shard at most once, and (unless {@code allowPartial}) all shards there
	 * and finished. Returns the shards missing (empty when complete); throws naming duplicated or missing shards.
	 *
	 * @param partialHint how the user allows a partial merge, in the words of their front end
	 */
	public static List<String> checkShards(List<Path> runs, boolean allowPartial, String partialHint) {
		if (runs.isEmpty()) throw new IllegalArgumentException("no runs given");
		List<RunIdentity> ids = new ArrayList<>();
		for (Path r : runs) {
			RunIdentity id = read(r);
			if (id == null) throw mergeUnknown(r);
			ids.add(id);
		}
		RunIdentity first = ids.get(0);
		Map<Integer, Path> byShard = new TreeMap<>();
		for (int i = 0; i < runs.size(); i++) {
			List<String> d = first.differences(ids.get(i), true);
			Shard s = ids.get(i).shard();
			if (s.count != first.shard().count)
				d.add(0, "shard: " + first.shard() + " vs " + s + " (different shard counts)");
			if (!d.isEmpty()) throw mergeMismatch(runs.get(0), runs.get(i), d);
			Path before = byShard.put(s.index, runs.get(i));
			if (before != null) throw new IllegalStateException("shard " + s + " is given twice (" + before + " and "
				+ runs.get(i) + "); give each shard once");
		}
		List<String> problems = new ArrayList<>();
		List<String> missing = new ArrayList<>();
		int n = first.shard().count;
		for (int k = 1; k <= n; k++) if (!byShard.containsKey(k)) missing.add(k + "/" + n);
		if (!missing.isEmpty()) problems.add("missing shard" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing));
		for (int i = 0; i < runs.size(); i++) {
			String status = status(runs.get(i));
			if (!"finished".equals(status)) {
				problems.add("shard " + ids.get(i).shard() + " (" + runs.get(i) + ") is " + (status == null ? "of unknown status" : status));
				missing.add(ids.get(i).shard() + " (" + status + ")");
			}
		}
		if (!problems.isEmpty() && !allowPartial)
			throw new IllegalStateException(String.join("; ", problems) + "; " + partialHint);
		return missing;
	}

	@Override
	public String toString() {
		return fields.toString();
	}
}
