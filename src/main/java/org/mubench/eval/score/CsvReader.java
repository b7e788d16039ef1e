package org.mubench.eval.score;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV (as pandas writes it): comma-separated, fields in double quotes may hold commas, quotes and newlines. */
final class CsvReader {
	private CsvReader() {}

	/** One record with the 1-based line on which it starts. */
	static final class Record {
		final int line;
		final List<String> fields;

		Record(int line, List<String> fields) {
			this.line = line;
			this.fields = fields;
		}
	}

	static List<Record> parse(String text) {
		List<Record> out = new ArrayList<>();
		List<String> fields = new ArrayList<>();
		StringBuilder f = new StringBuilder();
		int line = 1, recordLine = 1;
		boolean quoted = false, fieldStarted = false;
		int n = text.length();
		int i = text.startsWith("\uFEFF") ? 1 : 0;
		for (; i < n; i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"') {
					if (i + 1 < n && text.charAt(i + 1) == '"') {
						f.append('"');
						i++;
					}
					else quoted = false;
				}
				else {
					if (c == '\n') line++;
					f.append(c);
				}
				continue;
			}
			if (c == '"' && f.length() == 0) {
				quoted = true;
				fieldStarted = true;
			}
			else if (c == ',') {
				fields.add(f.toString());
				f.setLength(0);
				fieldStarted = true;
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') i++;
				if (fieldStarted || f.length() > 0 || !fields.isEmpty()) {
					fields.add(f.toString());
					out.add(new Record(recordLine, fields));
				}
				fields = new ArrayList<>();
				f.setLength(0);
				fieldStarted = false;
				line++;
				recordLine = line;
			}
			else {
				f.append(c);
				fieldStarted = true;
			}
		}
		if (quoted) throw new IllegalArgumentException("line " + recordLine + ": a quoted field is never closed");
		if (fieldStarted || f.length() > 0 || !fields.isEmpty()) {
			fields.add(f.toString());
			out.add(new Record(recordLine, fields));
		}
		return out;
	}
}
