package org.mubench.data.manifest;

import java.util.ArrayList;
import java.util.List;

/** A small RFC 4180 reader: comma-separated, fields optionally in double quotes ("" inside is a quote; newlines allowed). */
final class Csv {
	private Csv() {}

	/** One record and the 1-based line on which it starts. */
	static final class Record {
		final int line;
		final List<String> fields;

		Record(int line, List<String> fields) {
			this.line = line;
			this.fields = fields;
		}
	}

	/** Parses {@code text}; blank lines are skipped. Throws IllegalArgumentException("line N: …") on bad quoting. */
	static List<Record> parse(String text) {
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
