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
package org.mubench.eval.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.mubench.base.Json;

/**
 * How a model is asked for boxes and how its reply is read. Parsers never throw: a reply without any box in the
 * expected syntax gives no boxes and {@link ParsedBoxes#parseable} false. Boxes come out in pixels of the model frame
 * ({@code frameWidth × frameHeight}); {@link FrameMapping} takes them back to the original image.
 */
public enum BoxFormat {
	/**
	 * Qwen-VL: prompt {@code Detect {class}}; reply {@code <ref>label</ref><box>(x1,y1),(x2,y2)</box>…} with corners on
	 * a 0–1000 grid over the frame.
	 */
	QWEN {
		@Override
		public String prompt(String className, int width, int height) {
			return "Detect " + className;
		}

		@Override
		public ParsedBoxes parse(String reply, int frameWidth, int frameHeight, BoxUnits units) {
			return parseQwen(reply, frameWidth, frameHeight);
		}
	},
	/**
	 * PaliGemma: prompt {@code detect {class}}; reply {@code <locYMIN><locXMIN><locYMAX><locXMAX> label ; …}, each
	 * token 4 digits over a 1024 grid (value/1024 × size).
	 */
	PALIGEMMA {
		@Override
		public String prompt(String className, int width, int height) {
			return "detect " + className;
		}

		@Override
		public ParsedBoxes parse(String reply, int frameWidth, int frameHeight, BoxUnits units) {
			return parsePaliGemma(reply, frameWidth, frameHeight);
		}
	},
	/** API models: a JSON instruction (see {@link #JSON_PROMPT}); reply {@code [[x1,y1,x2,y2],…]} or {@code {"boxes": …}}. */
	JSON {
		@Override
		public String prompt(String className, int width, int height) {
			return String.format(Locale.ROOT, JSON_PROMPT, className, width, height);
		}

		@Override
		public ParsedBoxes parse(String reply, int frameWidth, int frameHeight, BoxUnits units) {
			return parseJson(reply, frameWidth, frameHeight, units);
		}
	};

	/**
	 * The instruction sent to API models; {@code %1$s} = class, {@code %2$d × %3$d} = the image size in pixels as sent.
	 */
	public static final String JSON_PROMPT = "Detect every %1$s in this microscopy image. The image is %2$d x %3$d pixels. "
		+ "Reply with JSON only, no other text: {\"boxes\": [[x1, y1, x2, y2], ...]} with one box per %1$s, where "
		+ "(x1, y1) is its top-left and (x2, y2) its bottom-right corner in pixels (x to the right, y down). "
		+ "Reply {\"boxes\": []} if there is none.";

	/** The prompt for one class on an image of {@code width × height} pixels as sent to the model. */
	public abstract String prompt(String className, int width, int height);

	/** Reads the boxes of one reply; never throws. */
	public abstract ParsedBoxes parse(String reply, int frameWidth, int frameHeight, BoxUnits units);

	public static BoxFormat parseName(String s) {
		if (s != null) {
			switch (s.trim().toLowerCase(Locale.ROOT)) {
				case "qwen":
				case "qwen-vl":
					return QWEN;
				case "paligemma":
					return PALIGEMMA;
				case "json":
					return JSON;
				default:
			}
		}
		throw new IllegalArgumentException("box format '" + s + "': use qwen, paligemma or json");
	}

	private static final String NUM = "\\s*(-?\\d+(?:\\.\\d+)?)\\s*";
	// Qwen-VL writes <box>…</box> and <ref>…</ref>; Qwen2-VL the same on the same grid with <|box_start|>… tokens.
	private static final Pattern QWEN_BOX = Pattern.compile("(?:<box>|<\\|box_start\\|>)\\s*\\(" + NUM + "," + NUM
		+ "\\)\\s*,?\\s*\\(" + NUM + "," + NUM + "\\)\\s*(?:</box>|<\\|box_end\\|>)");
	private static final Pattern QWEN_REF = Pattern.compile("(?:<ref>|<\\|object_ref_start\\|>)(.*?)(?:</ref>|<\\|object_ref_end\\|>)",
		Pattern.DOTALL);

	static ParsedBoxes parseQwen(String reply, int w, int h) {
		if (reply == null || reply.isEmpty()) return ParsedBoxes.unparseable("empty reply");
		List<Box> boxes = new ArrayList<>();
		List<String> labels = new ArrayList<>();
		Matcher m = QWEN_BOX.matcher(reply);
		while (m.find()) {
			double x1 = Double.parseDouble(m.group(1)), y1 = Double.parseDouble(m.group(2));
			double x2 = Double.parseDouble(m.group(3)), y2 = Double.parseDouble(m.group(4));
			boxes.add(new Box(x1 / 1000 * w, y1 / 1000 * h, x2 / 1000 * w, y2 / 1000 * h));
			labels.add(lastRefBefore(reply, m.start()));
		}
		if (boxes.isEmpty()) return ParsedBoxes.unparseable("no <box>(x1,y1),(x2,y2)</box> in the reply");
		return new ParsedBoxes(boxes, labels, true, null);
	}

	private static String lastRefBefore(String reply, int end) {
		Matcher r = QWEN_REF.matcher(reply);
		String label = null;
		while (r.find() && r.end() <= end)
			label = r.group(1).trim();
		return label;
	}

	private static final Pattern LOC = Pattern.compile("<loc(\\d{4})>");

	/** The harness's retry prompt when PaliGemma detects nothing ({@code paligemma.py}). */
	public static String paliGemmaSegmentPrompt(String className) {
		return "segment " + className + "; " + className;
	}

	/**
	 * As the harness reads PaliGemma ({@code forward_detect} in {@code paligemma.py}): split the reply on {@code ;},
	 * take the {@code <loc####>} tokens of each part, skip parts without any, keep the first four as y_min, x_min,
	 * y_max, x_max over 1024. A part with one to three tokens (on which the harness's own code stops with an error) is
	 * skipped here and the reply marked with a problem.
	 */
	static ParsedBoxes parsePaliGemma(String reply, int w, int h) {
		if (reply == null || reply.isEmpty()) return ParsedBoxes.unparseable("empty reply");
		List<Box> boxes = new ArrayList<>();
		List<String> labels = new ArrayList<>();
		String problem = null;
		for (String part : reply.split(";", -1)) {
			Matcher m = LOC.matcher(part);
			List<Integer> v = new ArrayList<>();
			int end = 0;
			while (m.find()) {
				if (v.size() < 4) end = m.end();
				v.add(Integer.parseInt(m.group(1)));
			}
			if (v.isEmpty()) continue;
			if (v.size() < 4) {
				problem = "a part with fewer than four <loc####> tokens was skipped";
				continue;
			}
			double yMin = v.get(0), xMin = v.get(1), yMax = v.get(2), xMax = v.get(3);
			boxes.add(new Box(xMin / 1024 * w, yMin / 1024 * h, xMax / 1024 * w, yMax / 1024 * h));
			String label = part.substring(end).replaceAll("<[^>]*>", "").trim();
			labels.add(label.isEmpty() ? null : label);
		}
		if (boxes.isEmpty()) return ParsedBoxes.unparseable("no <loc####> quadruple in the reply");
		return new ParsedBoxes(boxes, labels, true, problem);
	}

	private static final ObjectMapper JSON_MAPPER = Json.MAPPER;
	private static final Pattern FENCE = Pattern.compile("```(?:json|JSON)?\\s*(.*?)```", Pattern.DOTALL);

	static ParsedBoxes parseJson(String reply, int w, int h, BoxUnits units) {
		if (reply == null || reply.trim().isEmpty()) return ParsedBoxes.unparseable("empty reply");
		JsonNode root = readJson(reply);
		if (root == null) return ParsedBoxes.unparseable("no JSON boxes in the reply");
		if (root.isObject()) {
			JsonNode inner = null;
			for (String key : new String[] { "boxes", "bboxes", "bounding_boxes", "detections", "objects" })
				if (root.has(key)) {
					inner = root.get(key);
					break;
				}
			if (inner == null) return ParsedBoxes.unparseable("JSON object without a \"boxes\" list");
			root = inner;
		}
		if (!root.isArray()) return ParsedBoxes.unparseable("JSON \"boxes\" is not a list");
		// A single flat box [x1, y1, x2, y2] is accepted too.
		if (root.size() == 4 && isNumber4(root)) {
			com.fasterxml.jackson.databind.node.ArrayNode wrapped = JSON_MAPPER.createArrayNode();
			wrapped.add(root);
			root = wrapped;
		}
		List<double[]> raw = new ArrayList<>();
		List<String> labels = new ArrayList<>();
		int skipped = 0;
		for (JsonNode item : root) {
			JsonNode coords = item;
			String label = null;
			if (item.isObject()) {
				coords = null;
				for (String key : new String[] { "box", "bbox", "box_2d", "coordinates" })
					if (item.has(key)) {
						coords = item.get(key);
						break;
					}
				for (String key : new String[] { "label", "class", "name" })
					if (item.has(key) && item.get(key).isTextual()) {
						label = item.get(key).asText();
						break;
					}
			}
			if (coords == null || !isNumber4(coords)) {
				skipped++;
				continue;
			}
			raw.add(new double[] { coords.get(0).asDouble(), coords.get(1).asDouble(), coords.get(2).asDouble(),
				coords.get(3).asDouble() });
			labels.add(label);
		}
		if (raw.isEmpty() && skipped > 0) return ParsedBoxes.unparseable("no entry of the JSON list is a box of 4 numbers");
		boolean normalised = units == BoxUnits.NORMALIZED;
		if (units == BoxUnits.AUTO && !raw.isEmpty()) {
			normalised = true;
			for (double[] r : raw)
				for (double v : r)
					if (v < 0 || v > 1) normalised = false;
		}
		List<Box> boxes = new ArrayList<>();
		for (double[] r : raw)
			boxes.add(normalised ? new Box(r[0] * w, r[1] * h, r[2] * w, r[3] * h) : new Box(r[0], r[1], r[2], r[3]));
		return new ParsedBoxes(boxes, labels, true, skipped > 0 ? skipped + " JSON entries were not boxes" : null);
	}

	private static boolean isNumber4(JsonNode n) {
		if (!n.isArray() || n.size() != 4) return false;
		for (JsonNode v : n)
			if (!v.isNumber()) return false;
		return true;
	}

	/** The reply as JSON: whole, else inside a code fence, else the span from the first bracket to its last partner. */
	private static JsonNode readJson(String reply) {
		List<String> candidates = new ArrayList<>();
		candidates.add(reply.trim());
		Matcher f = FENCE.matcher(reply);
		while (f.find())
			candidates.add(f.group(1).trim());
		int sq = reply.indexOf('['), br = reply.indexOf('{');
		if (br >= 0 && (sq < 0 || br < sq)) {
			int end = reply.lastIndexOf('}');
			if (end > br) candidates.add(reply.substring(br, end + 1));
		}
		if (sq >= 0) {
			int end = reply.lastIndexOf(']');
			if (end > sq) candidates.add(reply.substring(sq, end + 1));
		}
		for (String c : candidates) {
			if (c.isEmpty() || (c.charAt(0) != '[' && c.charAt(0) != '{')) continue;
			try {
				return JSON_MAPPER.readTree(c);
			}
			catch (Exception e) {
				// try the next candidate
			}
		}
		return null;
	}
}
