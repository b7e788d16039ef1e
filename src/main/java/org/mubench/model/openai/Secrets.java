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
package org.mubench.model.openai;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Keeps an API key out of anything a user or a file may see. */
final class Secrets {
	private Secrets() {}

	/** Shortest run of key characters treated as an echo of the key (servers often echo a masked key's ends). */
	static final int MIN_FRAGMENT = 6;
	private static final Pattern KEY_LIKE = Pattern.compile("(?i)\\b(?:sk|rk|pk)-[A-Za-z0-9_*.\\-]{4,}");
	private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)\\S+");

	/**
	 * Replaces in {@code text} every token that contains the key, or a run of at least {@link #MIN_FRAGMENT}
	 * characters of it, and anything shaped like an OpenAI key or a bearer token.
	 */
	static String scrub(String text, String key) {
		if (text == null) return null;
		String t = text;
		if (key != null && !key.isEmpty()) {
			t = t.replace(key, "[redacted]");
			if (key.length() >= MIN_FRAGMENT) {
				StringBuilder out = new StringBuilder();
				// Token by token (whitespace- and quote-delimited) so a partial echo takes its whole token with it.
				Matcher m = Pattern.compile("[^\\s\"',;]+").matcher(t);
				int last = 0;
				while (m.find()) {
					out.append(t, last, m.start());
					String tok = m.group();
					out.append(containsFragment(tok, key) ? "[redacted]" : tok);
					last = m.end();
				}
				out.append(t.substring(last));
				t = out.toString();
			}
		}
		t = KEY_LIKE.matcher(t).replaceAll("[redacted]");
		t = BEARER.matcher(t).replaceAll("$1[redacted]");
		return t;
	}

	private static boolean containsFragment(String token, String key) {
		if (token.length() < MIN_FRAGMENT) return false;
		for (int i = 0; i + MIN_FRAGMENT <= key.length(); i++) {
			if (token.contains(key.substring(i, i + MIN_FRAGMENT))) return true;
		}
		return false;
	}

	/** One line, at most {@code max} characters. */
	static String oneLine(String text, int max) {
		if (text == null) return "";
		String t = text.replaceAll("\\s+", " ").trim();
		return t.length() <= max ? t : t.substring(0, max) + "…";
	}
}
