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

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mubench.base.Json;
import org.mubench.data.Annotation;
import org.mubench.data.DatasetException;
import org.mubench.data.Question;
import org.mubench.data.Sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code manifest.jsonl} (one object per line) or {@code manifest.json} (an array of objects) with the release's keys.
 * Questions may carry {@code templates} to generate their captions; captions may also be given as in the release.
 */
final class JsonManifest {
	private JsonManifest() {}

	private static final ObjectMapper JSON = Json.MAPPER;

	static List<Sample.Builder> parse(Path m, String text, boolean array) {
		List<Sample.Builder> out = new ArrayList<>();
		if (array) {
			JsonNode root;
			try {
				root = JSON.readTree(text);
			}
			catch (IOException e) {
				throw new DatasetException(m + ": not valid JSON (" + firstLine(e) + ")", e);
			}
			if (root == null || !root.isArray())
				throw new DatasetException(m + ": must hold a JSON array of objects, one per image");
			int k = 0;
			for (JsonNode o : root) {
				k++;
				entry(m, "entry " + k, o, out);
			}
			return out;
		}
		String[] lines = text.split("\r?\n", -1);
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].trim();
			if (i == 0 && line.startsWith("\uFEFF")) line = line.substring(1);
			if (line.isEmpty()) continue;
			JsonNode o;
			try {
				o = JSON.readTree(line);
			}
			catch (IOException e) {
				throw new DatasetException(m + " line " + (i + 1) + ": not valid JSON (" + firstLine(e) + ")", e);
			}
			entry(m, "line " + (i + 1), o, out);
		}
		return out;
	}

	private static void entry(Path m, String where, JsonNode o, List<Sample.Builder> out) {
		if (o == null || !o.isObject()) throw new DatasetException(m + " " + where + ": not a JSON object");
		try {
			out.add(row(out.size(), o));
		}
		catch (Questions.Problem | IllegalArgumentException e) {
			throw new DatasetException(m + " " + where + ": " + e.getMessage(), e);
		}
	}

	private static Sample.Builder row(long index, JsonNode o) {
		Sample.Builder b = Sample.builder(index);
		JsonNode image = o.get("image");
		if (image != null && image.isObject()) image = image.get("path");
		if (image == null || !image.isTextual() || image.asText().trim().isEmpty())
			throw new Questions.Problem("'image' must name the image file (relative to the manifest)");
		b.imagePath = image.asText().trim();
		String id = str(o, "image_id");
		b.imageId = id != null ? id : b.imagePath;
		JsonNode label = o.get("label");
		if (label != null && !label.isNull()) {
			if (!label.canConvertToInt() || !label.isIntegralNumber())
				throw new Questions.Problem("label " + label + " is not a whole number");
			b.label = label.asInt();
		}
		b.labelName = str(o, "label_name");
		b.dataset = str(o, "dataset");
		b.domain = str(o, "domain");
		b.institution = str(o, "institution");
		b.license = str(o, "license");
		JsonNode mpp = o.get("microns_per_pixel");
		if (mpp != null && !mpp.isNull()) {
			if (!mpp.isNumber()) throw new Questions.Problem("microns_per_pixel " + mpp + " is not a number");
			b.micronsPerPixel = mpp.asDouble();
		}
		b.modality = str(o, "modality");
		b.ncbitaxonId = str(o, "ncbitaxon_id");
		b.ncbitaxonName = str(o, "ncbitaxon_name");
		b.pmid = str(o, "pmid");
		b.split = str(o, "split");
		b.stain = str(o, "stain");
		b.subdomain = str(o, "subdomain");
		b.submodality = str(o, "submodality");
		JsonNode syn = o.get("synthetic");
		if (syn != null && !syn.isNull()) b.synthetic = syn.isBoolean() ? syn.asBoolean() : CsvManifest.parseBool(syn
			.asText());
		b.boxes = annotations("bbox", o.get("bbox"));
		b.polygons = annotations("polygon", o.get("polygon"));

		Map<String, Question> questions = new LinkedHashMap<>(), captions = new LinkedHashMap<>();
		JsonNode qs = o.get("questions");
		if (qs != null && !qs.isNull()) {
			if (!qs.isObject()) throw new Questions.Problem("'questions' must be an object: type → question");
			for (Iterator<Map.Entry<String, JsonNode>> it = qs.fields(); it.hasNext();) {
				Map.Entry<String, JsonNode> e = it.next();
				JsonNode q = e.getValue();
				if (q == null || q.isNull()) continue;
				if (!q.isObject()) throw new Questions.Problem("questions." + e.getKey() + " must be an object");
				String type = e.getKey();
				String qid = str(q, "id");
				Question question = Questions.question(type, qid != null ? qid : b.imageId + "/" + type,
					str(q, "question"), strings(type + ".options", q.get("options")), index(type, q.get("answer_idx")),
					str(q, "answer"), strings(type + ".tags", q.get("tags")));
				questions.put(type, question);
				List<String> templates = strings(type + ".templates", q.get("templates"));
				if (templates != null)
					for (int k = 0; k < templates.size(); k++) {
						Question c = Questions.caption(question, k, templates.get(k));
						captions.put(c.key, c);
					}
			}
		}
		JsonNode cs = o.get("captions");
		if (cs != null && !cs.isNull()) {
			if (!cs.isObject()) throw new Questions.Problem("'captions' must be an object: key → caption question");
			for (Iterator<Map.Entry<String, JsonNode>> it = cs.fields(); it.hasNext();) {
				Map.Entry<String, JsonNode> e = it.next();
				if (e.getValue() == null || e.getValue().isNull()) continue;
				Question c = caption(e.getKey(), e.getValue(), questions);
				if (captions.containsKey(c.key))
					throw new Questions.Problem("caption " + c.key + " is given and also generated from templates");
				captions.put(c.key, c);
			}
		}
		b.questions.putAll(Questions.orderQuestions(questions));
		b.captions.putAll(Questions.orderCaptions(captions));
		return b;
	}

	/** A caption in the release's form; without options it is generated from its question and template. */
	private static Question caption(String key, JsonNode c, Map<String, Question> questions) {
		if (!c.isObject()) throw new Questions.Problem("captions." + key + " must be an object");
		int cut = key.lastIndexOf('_');
		if (cut <= 0 || !key.substring(cut + 1).matches("\\d+"))
			throw new Questions.Problem("caption key '" + key + "' must look like <type>_<n>, e.g. modality_1");
		String name = str(c, "name") != null ? str(c, "name") : key.substring(0, cut);
		int k = Integer.parseInt(key.substring(cut + 1));
		String template = str(c, "question");
		List<String> options = strings(key + ".options", c.get("options"));
		Question q = questions.get(name);
		if (options == null) {
			if (q == null)
				throw new Questions.Problem("caption " + key + " has no options and there is no '" + name +
					"' question to build them from");
			Question built = Questions.caption(q, k, template);
			return new Question(key, built.id, name, built.text, null, built.answerIdx, built.options, built.tags);
		}
		Integer idx = index(key, c.get("answer_idx"));
		if (idx == null && q != null) idx = q.answerIdx;
		Question parsed = Questions.question(name, str(c, "id") != null ? str(c, "id") : q != null ? q.id : key,
			template != null ? template : key, options, idx, null, strings(key + ".tags", c.get("tags")));
		return new Question(key, parsed.id, name, template, null, parsed.answerIdx, parsed.options, parsed.tags);
	}

	private static Integer index(String where, JsonNode n) {
		if (n == null || n.isNull()) return null;
		if (n.isIntegralNumber()) return n.asInt();
		if (n.isTextual()) {
			try {
				return Integer.valueOf(n.asText().trim());
			}
			catch (NumberFormatException e) {
				// fall through
			}
		}
		throw new Questions.Problem(where + ": answer_idx " + n + " is not a whole number");
	}

	private static String str(JsonNode o, String key) {
		JsonNode v = o.get(key);
		if (v == null || v.isNull()) return null;
		if (v.isContainerNode()) throw new Questions.Problem("'" + key + "' must be text, not " + v);
		String s = v.asText();
		return s.trim().isEmpty() ? null : s;
	}

	private static List<String> strings(String where, JsonNode n) {
		if (n == null || n.isNull()) return null;
		if (!n.isArray()) throw new Questions.Problem(where + " must be a list of strings");
		List<String> out = new ArrayList<>();
		for (JsonNode e : n) {
			if (!e.isValueNode() || e.isNull()) throw new Questions.Problem(where + " must be a list of strings");
			out.add(e.asText());
		}
		return out;
	}

	/** Parses a CSV cell holding JSON (bbox, polygon); null for an empty cell. */
	static JsonNode parseJsonCell(String column, String cell) {
		if (cell == null) return null;
		try {
			return JSON.readTree(cell);
		}
		catch (IOException e) {
			throw new Questions.Problem(column + " is not valid JSON (" + firstLine(e) + ")");
		}
	}

	/** [{"className": …, "points": [x0, y0, …]}] → annotations; null when absent. */
	static List<Annotation> annotations(String column, JsonNode list) {
		if (list == null || list.isNull()) return null;
		if (!list.isArray())
			throw new Questions.Problem(column + " must be a list of {\"className\": …, \"points\": [x0, y0, …]}");
		List<Annotation> out = new ArrayList<>();
		for (JsonNode a : list) {
			JsonNode pts = a.get("points");
			if (!a.isObject() || pts == null || !pts.isArray())
				throw new Questions.Problem(column + " entries need \"className\" and a \"points\" list");
			double[] p = new double[pts.size()];
			for (int i = 0; i < p.length; i++) {
				if (!pts.get(i).isNumber()) throw new Questions.Problem(column + " points must be numbers");
				p[i] = pts.get(i).asDouble();
			}
			if (column.equals("bbox") && p.length != 4)
				throw new Questions.Problem("bbox points must be [x1, y1, x2, y2], got " + p.length + " numbers");
			if (p.length % 2 != 0) throw new Questions.Problem(column + " points must be x, y pairs");
			JsonNode name = a.get("className");
			out.add(new Annotation(name == null || name.isNull() ? null : name.asText(), p));
		}
		return out;
	}

	private static String firstLine(IOException e) {
		String s = String.valueOf(e.getMessage());
		int nl = s.indexOf('\n');
		return nl < 0 ? s : s.substring(0, nl);
	}
}
