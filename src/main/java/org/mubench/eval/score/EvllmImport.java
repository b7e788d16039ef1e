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
package org.mubench.eval.score;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mubench.data.Csv;
import org.mubench.data.Question;
import org.mubench.eval.Prediction;
import org.mubench.eval.prompt.PaperPrompt;
import org.mubench.eval.tasks.HarnessProtocol;
import org.mubench.eval.tasks.TaskRegistry;

/**
 * Reads the authors' eVLLM result CSVs ({@code outputs/<model>/<dataset>.csv}) as predictions, so old runs can be
 * re-scored. Mapping (docs/scoring.md has examples):
 * <ul>
 * <li>{@code question_class} → {@code question_key} (and through the task registry the task);</li>
 * <li>{@code correct_idx} → {@code answer_idx};</li>
 * <li>{@code questions} (the prompt the model saw, options lettered {@code A) …} one per line; or a Python list of
 * caption sentences) → {@code options};</li>
 * <li>{@code model_answers}: a Python dict. With {@code 'pred'} (contrastive models): {@code pred[0]} →
 * {@code pred_idx}, {@code probs[0]} → {@code scores}, correct iff {@code pred_idx == correct_idx}. With
 * {@code 'text'} (generative models), or a bare string: → {@code response}, correct by the paper's rule
 * ({@link PaperPrompt#isCorrect}), {@code pred_idx} from {@link PaperPrompt#parseChoice} (−1 = unparseable);</li>
 * <li>{@code dataset}: the column when present, else the file name without {@code .csv}; {@code domain}: the column
 * when present (else the row is outside the pathology slice);</li>
 * <li>{@code row}: the record's position over all files read (files in name order), since eVLLM has no row index;
 * {@code model}: the caller's name, else the folder the CSV lies in.</li>
 * </ul>
 */
public final class EvllmImport {
	private EvllmImport() {}

	private static final Pattern OPTION_LINE = Pattern.compile("^([A-Z])\\) ?(.*)$");
	private static final Pattern LETTERED = Pattern.compile("^([A-Z])\\) ?(.*)$", Pattern.DOTALL);

	/** What a folder of harness results holds beside the predictions: the dataset files it lacks or adds. */
	public static final class Import {
		public final List<Prediction> predictions = new ArrayList<>();
		/** Datasets of the harness's final tables without a {@code <dataset>.csv} here (folders only). */
		public final List<String> missingFiles = new ArrayList<>();
		/** {@code .csv} files the harness's final scripts would not read; scored in the all-rows groups only. */
		public final List<String> extraFiles = new ArrayList<>();
	}

	/** Reads one CSV file, or every {@code *.csv} in a folder (name order). */
	public static List<Prediction> read(Path fileOrDir, String model) throws IOException {
		return readAll(fileOrDir, model).predictions;
	}

	/** {@link #read}, and which dataset files the harness would miss or ignore. */
	public static Import readAll(Path fileOrDir, String model) throws IOException {
		List<Path> files = new ArrayList<>();
		boolean folder = Files.isDirectory(fileOrDir);
		if (folder) {
			try (DirectoryStream<Path> ds = Files.newDirectoryStream(fileOrDir, "*.csv")) {
				for (Path p : ds)
					files.add(p);
			}
			Collections.sort(files);
			if (files.isEmpty()) throw new IOException(fileOrDir + ": no .csv files in this folder");
		}
		else if (Files.isRegularFile(fileOrDir)) files.add(fileOrDir);
		else throw new IOException(fileOrDir + ": no such file or folder");
		Import out = new Import();
		java.util.Set<String> present = new java.util.HashSet<>();
		for (Path f : files) {
			String ds = datasetOf(f);
			present.add(ds);
			if (!HarnessProtocol.isPaperDataset(ds)) out.extraFiles.add(f.getFileName().toString());
			readFile(f, model, out.predictions);
		}
		if (folder) {
			for (String ds : HarnessProtocol.PAPER_DATASETS)
				if (!present.contains(ds)) out.missingFiles.add(ds + ".csv");
		}
		return out;
	}

	private static String datasetOf(Path file) {
		String fileName = file.getFileName().toString();
		return fileName.endsWith(".csv") ? fileName.substring(0, fileName.length() - 4) : fileName;
	}

	private static void readFile(Path file, String model, List<Prediction> out) throws IOException {
		String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
		List<Csv.Record> records;
		try {
			records = Csv.parse(text);
		}
		catch (IllegalArgumentException e) {
			throw new IOException(file + " " + e.getMessage());
		}
		if (records.isEmpty()) return;
		Map<String, Integer> col = new HashMap<>();
		List<String> header = records.get(0).fields;
		for (int i = 0; i < header.size(); i++)
			col.put(header.get(i).trim(), i);
		for (String need : new String[] { "question_class", "correct_idx", "model_answers" })
			if (!col.containsKey(need)) throw new IOException(file + ": no `" + need +
				"` column; expected an eVLLM result CSV (question_class, questions, image_id, correct_answer, " +
				"correct_idx, model_answers)");
		String fileDataset = datasetOf(file);
		Path parent = file.toAbsolutePath().getParent();
		String modelName = model != null ? model : parent != null && parent.getFileName() != null
			? parent.getFileName().toString() : "unknown";
		for (int r = 1; r < records.size(); r++) {
			Csv.Record rec = records.get(r);
			String where = file + " line " + rec.line;
			try {
				out.add(convert(rec.fields, col, fileDataset, modelName, out.size()));
			}
			catch (RuntimeException e) {
				throw new IOException(where + ": " + e.getMessage() + "; fix or remove this record", e);
			}
		}
	}

	private static String get(List<String> fields, Map<String, Integer> col, String name) {
		Integer i = col.get(name);
		return i == null || i >= fields.size() ? null : fields.get(i);
	}

	static Prediction convert(List<String> fields, Map<String, Integer> col, String fileDataset, String model,
		long row)
	{
		Prediction p = new Prediction();
		p.row = row;
		p.model = model;
		// Not trimmed: the harness matches question_class exactly.
		p.questionKey = req(get(fields, col, "question_class"), "question_class");
		p.imageId = get(fields, col, "image_id");
		// The harness knows a row's dataset only from its file name; a `dataset` column counts for other files.
		String ds = get(fields, col, "dataset");
		p.dataset = HarnessProtocol.isHarnessDataset(fileDataset) || ds == null || ds.trim().isEmpty() ? fileDataset
			: ds.trim();
		String domain = get(fields, col, "domain");
		p.domain = domain == null || domain.trim().isEmpty() ? null : domain.trim();
		p.task = TaskRegistry.taskOf(p.questionKey, p.dataset);
		p.template = TaskRegistry.templateOf(p.questionKey);
		String idx = req(get(fields, col, "correct_idx"), "correct_idx").trim();
		double answerIdxValue;
		try {
			answerIdxValue = Double.parseDouble(idx);
			p.answerIdx = (int) answerIdxValue;
		}
		catch (NumberFormatException e) {
			throw new IllegalArgumentException("correct_idx `" + idx + "` is not a number");
		}
		p.options = options(get(fields, col, "questions"));
		String correctAnswer = get(fields, col, "correct_answer");
		String answers = req(get(fields, col, "model_answers"), "model_answers");
		Object parsed = null;
		String t = answers.trim();
		if (t.startsWith("{")) {
			try {
				parsed = PyLiteral.parse(t);
			}
			catch (IllegalArgumentException e) {
				throw new IllegalArgumentException("model_answers is not a readable Python dict (" + e.getMessage() + ")");
			}
		}
		if (parsed instanceof Map && ((Map<?, ?>) parsed).containsKey("pred")) {
			Map<?, ?> m = (Map<?, ?>) parsed;
			Object first = first(m.get("pred"));
			if (first instanceof String) {
				// Random_model: 'pred' holds the option texts shuffled; the harness counts the first one equal to
				// correct_answer as right.
				String pick = (String) first;
				p.predIdx = p.options == null ? -1 : p.options.indexOf(pick);
				p.correct = correctAnswer != null && !isPandasNa(correctAnswer) && correctAnswer.equals(pick);
				return p;
			}
			p.predIdx = firstInt(m.get("pred"));
			p.scores = firstRow(m.get("probs"));
			// The harness compares correct_idx with pred[0] itself: a nested list there is never equal.
			p.correct = first instanceof Number && ((Number) first).doubleValue() == answerIdxValue;
			return p;
		}
		// Generative: the harness rewrites every "nan" of the stored text to "np.nan" before eval-ing it.
		if (t.startsWith("{") && answers.contains("nan")) {
			try {
				parsed = PyLiteral.parse(answers.replace("nan", "np.nan").trim());
			}
			catch (IllegalArgumentException e) {
				throw new IllegalArgumentException("model_answers is not a readable Python dict after the harness's " +
					"nan rewrite (" + e.getMessage() + ")");
			}
		}
		String reply;
		boolean rewritten;
		if (parsed instanceof Map) {
			Map<?, ?> m = (Map<?, ?>) parsed;
			if (!m.containsKey("text")) throw new IllegalArgumentException("model_answers has neither 'pred' nor 'text'");
			Object text = m.get("text");
			reply = text == null ? null : String.valueOf(text);
			rewritten = true;
		}
		else {
			reply = answers;
			rewritten = false;
		}
		p.response = reply == null ? "" : reply;
		List<String> opts = p.options;
		if (opts == null || p.answerIdx < 0 || p.answerIdx >= opts.size()) {
			// Without readable options, rebuild the gold option from correct_answer (lettered by the harness).
			opts = goldOnlyOptions(p.answerIdx, correctAnswer);
		}
		String gold = correctAnswer != null ? correctAnswer : PaperPrompt.lettered(p.answerIdx, opts.get(p.answerIdx));
		String seen = rewritten ? reply : PaperPrompt.harnessNanRewrite(reply);
		p.correct = PaperPrompt.matchesGold(seen, gold, p.answerIdx);
		p.predIdx = p.options == null ? -1 : PaperPrompt.parseChoice(p.response, p.options);
		if (p.predIdx == -1 && p.correct) p.predIdx = p.answerIdx; // the official rule accepted it
		return p;
	}

	/** The cell texts pandas' read_csv turns into NaN by default (a NaN never equals an option text). */
	private static final java.util.Set<String> PANDAS_NA = new java.util.HashSet<>(java.util.Arrays.asList("",
		"#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan", "1.#IND", "1.#QNAN", "<NA>", "N/A", "NA",
		"NULL", "NaN", "None", "n/a", "nan", "null"));

	static boolean isPandasNa(String cell) {
		return PANDAS_NA.contains(cell);
	}

	private static Object first(Object v) {
		if (v instanceof List) {
			List<?> l = (List<?>) v;
			return l.isEmpty() ? null : l.get(0);
		}
		return v;
	}

	private static String req(String v, String name) {
		if (v == null) throw new IllegalArgumentException("missing `" + name + "`");
		return v;
	}

	/** Options from the prompt's lettered lines (A, B, C… in order), or from a Python list of sentences. */
	static List<String> options(String questions) {
		if (questions == null) return null;
		String t = questions.trim();
		if (t.startsWith("[")) {
			try {
				Object v = PyLiteral.parse(t);
				if (v instanceof List) {
					List<String> out = new ArrayList<>();
					for (Object o : (List<?>) v)
						out.add(String.valueOf(o));
					return out.isEmpty() ? null : out;
				}
			}
			catch (IllegalArgumentException e) {
				// not a list literal: fall through to lettered lines
			}
		}
		List<String> out = new ArrayList<>();
		for (String line : questions.split("\r?\n")) {
			Matcher m = OPTION_LINE.matcher(line);
			if (m.matches() && m.group(1).charAt(0) == 'A' + out.size()) out.add(m.group(2));
			else if (!out.isEmpty()) break;
		}
		return out.isEmpty() ? null : out;
	}

	private static List<String> goldOnlyOptions(int answerIdx, String correctAnswer) {
		if (correctAnswer == null || answerIdx < 0)
			throw new IllegalArgumentException("neither the options (`questions`) nor `correct_answer` can be read");
		Matcher m = LETTERED.matcher(correctAnswer);
		String text = m.matches() ? m.group(2) : correctAnswer;
		List<String> opts = new ArrayList<>();
		for (int i = 0; i < answerIdx; i++)
			opts.add("\u0000");
		opts.add(text);
		return opts;
	}

	private static int firstInt(Object v) {
		while (v instanceof List) {
			List<?> l = (List<?>) v;
			if (l.isEmpty()) return -1;
			v = l.get(0);
		}
		if (v instanceof Number) return ((Number) v).intValue();
		throw new IllegalArgumentException("'pred' holds no index");
	}

	private static double[] firstRow(Object v) {
		if (!(v instanceof List)) return null;
		List<?> l = (List<?>) v;
		if (!l.isEmpty() && l.get(0) instanceof List) l = (List<?>) l.get(0);
		double[] out = new double[l.size()];
		for (int i = 0; i < out.length; i++) {
			if (!(l.get(i) instanceof Number)) return null;
			out[i] = ((Number) l.get(i)).doubleValue();
		}
		return out;
	}
}
