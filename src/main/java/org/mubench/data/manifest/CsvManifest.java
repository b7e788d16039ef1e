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
package org.mubench.data.manifest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mubench.data.Csv;
import org.mubench.data.DatasetException;
import org.mubench.data.Question;
import org.mubench.data.Sample;

/**
 * {@code manifest.csv}: one row per image with flat columns. Each question type {@code T} has {@code T_options}
 * ("|"-separated; the gold option marked with a leading {@code *}, or named by {@code T_answer} / {@code T_answer_idx}),
 * optionally {@code T_question} and {@code T_templates} ("|"-separated caption templates with {@code {class}}, giving
 * captions {@code T_0}, {@code T_1}, …). Layout documented in docs/manifest.md.
 */
final class CsvManifest {
	private CsvManifest() {}

	static final List<String> BASE = Arrays.asList("image", "image_id", "label", "label_name", "dataset", "domain",
		"institution", "license", "microns_per_pixel", "modality", "ncbitaxon_id", "ncbitaxon_name", "pmid", "split",
		"stain", "subdomain", "submodality", "synthetic", "bbox", "polygon");
	static final String[] SUFFIXES = { "_question", "_options", "_answer_idx", "_answer", "_templates" };

	static List<Sample.Builder> parse(Path m, String text) {
		List<Csv.Record> records;
		try {
			records = Csv.parse(text);
		}
		catch (IllegalArgumentException e) {
			throw new DatasetException(m + " " + e.getMessage(), e);
		}
		if (records.isEmpty()) throw new DatasetException(m + ": empty; the first line must name the columns");
		List<String> header = new ArrayList<>();
		for (String h : records.get(0).fields) header.add(h.trim());
		Map<String, Integer> col = new HashMap<>();
		for (int i = 0; i < header.size(); i++)
			if (col.put(header.get(i), i) != null)
				throw new DatasetException(m + " line 1: column '" + header.get(i) + "' appears twice");
		if (!col.containsKey("image"))
			throw new DatasetException(m + " line 1: no 'image' column (the image file, relative to the manifest)");

		// Question types, in header order.
		Map<String, Boolean> types = new LinkedHashMap<>();
		for (String h : header) {
			if (BASE.contains(h)) continue;
			for (String suffix : SUFFIXES)
				if (h.endsWith(suffix) && h.length() > suffix.length()) {
					types.put(h.substring(0, h.length() - suffix.length()), Boolean.TRUE);
					break;
				}
		}
		for (String t : types.keySet())
			if (!col.containsKey(t + "_options"))
				throw new DatasetException(m + " line 1: columns for question type '" + t + "' but no '" + t +
					"_options' column");

		List<Sample.Builder> out = new ArrayList<>();
		for (int r = 1; r < records.size(); r++) {
			Csv.Record rec = records.get(r);
			if (rec.fields.size() != header.size())
				throw new DatasetException(m + " line " + rec.line + ": " + rec.fields.size() +
					" fields but the header has " + header.size() + " (quote fields that contain commas)");
			try {
				out.add(row(out.size(), rec.fields, col, types));
			}
			catch (Questions.Problem | IllegalArgumentException e) {
				throw new DatasetException(m + " line " + rec.line + ": " + e.getMessage(), e);
			}
		}
		return out;
	}

	private static Sample.Builder row(long index, List<String> f, Map<String, Integer> col,
		Map<String, Boolean> types)
	{
		Sample.Builder b = Sample.builder(index);
		b.imagePath = cell(f, col, "image");
		if (b.imagePath == null) throw new Questions.Problem("the 'image' cell is empty");
		String id = cell(f, col, "image_id");
		b.imageId = id != null ? id : b.imagePath;
		String label = cell(f, col, "label");
		if (label != null) b.label = parseInt("label", label);
		b.labelName = cell(f, col, "label_name");
		b.dataset = cell(f, col, "dataset");
		b.domain = cell(f, col, "domain");
		b.institution = cell(f, col, "institution");
		b.license = cell(f, col, "license");
		String mpp = cell(f, col, "microns_per_pixel");
		if (mpp != null) {
			try {
				b.micronsPerPixel = Double.valueOf(mpp);
			}
			catch (NumberFormatException e) {
				throw new Questions.Problem("microns_per_pixel '" + mpp + "' is not a number");
			}
		}
		b.modality = cell(f, col, "modality");
		b.ncbitaxonId = cell(f, col, "ncbitaxon_id");
		b.ncbitaxonName = cell(f, col, "ncbitaxon_name");
		b.pmid = cell(f, col, "pmid");
		b.split = cell(f, col, "split");
		b.stain = cell(f, col, "stain");
		b.subdomain = cell(f, col, "subdomain");
		b.submodality = cell(f, col, "submodality");
		String syn = cell(f, col, "synthetic");
		if (syn != null) b.synthetic = parseBool(syn);
		b.boxes = JsonManifest.annotations("bbox", JsonManifest.parseJsonCell("bbox", cell(f, col, "bbox")));
		b.polygons = JsonManifest.annotations("polygon", JsonManifest.parseJsonCell("polygon", cell(f, col,
			"polygon")));

		Map<String, Question> questions = new LinkedHashMap<>(), captions = new LinkedHashMap<>();
		for (String t : types.keySet()) {
			String options = cell(f, col, t + "_options");
			String answer = cell(f, col, t + "_answer"), idx = cell(f, col, t + "_answer_idx");
			String templates = cell(f, col, t + "_templates");
			if (options == null) {
				if (answer != null || idx != null)
					throw new Questions.Problem(t + ": an answer is given but " + t + "_options is empty");
				continue;
			}
			List<String> opts = new ArrayList<>();
			Integer starred = null;
			for (String raw : Questions.splitBars(options)) {
				String o = raw.trim();
				if (o.startsWith("*")) {
					if (starred != null) throw new Questions.Problem(t + "_options marks more than one option with *");
					starred = opts.size();
					o = o.substring(1).trim();
				}
				opts.add(Questions.unescape(o));
			}
			Integer answerIdx = idx == null ? null : parseInt(t + "_answer_idx", idx);
			if (starred != null && answerIdx != null && !starred.equals(answerIdx))
				throw new Questions.Problem(t + ": the * marks option " + starred + " but " + t + "_answer_idx is " +
					answerIdx);
			if (starred != null) answerIdx = starred;
			Question q = Questions.question(t, b.imageId + "/" + t, cell(f, col, t + "_question"), opts, answerIdx,
				answer == null ? null : Questions.unescape(answer), null);
			questions.put(t, q);
			if (templates != null) {
				int k = 0;
				for (String tpl : Questions.splitBars(templates)) {
					String s = Questions.unescape(tpl).trim();
					if (s.isEmpty()) continue;
					Question c = Questions.caption(q, k, s);
					captions.put(c.key, c);
					k++;
				}
			}
		}
		b.questions.putAll(Questions.orderQuestions(questions));
		b.captions.putAll(Questions.orderCaptions(captions));
		return b;
	}

	private static String cell(List<String> f, Map<String, Integer> col, String name) {
		Integer i = col.get(name);
		if (i == null) return null;
		String v = f.get(i).trim();
		return v.isEmpty() ? null : v;
	}

	private static Integer parseInt(String column, String v) {
		try {
			return Integer.valueOf(v.trim());
		}
		catch (NumberFormatException e) {
			throw new Questions.Problem(column + " '" + v + "' is not a whole number");
		}
	}

	static Boolean parseBool(String v) {
		switch (v.trim().toLowerCase(Locale.ROOT)) {
			case "true":
			case "yes":
			case "1":
				return Boolean.TRUE;
			case "false":
			case "no":
			case "0":
				return Boolean.FALSE;
			default:
				throw new Questions.Problem("synthetic '" + v + "' is not true/false");
		}
	}
}
