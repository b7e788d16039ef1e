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
package org.mubench.eval.journal;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.mubench.base.Json;
import org.mubench.eval.Prediction;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads and appends {@code predictions.jsonl}: one {@link Prediction} per line, UTF-8, each line ended by {@code \n}.
 * <p>
 * A run killed mid-write can leave a final line without its newline. Such a line is accepted when it still parses as
 * a complete object; otherwise it is "torn": {@link #read} skips it (and reports it) and {@link #dropTornTail}
 * removes it so a resumed run appends after the last complete line. A bad line anywhere else is an error naming the
 * file and line. Unknown keys are ignored so later versions can add fields.
 */
public final class PredictionsFile {
	private PredictionsFile() {}

	/** The file name inside a run folder. */
	public static final String FILE_NAME = "predictions.jsonl";

	private static final ObjectMapper MAPPER = Json.LENIENT;

	/** Reads every complete prediction; a torn last line is skipped with a warning on standard error. */
	public static List<Prediction> read(Path file) throws IOException {
		return read(file, msg -> System.err.println("warning: " + msg));
	}

	/** Reads every complete prediction; a torn last line is skipped and described to {@code warnings}. */
	public static List<Prediction> read(Path file, Consumer<String> warnings) throws IOException {
		if (!Files.isRegularFile(file))
			throw new IOException(file + ": no such predictions file; pass the predictions.jsonl of a run");
		byte[] all = Files.readAllBytes(file);
		List<Prediction> out = new ArrayList<>();
		int start = 0, lineNo = 0;
		while (start < all.length) {
			int end = start;
			while (end < all.length && all[end] != '\n')
				end++;
			lineNo++;
			boolean terminated = end < all.length;
			String line = new String(all, start, end - start, StandardCharsets.UTF_8).trim();
			if (!line.isEmpty()) {
				try {
					out.add(parse(line));
				}
				catch (JsonProcessingException e) {
					if (terminated) {
						throw new IOException(file + " line " + lineNo + ": not a valid prediction (" +
							e.getOriginalMessage() + "); fix or delete that line");
					}
					if (warnings != null) warnings.accept(file + " line " + lineNo + ": incomplete last line (" +
						(end - start) + " bytes, a run was interrupted while writing) ignored");
				}
			}
			start = end + 1;
		}
		return out;
	}

	private static Prediction parse(String line) throws JsonProcessingException {
		Prediction p = MAPPER.readValue(line, Prediction.class);
		if (p == null) throw new JsonProcessingException("null line") {
			private static final long serialVersionUID = 1L;
		};
		return p;
	}

	/**
	 * Makes the file end after its last complete line: an unterminated final line that does not parse is cut off; one
	 * that parses gets its missing newline. Returns the number of bytes removed (0 when nothing was torn, or the file
	 * does not exist).
	 */
	public static long dropTornTail(Path file) throws IOException {
		if (!Files.exists(file)) return 0;
		try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
			long len = raf.length();
			if (len == 0) return 0;
			raf.seek(len - 1);
			if (raf.read() == '\n') return 0;
			// Find the start of the final (unterminated) line, scanning back in blocks.
			long lineStart = 0;
			byte[] buf = new byte[8192];
			long pos = len;
			search:
			while (pos > 0) {
				int n = (int) Math.min(buf.length, pos);
				pos -= n;
				raf.seek(pos);
				raf.readFully(buf, 0, n);
				for (int i = n - 1; i >= 0; i--) {
					if (buf[i] == '\n') {
						lineStart = pos + i + 1;
						break search;
					}
				}
			}
			byte[] tail = new byte[(int) (len - lineStart)];
			raf.seek(lineStart);
			raf.readFully(tail);
			String line = new String(tail, StandardCharsets.UTF_8).trim();
			boolean complete = false;
			if (!line.isEmpty()) {
				try {
					parse(line);
					complete = true;
				}
				catch (JsonProcessingException e) {
					complete = false;
				}
			}
			if (complete) {
				raf.seek(len);
				raf.write('\n');
				return 0;
			}
			raf.setLength(lineStart);
			return len - lineStart;
		}
	}

	/** One prediction as a single JSON line (no newline). */
	public static String toLine(Prediction p) {
		try {
			return MAPPER.writeValueAsString(p);
		}
		catch (JsonProcessingException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Writes a whole predictions file (replacing it). */
	public static void write(Path file, List<Prediction> predictions) throws IOException {
		try (Writer w = new Writer(file, false)) {
			for (Prediction p : predictions)
				w.write(p);
		}
	}

	/**
	 * Appends predictions line by line. {@link #flush} pushes everything written so far to the operating system and
	 * forces it to disk, so a {@code kill -9} afterwards loses nothing that was flushed.
	 */
	public static final class Writer implements Closeable {
		private final FileChannel channel;
		private final BufferedWriter out;

		/** Opens {@code file} for appending (or truncates it when {@code append} is false), creating it if needed. */
		public Writer(Path file, boolean append) throws IOException {
			Path parent = file.toAbsolutePath().getParent();
			if (parent != null) Files.createDirectories(parent);
			channel = append
				? FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)
				: FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
					StandardOpenOption.TRUNCATE_EXISTING);
			out = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8),
				1 << 16);
		}

		public void write(Prediction p) throws IOException {
			out.write(toLine(p));
			out.write('\n');
		}

		public void flush() throws IOException {
			out.flush();
			channel.force(false);
		}

		@Override
		public void close() throws IOException {
			try {
				flush();
			}
			finally {
				out.close();
			}
		}
	}
}
