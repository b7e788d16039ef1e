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
package org.mubench.data;

import java.util.ArrayList;
import java.util.List;

/**
 * The one CSV reader (manifests, EvLLM result files): RFC 4180 as spreadsheets and pandas write it, comma-separated,
 * fields optionally in double quotes ("" inside is a quote; newlines allowed). Strict about stray quotes, so a broken
 * file is named rather than read wrongly.
 */
public final class Csv {
	private Csv() {}

	/** One record and the 1-based line on which it starts. */
	public static final class Record {
		public final int line;
		public final List<String> fields;

		Record(int line, List<String> fields) {
			this.line = line;
			this.fields = fields;
		}
	}

	/** Parses {@code text}; blank lines are skipped. Throws IllegalArgumentException("line N: …") on bad quoting. */
	public static List<Record> parse(String text) {
		List<Record> out = new ArrayList<>();
		if (text.startsWith("\uFEFF")) text = text.substring(1); // spreadsheet byte-order mark
		int i = 0, n = text.length(), line = 1;
		while (i < n) {
			int start = line;
			List<String> fields = new ArrayList<>();
			StringBuilder f = new StringBuilder();
			boolean quoted = false, wasQuoted = false;
			boolean endOfRecord = false;
			while (i < n && !endOfRecord) {
				char c = text.charAt(i);
				if (quoted) {
					if (c == '"') {
						if (i + 1 < n && text.charAt(i + 1) == '"') {
							f.append('"');
							i += 2;
							continue;
						}
						quoted = false;
						i++;
						continue;
					}
					if (c == '\n') line++;
					f.append(c);
					i++;
					continue;
				}
				if (c == '"') {
					if (f.length() > 0 || wasQuoted)
						throw new IllegalArgumentException("line " + line + ": a quote inside an unquoted field; " +
							"put the whole field in double quotes and double the inner quotes");
					quoted = wasQuoted = true;
					i++;
				}
				else if (c == ',') {
					fields.add(f.toString());
					f.setLength(0);
					wasQuoted = false;
					i++;
				}
				else if (c == '\r' || c == '\n') {
					if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') i++;
					i++;
					line++;
					endOfRecord = true;
				}
				else {
					if (wasQuoted && c != ' ' && c != '\t')
						throw new IllegalArgumentException("line " + line + ": text after a closing quote");
					if (!wasQuoted) f.append(c);
					i++;
				}
			}
			if (quoted) throw new IllegalArgumentException("line " + start + ": a quoted field is never closed");
			fields.add(f.toString());
			boolean blank = fields.size() == 1 && fields.get(0).trim().isEmpty() && !wasQuoted;
			if (!blank) out.add(new Record(start, fields));
		}
		return out;
	}
}
