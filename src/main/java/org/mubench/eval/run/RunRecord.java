package org.mubench.eval.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code OUT/run.json}: how a run was made (options, model, dataset) and how it went (status, counts, timing). Written
 * atomically (temp file + move) at the start of a session with status {@code running} and again at its end, so a
 * killed run is recognisable.
 */
public final class RunRecord {
	private RunRecord() {}

	public static final String FILE = "run.json";
	private static final ObjectMapper JSON = new ObjectMapper();

	public static void write(Path out, RunOptions o, Path dataset, String status, RunResult r, String startedAt) {
		ObjectNode root = JSON.createObjectNode();
		root.put("status", status);
		root.put("started", startedAt);
		if (!"running".equals(status)) root.put("finished", Instant.now().toString());
		root.put("dataset", dataset == null ? null : dataset.toString());
		root.put("model_spec", o.modelSpec);
		ObjectNode opts = root.putObject("options");
		ArrayNode tasks = opts.putArray("tasks");
		for (String t : o.tasks) tasks.add(t);
		ArrayNode ds = opts.putArray("datasets");
		for (String d : o.datasets) ds.add(d);
		opts.put("limit", o.limit);
		opts.put("batch", o.batchSize);
		ArrayNode templates = opts.putArray("templates");
		for (int t : o.templates) templates.add(t);
		opts.put("question_set", (r != null && r.questionSet != null ? r.questionSet : o.questionSet).name().toLowerCase());
		opts.put("seed", o.seed);
		opts.put("shard", o.shard.toString());
		opts.put("resume", o.resume);
		opts.put("decode_threads", o.effectiveDecodeThreads());
		if (r != null) {
			root.put("model", r.model);
			root.put("answerer", r.answerer);
			if (r.identity != null) root.set(RunIdentity.KEY, r.identity.toJson());
			if (r.modelInfo != null && !r.modelInfo.isEmpty()) root.set("model_info", new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(r.modelInfo));
			ObjectNode s = root.putObject("session");
			s.put("resumed_predictions", r.resumedPredictions);
			s.put("torn_bytes_dropped", r.tornBytesDropped);
			s.put("rows", r.rows);
			s.put("images", r.imagesAnswered);
			s.put("predictions", r.predictions);
			s.put("correct", r.correct);
			ObjectNode skipped = s.putObject("skipped");
			for (Map.Entry<String, Long> e : r.skipped.entrySet()) skipped.put(e.getKey(), e.getValue());
			s.put("seconds", r.seconds);
			s.put("images_per_s", r.imagesPerSecond());
		}
		write(out, root);
	}

	/** The run.json of a run made by joining shard runs: finished, with the joined identity and where it came from. */
	public static void writeMerged(Path out, RunIdentity identity, java.util.List<String> from, java.util.List<String> missingShards) {
		ObjectNode root = JSON.createObjectNode();
		root.put("status", "finished");
		root.put("finished", Instant.now().toString());
		root.put("model", identity.model());
		root.set(RunIdentity.KEY, identity.toJson());
		ArrayNode f = root.putArray("merged_from");
		for (String s : from) f.add(s);
		ArrayNode m = root.putArray("missing_shards");
		for (String s : missingShards) m.add(s);
		write(out, root);
	}

	private static void write(Path out, ObjectNode root) {
		Path file = out.resolve(FILE);
		Path tmp = out.resolve(FILE + ".tmp");
		try {
			Files.createDirectories(out);
			Files.write(tmp, JSON.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(root));
			Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException e) {
			throw new UncheckedIOException(file + ": cannot write (" + e.getMessage() + ")", e);
		}
	}
}
