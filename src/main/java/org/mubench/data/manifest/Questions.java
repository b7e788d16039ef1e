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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.mubench.data.Question;

/** Builds questions and captions from manifest fields with the release's rules, checking them as it goes. */
final class Questions {
	private Questions() {}

	static final String NONE = "none of the above";

	/** The paper's question strings for the five coarse types (MICROBENCH.md §1), used when a manifest gives none. */
	static final Map<String, String> DEFAULT_TEXT = new HashMap<>();
	static {
		DEFAULT_TEXT.put("domain", "What is the most likely field of study this micrograph would be used for?");
		DEFAULT_TEXT.put("subdomain", "What is the most likely subfield of study this micrograph would be used for?");
		DEFAULT_TEXT.put("modality", "What is the most likely microscopy modality used to acquire this image?");
		DEFAULT_TEXT.put("submodality", "What is the most likely microscopy submodality used to acquire this image?");
		DEFAULT_TEXT.put("stain", "What is the most likely technique used to stain this micrograph?");
	}

	/** A problem in one manifest entry; the caller prefixes file and line. */
	static final class Problem extends RuntimeException {
		Problem(String message) {
			super(message);
		}
	}

	/**
	 * A question of type {@code name}. {@code none of the above} is appended when the options do not already end with
	 * it. The gold option comes from {@code answerIdx} (0-based) or {@code answer} (its text); when both are given they
	 * must agree.
	 */
	static Question question(String name, String id, String text, List<String> options, Integer answerIdx,
		String answer, List<String> tags)
	{
		if (options == null || options.isEmpty()) throw new Problem(name + ": no options");
		List<String> opts = new ArrayList<>();
		for (String o : options) {
			if (o == null || o.trim().isEmpty()) throw new Problem(name + ": an option is empty");
			opts.add(o.trim());
		}
		if (!opts.get(opts.size() - 1).equals(NONE)) opts.add(NONE);
		for (int i = 0; i < opts.size(); i++)
			if (opts.indexOf(opts.get(i)) != i) throw new Problem(name + ": option '" + opts.get(i) + "' is listed twice");
		Integer gold = answerIdx;
		if (gold != null && (gold < 0 || gold >= opts.size()))
			throw new Problem(name + ": answer_idx " + gold + " is outside the " + opts.size() + " options " + opts);
		if (answer != null && !answer.trim().isEmpty()) {
			int at = opts.indexOf(answer.trim());
			if (at < 0) throw new Problem(name + ": answer '" + answer + "' is not one of the options " + opts);
			if (gold != null && gold != at)
				throw new Problem(name + ": answer '" + answer + "' is option " + at + " but answer_idx says " + gold);
			gold = at;
		}
		if (gold == null) throw new Problem(name + ": no gold answer (give answer_idx or answer)");
		if (text == null || text.trim().isEmpty()) text = DEFAULT_TEXT.get(name);
		if (text == null) throw new Problem(name + ": no question text");
		return new Question(name, id, name, text, opts.get(gold), gold, opts, tags);
	}

	/** Caption {@code name_k}: each option put into {@code template} at {@code {class}}, the last kept bare. */
	static Question caption(Question q, int k, String template) {
		if (template == null || !template.contains("{class}"))
			throw new Problem(q.name + ": caption template '" + template + "' has no {class} placeholder");
		List<String> sentences = new ArrayList<>();
		for (String o : q.options) sentences.add(o.equals(NONE) ? o : template.replace("{class}", o));
		return new Question(q.name + "_" + k, q.id, q.name, template, null, q.answerIdx, sentences, q.tags);
	}

	/** Splits {@code a|b|c}; {@code \|} is a literal bar and {@code \\} a backslash. */
	static List<String> splitBars(String s) {
		List<String> out = new ArrayList<>();
		StringBuilder b = new StringBuilder();
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c == '\\' && i + 1 < s.length() && (s.charAt(i + 1) == '|' || s.charAt(i + 1) == '\\' ||
				s.charAt(i + 1) == '*'))
			{
				b.append('\\').append(s.charAt(++i)); // keep the escape until the star check
			}
			else if (c == '|') {
				out.add(b.toString());
				b.setLength(0);
			}
			else b.append(c);
		}
		out.add(b.toString());
		return out;
	}

	/** Removes the escapes left by {@link #splitBars}. */
	static String unescape(String s) {
		StringBuilder b = new StringBuilder();
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c == '\\' && i + 1 < s.length() && "|\\*".indexOf(s.charAt(i + 1)) >= 0) b.append(s.charAt(++i));
			else b.append(c);
		}
		return b.toString();
	}

	/** The release's order of question keys; other keys follow in the order given. */
	static final List<String> QUESTION_ORDER = java.util.Arrays.asList("classification", "domain", "modality", "stain",
		"subdomain", "submodality");
	/** The release's order of caption types. */
	static final List<String> CAPTION_ORDER = java.util.Arrays.asList("modality", "submodality", "domain", "stain",
		"classification");

	static Map<String, Question> orderQuestions(Map<String, Question> in) {
		Map<String, Question> out = new java.util.LinkedHashMap<>();
		for (String k : QUESTION_ORDER)
			if (in.containsKey(k)) out.put(k, in.get(k));
		out.putAll(in);
		return out;
	}

	static Map<String, Question> orderCaptions(Map<String, Question> in) {
		List<String> keys = new ArrayList<>(in.keySet());
		keys.sort((a, b) -> {
			Question x = in.get(a), y = in.get(b);
			int ia = CAPTION_ORDER.indexOf(x.name), ib = CAPTION_ORDER.indexOf(y.name);
			if (ia < 0) ia = CAPTION_ORDER.size();
			if (ib < 0) ib = CAPTION_ORDER.size();
			if (ia != ib) return ia - ib;
			if (!x.name.equals(y.name)) return 0; // keep the given order among other types
			return Integer.compare(x.template(), y.template());
		});
		Map<String, Question> out = new java.util.LinkedHashMap<>();
		for (String k : keys) out.put(k, in.get(k));
		return out;
	}
}
