package org.mubench.eval.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.mubench.eval.Prediction;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code predictions.jsonl}, written so that finished work survives {@code kill -9}: whole lines are appended per
 * batch and forced to the device before the run moves on. A crash can only leave the last line torn (no final
 * newline); {@link #read} reports it and {@link #repair} cuts it off before a resumed run appends.
 */
public final class PredictionJournal implements AutoCloseable {
	static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

	/** What a predictions file holds. */
	public static final class Contents {
		public final List<Prediction> predictions;
		/** Byte length of the complete lines; the file is longer by a torn tail when {@link #tornBytes} > 0. */
		public final long validLength;
		public final long tornBytes;

		Contents(List<Prediction> predictions, long validLength, long tornBytes) {
			this.predictions = predictions;
			this.validLength = validLength;
			this.tornBytes = tornBytes;
		}
	}

	private final Path file;
	private final FileChannel channel;

	private PredictionJournal(Path file, FileChannel channel) {
		this.file = file;
		this.channel = channel;
	}

	/** Opens {@code file} for appending (creating it), after {@link #repair} if it already exists. */
	public static PredictionJournal openForAppend(Path file) {
		try {
			if (Files.exists(file)) repair(file);
			FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.APPEND);
			return new PredictionJournal(file, ch);
		}
		catch (IOException e) {
			throw new UncheckedIOException(file + ": cannot open for writing (" + e.getMessage() + ")", e);
		}
	}

	/**
	 * Reads every complete line. A last line without its newline is a torn write and is left out; an unparsable
	 * complete line is an error naming its line number.
	 */
	public static Contents read(Path file) {
		byte[] bytes;
		try {
			bytes = Files.readAllBytes(file);
		}
		catch (IOException e) {
			throw new UncheckedIOException(file + ": cannot read (" + e.getMessage() + ")", e);
		}
		List<Prediction> out = new ArrayList<>();
		int start = 0;
		int line = 0;
		for (int i = 0; i < bytes.length; i++) {
			if (bytes[i] != '\n') continue;
			line++;
			String text = new String(bytes, start, i - start, StandardCharsets.UTF_8).trim();
			start = i + 1;
			if (text.isEmpty()) continue;
			try {
				out.add(JSON.readValue(text, Prediction.class));
			}
			catch (JsonProcessingException e) {
				throw new IllegalStateException(file + " line " + line + " is not a prediction ("
					+ e.getOriginalMessage() + "); fix or remove that line, or start a new run with another --out");
			}
		}
		return new Contents(out, start, bytes.length - start);
	}

	/** Cuts a torn last line off {@code file}; returns how many bytes were dropped. */
	public static long repair(Path file) {
		Contents c = read(file);
		if (c.tornBytes == 0) return 0;
		try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
			ch.truncate(c.validLength);
			ch.force(true);
		}
		catch (IOException e) {
			throw new UncheckedIOException(file + ": cannot drop the torn last line (" + e.getMessage() + ")", e);
		}
		return c.tornBytes;
	}

	/** Appends the predictions as whole lines and forces them to the device. */
	public void append(List<Prediction> predictions) {
		if (predictions.isEmpty()) return;
		StringBuilder sb = new StringBuilder();
		try {
			for (Prediction p : predictions) sb.append(JSON.writeValueAsString(p)).append('\n');
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException("Cannot write a prediction as JSON: " + e.getOriginalMessage(), e);
		}
		ByteBuffer buf = ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8));
		try {
			while (buf.hasRemaining()) channel.write(buf);
			channel.force(false);
		}
		catch (IOException e) {
			throw new UncheckedIOException(file + ": cannot append predictions (" + e.getMessage() + ")", e);
		}
	}

	public Path file() {
		return file;
	}

	@Override
	public void close() {
		try {
			channel.close();
		}
		catch (IOException e) {
			throw new UncheckedIOException(file + ": cannot close (" + e.getMessage() + ")", e);
		}
	}
}
