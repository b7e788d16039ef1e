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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the Python literals the eVLLM harness stores in its CSV cells ({@code str(dict)}, {@code str(list)}): strings
 * in single or double quotes with backslash escapes, numbers, lists/tuples, dicts, True/False/None. A call such as
 * {@code tensor([3])} or {@code array([...], dtype=...)} is read as its first argument. Throws
 * {@link IllegalArgumentException} with the position on anything else.
 */
final class PyLiteral {
	private final String s;
	private int i;

	private PyLiteral(String s) {
		this.s = s;
	}

	static Object parse(String text) {
		PyLiteral p = new PyLiteral(text);
		p.ws();
		Object v = p.value();
		p.ws();
		if (p.i != p.s.length()) throw p.error("unexpected text after the value");
		return v;
	}

	private IllegalArgumentException error(String what) {
		return new IllegalArgumentException(what + " at character " + i);
	}

	private void ws() {
		while (i < s.length() && Character.isWhitespace(s.charAt(i)))
			i++;
	}

	private Object value() {
		if (i >= s.length()) throw error("value expected");
		char c = s.charAt(i);
		if (c == '\'' || c == '"') return string();
		if (c == '[' || c == '(') return list(c == '[' ? ']' : ')');
		if (c == '{') return dict();
		if (c == '-' || c == '+' || c == '.' || Character.isDigit(c)) return number();
		if (Character.isLetter(c) || c == '_') {
			int start = i;
			while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '.'))
				i++;
			String word = s.substring(start, i);
			if (word.equals("True")) return Boolean.TRUE;
			if (word.equals("False")) return Boolean.FALSE;
			if (word.equals("None")) return null;
			// np.nan: what the harness's nan rewrite leaves in a stored answer.
			if (word.equals("nan") || word.equals("np.nan")) return Double.NaN;
			ws();
			if (i < s.length() && s.charAt(i) == '(') {
				i++;
				ws();
				Object first = value();
				// Skip remaining arguments (dtype=..., device=...) up to the matching parenthesis.
				int depth = 1;
				while (i < s.length() && depth > 0) {
					char ch = s.charAt(i);
					if (ch == '\'' || ch == '"') {
						string();
						continue;
					}
					if (ch == '(' || ch == '[' || ch == '{') depth++;
					else if (ch == ')' || ch == ']' || ch == '}') depth--;
					i++;
				}
				if (depth != 0) throw error("unclosed call " + word + "(");
				return first;
			}
			throw error("unknown name " + word);
		}
		throw error("unexpected '" + c + "'");
	}

	private String string() {
		char q = s.charAt(i++);
		StringBuilder b = new StringBuilder();
		while (i < s.length()) {
			char c = s.charAt(i++);
			if (c == q) return b.toString();
			if (c != '\\') {
				b.append(c);
				continue;
			}
			if (i >= s.length()) break;
			char e = s.charAt(i++);
			switch (e) {
				case 'n': b.append('\n'); break;
				case 't': b.append('\t'); break;
				case 'r': b.append('\r'); break;
				case '0': b.append('\0'); break;
				case 'x':
					b.append((char) Integer.parseInt(s.substring(i, i + 2), 16));
					i += 2;
					break;
				case 'u':
					b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
					i += 4;
					break;
				case 'U':
					b.appendCodePoint(Integer.parseInt(s.substring(i, i + 8), 16));
					i += 8;
					break;
				default: b.append(e); // \\, \', \" and unknown escapes keep the character
			}
		}
		throw error("unterminated string");
	}

	private List<Object> list(char close) {
		i++;
		List<Object> out = new ArrayList<>();
		ws();
		while (i < s.length() && s.charAt(i) != close) {
			out.add(value());
			ws();
			if (i < s.length() && s.charAt(i) == ',') {
				i++;
				ws();
			}
			else break;
		}
		if (i >= s.length() || s.charAt(i) != close) throw error("'" + close + "' expected");
		i++;
		return out;
	}

	private Map<String, Object> dict() {
		i++;
		Map<String, Object> out = new LinkedHashMap<>();
		ws();
		while (i < s.length() && s.charAt(i) != '}') {
			Object k = value();
			ws();
			if (i >= s.length() || s.charAt(i) != ':') throw error("':' expected");
			i++;
			ws();
			out.put(String.valueOf(k), value());
			ws();
			if (i < s.length() && s.charAt(i) == ',') {
				i++;
				ws();
			}
			else break;
		}
		if (i >= s.length() || s.charAt(i) != '}') throw error("'}' expected");
		i++;
		return out;
	}

	private Number number() {
		int start = i;
		while (i < s.length() && "+-.0123456789eE".indexOf(s.charAt(i)) >= 0)
			i++;
		String t = s.substring(start, i);
		try {
			if (t.matches("[+-]?\\d+")) return Long.parseLong(t);
			return Double.parseDouble(t);
		}
		catch (NumberFormatException e) {
			throw error("bad number " + t);
		}
	}
}
