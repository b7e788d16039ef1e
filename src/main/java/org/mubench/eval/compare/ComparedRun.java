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
package org.mubench.eval.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.mubench.eval.Prediction;
import org.mubench.eval.journal.PredictionsFile;
import org.mubench.eval.report.RunReports;
import org.mubench.eval.score.Scorer;
import org.mubench.eval.score.Summary;

/**
 * One run folder as the comparison sees it: its summary (the run's own numbers, or scored here when the folder has
 * none) and its answered questions in the plain (default-template) groups, keyed by row and question key.
 */
public final class ComparedRun {
	/** Unique display name (the model, with the folder name added when two runs share a model name). */
	public String label;
	public final Path dir;
	public final Summary summary;
	/** Answered questions counted in the plain groups, by {@link Prediction#key()}. */
	public final Map<String, Prediction> answered;
	/** Questions the run skipped (left out of every accuracy and every pair). */
	public final long skipped;
	/** The dataset the run read, as recorded in its summary (null when not recorded). */
	public final String dataset;
	/**
	 * The fingerprint of the dataset's files from {@code run.json}'s {@code identity.dataset_files} (written by runs
	 * that record their identity), or null: equal fingerprints mean the same data even at different paths.
	 */
	public String datasetFingerprint;

	private ComparedRun(String label, Path dir, Summary summary, Map<String, Prediction> answered, long skipped,
		String dataset)
	{
		this.label = label;
		this.dir = dir;
		this.summary = summary;
		this.answered = answered;
		this.skipped = skipped;
		this.dataset = dataset;
	}

	/**
	 * Reads a run folder (or its predictions.jsonl). The summary is the folder's {@code summary.json} when present,
	 * else scored from the predictions with {@code scorer}.
	 */
	public static ComparedRun read(Path runDir, Scorer scorer, Consumer<String> warnings) throws IOException {
		Path dir = Files.isRegularFile(runDir) ? runDir.toAbsolutePath().getParent() : runDir;
		Path file = dir.resolve(PredictionsFile.FILE_NAME);
		if (!Files.isRegularFile(file))
			throw new IOException(runDir + ": no " + PredictionsFile.FILE_NAME + " in it; pass the output folder of a " +
				"finished `mubench run` (or `score`)");
		List<Prediction> all = PredictionsFile.read(file, warnings);
		if (all.isEmpty()) throw new IOException(file + ": no predictions; the run has not answered any question yet");
		Path summaryFile = dir.resolve(RunReports.SUMMARY_JSON);
		Summary summary = Files.isRegularFile(summaryFile) ? Summary.read(summaryFile) : scorer.score(all, null, null);
		List<Prediction> answeredList = new ArrayList<>();
		long skipped = 0;
		for (Prediction p : all) {
			if (p.skipped != null) skipped++;
			else answeredList.add(p);
		}
		int def = Scorer.defaultTemplate(answeredList);
		Map<String, Prediction> answered = new LinkedHashMap<>();
		for (Prediction p : answeredList)
			if (Scorer.inPlainGroups(p, def)) answered.put(p.key(), p);
		String model = summary.model != null && !summary.model.equals("unknown") ? summary.model
			: dir.toAbsolutePath().normalize().getFileName().toString();
		if (summary.model == null) summary.model = model;
		ComparedRun run = new ComparedRun(model, dir, summary, answered, skipped, datasetOf(dir, summary));
		run.datasetFingerprint = datasetFingerprintOf(dir);
		return run;
	}

	private static String datasetFingerprintOf(Path dir) {
		Path runJson = dir.resolve("run.json");
		if (!Files.isRegularFile(runJson)) return null;
		try {
			com.fasterxml.jackson.databind.JsonNode f = JSON.readTree(runJson.toFile()).at("/identity/dataset_files");
			return f.isTextual() && !f.asText().equals("-") ? f.asText() : null;
		}
		catch (IOException e) {
			return null;
		}
	}

	/** The dataset recorded in {@code run.json} (written by every run), else in the summary's run information. */
	private static String datasetOf(Path dir, Summary summary) {
		Path runJson = dir.resolve("run.json");
		if (Files.isRegularFile(runJson)) {
			try {
				com.fasterxml.jackson.databind.JsonNode ds = JSON.readTree(runJson.toFile()).get("dataset");
				if (ds != null && ds.isTextual()) return ds.asText();
			}
			catch (IOException e) {
				// An unreadable run.json only costs the dataset check; the predictions decide the comparison.
			}
		}
		Object ds = summary.run == null ? null : summary.run.get("dataset");
		return ds == null ? null : ds.toString();
	}

	private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

	/** The folder name, to tell apart runs of the same model. */
	String folderName() {
		Path n = dir.toAbsolutePath().normalize().getFileName();
		return n == null ? dir.toString() : n.toString();
	}
}
