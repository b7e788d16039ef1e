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
package org.mubench.eval.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.mubench.eval.Prediction;
import org.mubench.eval.journal.PredictionsFile;
import org.mubench.eval.score.EvllmImport;
import org.mubench.eval.score.Summary;

/**
 * Recomputes every metric of a finished run from its predictions: our {@code predictions.jsonl} or the authors' eVLLM
 * CSV files. Shared by {@code mubench score} and Fiji's Score Predictions command.
 */
public final class Rescoring {
	private Rescoring() {}

	/** {@code jsonl} or {@code evllm}, judged from the file name or the folder's content. */
	public static String detectFormat(Path input) throws IOException {
		String name = input.getFileName() == null ? "" : input.getFileName().toString().toLowerCase(Locale.ROOT);
		if (Files.isDirectory(input)) {
			if (Files.isRegularFile(input.resolve(PredictionsFile.FILE_NAME))) return "jsonl";
			try (java.util.stream.Stream<Path> s = Files.list(input)) {
				if (s.anyMatch(p -> p.toString().toLowerCase(Locale.ROOT).endsWith(".csv"))) return "evllm";
			}
			throw new IOException(input + ": neither a predictions.jsonl nor .csv files in this folder");
		}
		return name.endsWith(".csv") ? "evllm" : "jsonl";
	}

	/**
	 * Scores {@code input} and writes the reports (and, for eVLLM input, the converted predictions.jsonl) into
	 * {@code out}.
	 *
	 * @param format {@code auto}, {@code jsonl} or {@code evllm}
	 * @param model the model name for eVLLM files and reports; null keeps the predictions' own
	 */
	public static Summary score(Path input, String format, Path out, String model, long seed, int resamples,
		Consumer<String> warnings) throws IOException
	{
		if (resamples < 1) throw new IllegalArgumentException("resamples must be at least 1");
		String fmt = format.toLowerCase(Locale.ROOT);
		if (fmt.equals("auto")) fmt = detectFormat(input);
		List<Prediction> preds;
		Path source = input;
		java.util.Map<String, Object> harnessFiles = new java.util.LinkedHashMap<>();
		if (fmt.equals("evllm")) {
			EvllmImport.Import imp = EvllmImport.readAll(input, model);
			preds = imp.predictions;
			// The harness reads only its own dataset files: say which ones it would miss or never read.
			if (!imp.missingFiles.isEmpty()) {
				warnings.accept(input + ": no result file for " + imp.missingFiles.size() + " dataset(s) of the " +
					"paper's tables (" + String.join(", ", imp.missingFiles) + "); coarse_paper and fine_paper " +
					"cover the others only");
				harnessFiles.put("missing", imp.missingFiles);
			}
			if (!imp.extraFiles.isEmpty()) {
				warnings.accept(input + ": " + imp.extraFiles.size() + " file(s) the harness's final scripts do not " +
					"read (" + String.join(", ", imp.extraFiles) + "); counted in the all-rows groups and per " +
					"dataset, not in coarse_paper or fine_paper");
				harnessFiles.put("extra", imp.extraFiles);
			}
		}
		else if (fmt.equals("jsonl")) {
			if (Files.isDirectory(source)) source = source.resolve(PredictionsFile.FILE_NAME);
			preds = PredictionsFile.read(source, warnings);
		}
		else throw new IllegalArgumentException("format must be auto, jsonl or evllm, not " + format);
		if (preds.isEmpty()) throw new IOException(source + ": holds no predictions");
		ReportOptions o = new ReportOptions().model(model).seed(seed).resamples(resamples);
		o.run("scored_from", source.toString());
		o.run("format", fmt);
		o.run("predictions", preds.size());
		if (!harnessFiles.isEmpty()) o.run("harness_files", harnessFiles);
		Files.createDirectories(out);
		if (fmt.equals("evllm")) PredictionsFile.write(out.resolve(PredictionsFile.FILE_NAME), preds);
		return RunReports.write(preds, out, o);
	}
}
