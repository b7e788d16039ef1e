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
package org.mubench.eval.detect;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes rectangles as an ImageJ RoiSet (a zip of {@code .roi} files) that ImageJ's ROI Manager opens, without
 * depending on ImageJ. The {@code .roi} layout used (all numbers big-endian):
 * <pre>
 * header (64 bytes): 0 "Iout" | 4 version (short) | 6 type (byte, 1 = rectangle) | 8 top, 10 left, 12 bottom,
 *                    14 right (shorts) | 40 stroke colour (int ARGB) | 56 stack position (int, plain stacks)
 *                    | 60 header2 offset (int)
 * header2 (64 bytes): 4 channel, 8 slice, 12 frame (ints, hyperstacks) | 16 name offset, 20 name length in chars (ints)
 * name: UTF-16 chars
 * </pre>
 * Corners are rounded to whole pixels (ImageJ rectangles are integral unless flagged sub-pixel) and clamped to the
 * signed-short range the format allows.
 */
public final class RoiSetWriter {
	private RoiSetWriter() {}

	static final int VERSION = 228;
	private static final int HEADER = 64, HEADER2 = 64;
	private static final int TYPE_RECT = 1;

	/** The bytes of one rectangle {@code .roi} file. */
	public static byte[] encode(NamedBox nb) {
		String name = nb.name == null ? "" : nb.name;
		ByteBuffer buf = ByteBuffer.allocate(HEADER + HEADER2 + 2 * name.length()); // big-endian by default
		buf.put(0, (byte) 'I').put(1, (byte) 'o').put(2, (byte) 'u').put(3, (byte) 't');
		buf.putShort(4, (short) VERSION);
		buf.put(6, (byte) TYPE_RECT);
		int left = clampShort(Math.round(Math.min(nb.box.x1, nb.box.x2)));
		int top = clampShort(Math.round(Math.min(nb.box.y1, nb.box.y2)));
		int right = clampShort(Math.round(Math.max(nb.box.x1, nb.box.x2)));
		int bottom = clampShort(Math.round(Math.max(nb.box.y1, nb.box.y2)));
		buf.putShort(8, (short) top);
		buf.putShort(10, (short) left);
		buf.putShort(12, (short) bottom);
		buf.putShort(14, (short) right);
		buf.putInt(40, nb.strokeColor);
		// A single stack position for plain stacks; the header2 fields carry the hyperstack position.
		boolean hyper = nb.channel > 0 || nb.frame > 0;
		buf.putInt(56, hyper ? 0 : Math.max(0, nb.slice));
		buf.putInt(60, HEADER);
		if (hyper) {
			buf.putInt(HEADER + 4, Math.max(0, nb.channel));
			buf.putInt(HEADER + 8, Math.max(0, nb.slice));
			buf.putInt(HEADER + 12, Math.max(0, nb.frame));
		}
		buf.putInt(HEADER + 16, name.isEmpty() ? 0 : HEADER + HEADER2);
		buf.putInt(HEADER + 20, name.length());
		for (int i = 0; i < name.length(); i++)
			buf.putChar(HEADER + HEADER2 + 2 * i, name.charAt(i));
		return buf.array();
	}

	/** Writes a RoiSet zip; entry names are numbered so the ROI Manager keeps the order. */
	public static void write(OutputStream out, List<NamedBox> boxes) throws IOException {
		ZipOutputStream zip = new ZipOutputStream(out);
		int i = 0;
		for (NamedBox nb : boxes) {
			i++;
			zip.putNextEntry(new ZipEntry(String.format(Locale.ROOT, "%04d-%s.roi", i, safe(nb.name))));
			zip.write(encode(nb));
			zip.closeEntry();
		}
		zip.finish();
		zip.flush();
	}

	public static void write(Path file, List<NamedBox> boxes) throws IOException {
		if (file.getParent() != null) Files.createDirectories(file.getParent());
		try (OutputStream out = Files.newOutputStream(file)) {
			write(out, boxes);
		}
	}

	/** A file-name-safe version of a name: letters, digits, dot, dash and underscore kept, the rest as '_'. */
	public static String safe(String s) {
		if (s == null || s.isEmpty()) return "roi";
		StringBuilder b = new StringBuilder();
		for (char c : s.toCharArray())
			b.append(Character.isLetterOrDigit(c) && c < 128 || c == '.' || c == '-' || c == '_' ? c : '_');
		return b.length() > 60 ? b.substring(0, 60) : b.toString();
	}

	private static int clampShort(long v) {
		return (int) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, v));
	}
}
