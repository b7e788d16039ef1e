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
package org.mubench.model.clip;

import java.nio.charset.Charset;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.text.StringEscapeUtils;
import org.apache.commons.text.translate.AggregateTranslator;
import org.apache.commons.text.translate.CharSequenceTranslator;
import org.apache.commons.text.translate.EntityArrays;
import org.apache.commons.text.translate.LookupTranslator;
import org.apache.commons.text.translate.NumericEntityUnescaper;

/**
 * What a model family's tokenizer does to a caption before it splits it into tokens. Hugging Face's CLIP tokenizer
 * (tokenizer.json) normalises by itself; open_clip first cleans the text in Python: {@code ftfy.fix_text},
 * {@code html.unescape} twice, whitespace runs to one space, and for its own BPE tokenizer lower case.
 * <p>
 * ftfy is reproduced for what is deterministic and table-free: HTML entities (only where the text has no '&lt;'),
 * C1 controls read as Windows-1252, Latin ligatures, full-width forms, curly quotes, line breaks, terminal escapes,
 * control characters and NFC, repeated until nothing changes. Its mojibake repair (text decoded with the wrong
 * encoding, e.g. "sÃ³") is not reproduced; docs/parity.md lists the differences.
 */
public enum TextCleaning {
	/** The tokenizer sees the caption as given (Hugging Face CLIP, PLIP). */
	NONE("none"),
	/** open_clip's {@code clean="whitespace"} (its Hugging Face tokenizers, e.g. BiomedCLIP's PubMedBERT). */
	OPEN_CLIP_WHITESPACE("whitespace"),
	/** open_clip's {@code clean="lower"} (its own BPE tokenizer: QuiltNet, OpenCLIP). */
	OPEN_CLIP_LOWER("lower");

	/** The name used in {@code mubench_profile.json}. */
	public final String key;

	TextCleaning(String key) {
		this.key = key;
	}

	/** The cleaning named {@code key}, or null. */
	public static TextCleaning of(String key) {
		for (TextCleaning c : values())
			if (c.key.equals(key))
				return c;
		return null;
	}

	public String clean(String text) {
		if (this == NONE)
			return text;
		String t = fixText(text);
		t = HTML.translate(HTML.translate(t));
		t = collapseWhitespace(t);
		return this == OPEN_CLIP_LOWER ? t.toLowerCase(Locale.ROOT) : t;
	}

	/**
	 * Python's {@code html.unescape} as far as commons-text has it: HTML 4 named entities, {@code &apos;}, and decimal
	 * or hex references with or without the semicolon. HTML5-only names (e.g. {@code &check;}) stay as they are.
	 */
	static final CharSequenceTranslator HTML = new AggregateTranslator(
		new LookupTranslator(EntityArrays.BASIC_UNESCAPE), new LookupTranslator(EntityArrays.ISO8859_1_UNESCAPE),
		new LookupTranslator(EntityArrays.HTML40_EXTENDED_UNESCAPE), new LookupTranslator(EntityArrays.APOS_UNESCAPE),
		new NumericEntityUnescaper(NumericEntityUnescaper.OPTION.semiColonOptional));

	/** ftfy's entity pattern: only complete entities ending in a semicolon are decoded. */
	private static final Pattern FTFY_ENTITY = Pattern.compile("&#?[0-9A-Za-z]{1,24};");
	private static final Pattern TERMINAL_ESCAPE = Pattern.compile("\u001b\\[((?:\\d|;)*)([a-zA-Z])");
	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	/** ftfy.fix_text with its default settings, less mojibake repair; line by line as ftfy runs it. */
	static String fixText(String text) {
		final StringBuilder out = new StringBuilder(text.length());
		boolean unescape = true;
		int pos = 0;
		while (pos < text.length()) {
			int end = text.indexOf('\n', pos) + 1;
			if (end == 0)
				end = text.length();
			String seg = text.substring(pos, end);
			if (seg.indexOf('<') >= 0)
				unescape = false; // ftfy's "auto": text with '<' may be HTML source, and stays escaped from here on
			String orig;
			do {
				orig = seg;
				if (unescape)
					seg = replaceEntities(seg);
				seg = fixSegment(seg);
			}
			while (!seg.equals(orig));
			out.append(seg);
			pos = end;
		}
		return out.toString();
	}

	private static String replaceEntities(String s) {
		if (s.indexOf('&') < 0)
			return s;
		final Matcher m = FTFY_ENTITY.matcher(s);
		final StringBuffer b = new StringBuffer();
		while (m.find())
			m.appendReplacement(b, Matcher.quoteReplacement(StringEscapeUtils.unescapeHtml4(m.group())));
		m.appendTail(b);
		return b.toString();
	}

	private static String fixSegment(String s) {
		final StringBuilder b = new StringBuilder(s.length());
		for (int i = 0; i < s.length(); i++) {
			final char c = s.charAt(i);
			if (c >= 0x80 && c <= 0x9f) { // fix_c1_controls: sloppy Windows-1252 (undefined bytes keep their code)
				final String d = new String(new byte[] { (byte) c }, WINDOWS_1252);
				b.append(d.charAt(0) == '\ufffd' ? c : d.charAt(0));
			}
			else if (LIGATURES.indexOf(c) >= 0)
				b.append(LIGATURE_TEXT[LIGATURES.indexOf(c)]);
			else if (c == 0x3000)
				b.append(' ');
			else if (c >= 0xff01 && c < 0xfff0) // fix_character_width
				b.append(Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKC));
			else if (c == 0x02bc || (c >= 0x2018 && c <= 0x201b))
				b.append('\'');
			else if (c >= 0x201c && c <= 0x201f)
				b.append('"');
			else
				b.append(c);
		}
		String t = b.toString().replace("\r\n", "\n").replace('\r', '\n').replace('\u2028', '\n').replace('\u2029', '\n')
			.replace('\u0085', '\n');
		t = TERMINAL_ESCAPE.matcher(t).replaceAll("");
		final StringBuilder k = new StringBuilder(t.length());
		for (int i = 0; i < t.length(); i++) {
			final int cp = t.codePointAt(i);
			if (!isRemovedControl(cp))
				k.appendCodePoint(cp);
			if (Character.isSupplementaryCodePoint(cp))
				i++;
		}
		return Normalizer.normalize(k, Normalizer.Form.NFC);
	}

	/** ftfy's CONTROL_CHARS: characters it deletes. */
	private static boolean isRemovedControl(int cp) {
		return cp <= 0x08 || cp == 0x0b || (cp >= 0x0e && cp <= 0x1f) || cp == 0x7f || (cp >= 0x206a && cp <= 0x206f)
			|| cp == 0xfeff || (cp >= 0xfff9 && cp <= 0xfffc);
	}

	private static final String LIGATURES = "\u0132\u0133\u0149\u01f1\u01f2\u01f3\u01c4\u01c5\u01c6\u01c7\u01c8\u01c9"
		+ "\u01ca\u01cb\u01cc\ufb00\ufb01\ufb02\ufb03\ufb04\ufb05\ufb06";
	private static final String[] LIGATURE_TEXT = { "IJ", "ij", "\u02bcn", "DZ", "Dz", "dz", "D\u017d", "D\u017e",
		"d\u017e", "LJ", "Lj", "lj", "NJ", "Nj", "nj", "ff", "fi", "fl", "ffi", "ffl", "\u017ft", "st" };

	/** Python's {@code " ".join(text.split())} after {@code strip()}: runs of Unicode whitespace become one space. */
	static String collapseWhitespace(String s) {
		final StringBuilder b = new StringBuilder(s.length());
		boolean pending = false;
		for (int i = 0; i < s.length(); i++) {
			final char c = s.charAt(i);
			if (isPythonSpace(c)) {
				pending = b.length() > 0;
				continue;
			}
			if (pending)
				b.append(' ');
			pending = false;
			b.append(c);
		}
		return b.toString();
	}

	/** Python's {@code str.isspace}. */
	private static boolean isPythonSpace(char c) {
		return (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x20) || c == 0x85 || c == 0xa0 || c == 0x1680
			|| (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f || c == 0x3000;
	}

}
