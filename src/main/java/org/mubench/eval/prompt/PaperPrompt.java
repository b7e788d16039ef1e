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
package org.mubench.eval.prompt;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mubench.data.Question;

/**
 * The generative protocol of μ-Bench: the paper's prompt, its official correctness rule, and a stricter letter parser.
 * <p>
 * Prompt layout (MICROBENCH.md §3): the instruction line, {@code Question:} immediately followed by the question text
 * (no space), then one line per option lettered {@code A) }, {@code B) }, … in dataset order. Lines are joined with
 * {@code \n} and there is <b>no trailing newline</b>: the spec writes the options as {@code A) <opt0>\nB) <opt1>…}
 * with separators only between lines, i.e. the options are newline-joined. Letters are {@code 'A' + index}, as the
 * reference code does, so a 27th option would get {@code [}; no μ-Bench question has that many.
 */
public final class PaperPrompt {
	/** The first line of every prompt. */
	public static final String INSTRUCTION = "Answer with a single letter, no extra details.";

	private PaperPrompt() {}

	/** The letter of option {@code index} ({@code 0 → 'A'}). */
	public static char letter(int index) {
		return (char) ('A' + index);
	}

	/** The lettered form of an option as it appears in the prompt, e.g. {@code B) basophil}. */
	public static String lettered(int index, String option) {
		return letter(index) + ") " + option;
	}

	/** The exact prompt for a question. */
	public static String prompt(Question q) {
		StringBuilder sb = new StringBuilder();
		sb.append(INSTRUCTION).append('\n');
		sb.append("Question:").append(q.text);
		for (int i = 0; i < q.options.size(); i++) {
			sb.append('\n').append(lettered(i, q.options.get(i)));
		}
		return sb.toString();
	}

	/**
	 * The paper's official rule exactly as the harness applies it ({@code check_prediction} in {@code eval_utils.py}):
	 * correct iff the gold lettered option (e.g. {@code B) basophil}) occurs in the reply, or the reply's very first
	 * character (no trimming) is the gold letter; case-sensitive. The reply is first put through the harness's
	 * {@code nan} rewrite ({@link #harnessNanRewrite}). A null reply, or a gold index outside the options, is wrong.
	 */
	public static boolean isCorrect(String reply, Question q) {
		if (reply == null) return false;
		int gold = q.answerIdx;
		if (gold < 0 || gold >= q.options.size()) return false;
		return matchesGold(harnessNanRewrite(reply), lettered(gold, q.options.get(gold)), gold);
	}

	/**
	 * The harness's check on text it has already read back: {@code correctAnswer} (its stored lettered gold option)
	 * is a substring of {@code text}, or the first character of {@code text} is the gold letter.
	 */
	public static boolean matchesGold(String text, String correctAnswer, int goldIdx) {
		if (text == null) return false;
		if (correctAnswer != null && text.contains(correctAnswer)) return true;
		return !text.isEmpty() && goldIdx >= 0 && text.charAt(0) == letter(goldIdx);
	}

	/**
	 * The reply as the harness reads it back. The harness stores {@code str(dict)} of the model output in its CSV and,
	 * before {@code eval}-ing it, replaces every {@code nan} in that text by {@code np.nan} (meant for NaN numbers, it
	 * also hits words: "malignancy" becomes "malignp.nancy", so the gold option no longer matches). This is the
	 * harness's behaviour and we reproduce it: the replacement works on the Python literal of the reply, where a line
	 * break is written {@code \n}, so a line break followed by "an" turns into a line break followed by "p.nan".
	 */
	public static String harnessNanRewrite(String reply) {
		if (reply == null || reply.indexOf('n') < 0) return reply;
		// Python's repr escapes a backslash as \\ and a line feed as \n; no other escape it writes holds an 'n'.
		String literal = reply.replace("\\", "\\\\").replace("\n", "\\n");
		String rewritten = literal.replace("nan", "np.nan");
		StringBuilder out = new StringBuilder(rewritten.length());
		for (int i = 0; i < rewritten.length(); i++) {
			char c = rewritten.charAt(i);
			if (c == '\\' && i + 1 < rewritten.length()) {
				char e = rewritten.charAt(++i);
				out.append(e == 'n' ? '\n' : e);
			}
			else out.append(c);
		}
		return out.toString();
	}

	// A reply that is only a letter, optionally bracketed and/or followed by '.', ')' or ':'.
	private static final Pattern LONE = Pattern.compile("^[(\\[]?([A-Za-z])[)\\].:]?$");
	// A reply that starts with "(B)" or "B)" (any case: the bracket makes the intent clear).
	private static final Pattern START_BRACKET = Pattern.compile("^(?:\\(([A-Za-z])\\)|\\[([A-Za-z])\\]|([A-Za-z])\\))(.*)$",
		Pattern.DOTALL);
	// A reply that starts with "B." or "B:" then whitespace; upper case only, so "a." style prose is not read as a choice.
	private static final Pattern START_PERIOD = Pattern.compile("^([A-Z])[.:](?:\\s+(.*))?$", Pattern.DOTALL);
	// "answer is B", "Answer: B", "answer is (B)", "Answer: **B**"; the letter must be upper case and stand alone.
	private static final Pattern ANSWER_IS = Pattern.compile(
		"(?i:\\banswer)(?:\\s+(?i:is)|\\s*:)\\s*(?:option\\s+)?[(\\[*]*([A-Z])(?![A-Za-z0-9])");

	/**
	 * A stricter reading of a reply than {@link #isCorrect}: returns the chosen option index, or −1 when the reply
	 * does not name exactly one option.
	 * <p>
	 * Accepted, tried in this order on the trimmed reply with surrounding markdown ({@code *}, {@code `}) removed:
	 * <ol>
	 * <li>a lone letter, optionally bracketed or followed by {@code .}, {@code )} or {@code :} ({@code B}, {@code b},
	 * {@code (B)}, {@code B.});</li>
	 * <li>a reply starting with {@code (B)}, {@code [B]} or {@code B)}; when the rest of the reply is exactly the text
	 * of a <em>different</em> option (e.g. {@code A) basophil} with basophil being option B) the reply is ambiguous
	 * → −1;</li>
	 * <li>a reply starting with an upper-case {@code B.} or {@code B:} followed by whitespace or nothing (same
	 * consistency check);</li>
	 * <li>{@code answer is B} / {@code Answer: B} anywhere (upper-case letter); different letters → −1;</li>
	 * <li>the reply equal to one option's text, ignoring case and a final period; several equal options → −1.</li>
	 * </ol>
	 * A letter beyond the number of options gives −1.
	 */
	public static int parseChoice(String reply, List<String> options) {
		if (reply == null || options == null || options.isEmpty()) return -1;
		String r = stripMarkup(reply.trim());
		if (r.isEmpty()) return -1;
		int n = options.size();

		Matcher m = LONE.matcher(r);
		if (m.matches()) return letterIndex(m.group(1).charAt(0), n);

		m = START_BRACKET.matcher(r);
		if (m.matches()) {
			String l = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
			return consistent(letterIndex(l.charAt(0), n), m.group(4), options);
		}

		m = START_PERIOD.matcher(r);
		if (m.matches()) return consistent(letterIndex(m.group(1).charAt(0), n), m.group(2), options);

		m = ANSWER_IS.matcher(r);
		Set<Character> letters = new LinkedHashSet<>();
		while (m.find())
			letters.add(m.group(1).charAt(0));
		if (letters.size() == 1) return letterIndex(letters.iterator().next(), n);
		if (letters.size() > 1) return -1;

		return optionByText(r, options);
	}

	/** The index named by a letter (either case), or −1 when beyond the options. */
	private static int letterIndex(char c, int n) {
		int i = Character.toUpperCase(c) - 'A';
		return i >= 0 && i < n ? i : -1;
	}

	/** Keeps a letter choice unless the text after it is exactly another option's text. */
	private static int consistent(int idx, String rest, List<String> options) {
		if (idx < 0 || rest == null) return idx;
		String t = stripMarkup(rest.trim());
		if (t.isEmpty()) return idx;
		int byText = optionByText(t, options);
		if (byText >= 0 && byText != idx) return -1;
		return idx;
	}

	/** The unique option whose text equals {@code text} ignoring case and a final period, or −1. */
	private static int optionByText(String text, List<String> options) {
		String t = normalise(text);
		List<Integer> hits = new ArrayList<>();
		for (int i = 0; i < options.size(); i++) {
			String o = options.get(i);
			if (o != null && normalise(o).equals(t)) hits.add(i);
		}
		return hits.size() == 1 ? hits.get(0) : -1;
	}

	private static String normalise(String s) {
		String t = s.trim();
		while (t.endsWith(".")) t = t.substring(0, t.length() - 1).trim();
		return t.toLowerCase(Locale.ROOT);
	}

	/** Removes markdown emphasis or code marks wrapping the whole reply ({@code **B**}, {@code `B`}). */
	private static String stripMarkup(String s) {
		int a = 0, b = s.length();
		while (a < b && (s.charAt(a) == '*' || s.charAt(a) == '`' || s.charAt(a) == '_')) a++;
		while (b > a && (s.charAt(b - 1) == '*' || s.charAt(b - 1) == '`' || s.charAt(b - 1) == '_')) b--;
		return s.substring(a, b).trim();
	}
}
