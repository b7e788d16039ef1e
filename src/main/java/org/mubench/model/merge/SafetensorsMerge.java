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
package org.mubench.model.merge;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mubench.base.Json;
import org.mubench.model.onnx.FileRegion;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Merges a pair of {@code .safetensors} files: an 8-byte little-endian header length, a JSON header naming each
 * tensor's dtype, shape and byte range, then the raw little-endian data. The fine-tuned header is kept as is (same
 * shapes and dtypes give the same layout); float tensors are interpolated, the others copied from the fine-tuned file.
 */
final class SafetensorsMerge {
	private SafetensorsMerge() {}

	static final class Entry {
		String name;
		String dtype;
		long[] shape;
		long begin, end;

		long elements() {
			long n = 1;
			for (long d : shape) n *= d;
			return n;
		}
	}

	static final class Header {
		long headerLength;
		long dataStart;
		final Map<String, Entry> entries = new LinkedHashMap<>();
	}

	static Header readHeader(Path file, String label) throws IOException {
		try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
			ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
			while (len.hasRemaining()) if (ch.read(len) < 0) throw new MergeException(label + ": not a safetensors file (shorter than 8 bytes)");
			long n = len.getLong(0);
			if (n <= 0 || n > 100_000_000 || 8 + n > ch.size())
				throw new MergeException(label + ": not a safetensors file (header length " + n + " does not fit the file)");
			ByteBuffer json = ByteBuffer.allocate((int) n);
			while (json.hasRemaining()) if (ch.read(json) < 0) throw new MergeException(label + ": truncated safetensors header");
			JsonNode root;
			try {
				root = Json.MAPPER.readTree(new String(json.array(), StandardCharsets.UTF_8));
			} catch (IOException e) {
				throw new MergeException(label + ": safetensors header is not valid JSON (" + e.getMessage().split("\n")[0] + ")");
			}
			Header h = new Header();
			h.headerLength = n;
			h.dataStart = 8 + n;
			long dataSize = ch.size() - h.dataStart;
			for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
				Map.Entry<String, JsonNode> f = it.next();
				if (f.getKey().equals("__metadata__")) continue;
				JsonNode v = f.getValue();
				Entry e = new Entry();
				e.name = f.getKey();
				e.dtype = v.path("dtype").asText("");
				JsonNode shape = v.path("shape");
				e.shape = new long[shape.size()];
				for (int i = 0; i < shape.size(); i++) e.shape[i] = shape.get(i).asLong();
				JsonNode off = v.path("data_offsets");
				if (off.size() != 2) throw new MergeException(label + ": tensor '" + e.name + "' has no data_offsets; the file is corrupt");
				e.begin = off.get(0).asLong();
				e.end = off.get(1).asLong();
				int size = byteSize(e.dtype);
				if (size < 0)
					throw new MergeException(label + ": tensor '" + e.name + "' has dtype " + e.dtype + ", which cannot be merged");
				if (e.end - e.begin != e.elements() * size || e.begin < 0 || e.end > dataSize)
					throw new MergeException(label + ": tensor '" + e.name + "' has byte range [" + e.begin + ", " + e.end
						+ ") that does not match its " + e.dtype + " shape or the file size; the file is corrupt");
				h.entries.put(e.name, e);
			}
			return h;
		}
	}

	static int byteSize(String dtype) {
		switch (dtype) {
			case "F64": case "I64": case "U64": return 8;
			case "F32": case "I32": case "U32": return 4;
			case "F16": case "BF16": case "I16": case "U16": return 2;
			case "I8": case "U8": case "BOOL": return 1;
			default: return -1;
		}
	}

	static Interpolation.Kind kind(String dtype) {
		switch (dtype) {
			case "F64": return Interpolation.Kind.FLOAT64;
			case "F32": return Interpolation.Kind.FLOAT32;
			case "F16": return Interpolation.Kind.FLOAT16;
			case "BF16": return Interpolation.Kind.BFLOAT16;
			default: return null;
		}
	}

	static Header[] check(Path baseFile, Path ftFile, String label) throws IOException {
		Header base = readHeader(baseFile, label + " (base)");
		Header ft = readHeader(ftFile, label + " (fine-tuned)");
		for (Entry f : ft.entries.values()) {
			Entry b = base.entries.get(f.name);
			if (b == null)
				throw new MergeException(label + ": tensor '" + f.name + "' is in the fine-tuned model but not in the base; "
					+ "the models are not the same architecture");
			if (!b.dtype.equals(f.dtype))
				throw new MergeException(label + ": tensor '" + f.name + "' is " + b.dtype + " in the base but " + f.dtype
					+ " in the fine-tuned model; save both with the same precision");
			if (!java.util.Arrays.equals(b.shape, f.shape))
				throw new MergeException(label + ": tensor '" + f.name + "' has shape " + java.util.Arrays.toString(b.shape)
					+ " in the base but " + java.util.Arrays.toString(f.shape) + " in the fine-tuned model; the models are not the same architecture");
		}
		for (Entry b : base.entries.values())
			if (!ft.entries.containsKey(b.name))
				throw new MergeException(label + ": tensor '" + b.name + "' is in the base model but not in the fine-tuned model; "
					+ "the models are not the same architecture");
		return new Header[] { base, ft };
	}

	static void merge(Path baseFile, Path ftFile, Path outFile, String label, MergeContext ctx) throws IOException {
		Header[] h = check(baseFile, ftFile, label);
		Header base = h[0], ft = h[1];
		List<Entry> order = new ArrayList<>(ft.entries.values());
		order.sort((a, b) -> Long.compare(a.begin, b.begin));
		long ftSize = Files.size(ftFile);
		Path partial = outFile.resolveSibling(outFile.getFileName() + ".partial");
		if (outFile.getParent() != null) Files.createDirectories(outFile.getParent());
		boolean ok = false;
		try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)) {
			MergeContext.Sink sink = MergeContext.sink(out);
			// The header (and any bytes between tensors) come from the fine-tuned file unchanged.
			long pos = 0;
			for (Entry f : order) {
				long start = ft.dataStart + f.begin;
				if (start < pos)
					throw new MergeException(label + ": tensor '" + f.name + "' overlaps the tensor before it; the file is corrupt");
				if (start > pos) copyRange(ftFile, pos, start - pos, sink, ctx);
				Entry b = base.entries.get(f.name);
				try (DataSource fs = DataSource.of(new FileRegion(ftFile, start, f.end - f.begin));
					DataSource bs = DataSource.of(new FileRegion(baseFile, base.dataStart + b.begin, b.end - b.begin))) {
					ctx.transfer(kind(f.dtype), bs, fs, sink);
				}
				pos = Math.max(pos, ft.dataStart + f.end);
				ctx.tensorDone(label + ": " + f.name);
			}
			if (ftSize > pos) copyRange(ftFile, pos, ftSize - pos, sink, ctx);
			ok = true;
		} finally {
			if (!ok) Files.deleteIfExists(partial);
		}
		Files.move(partial, outFile, StandardCopyOption.REPLACE_EXISTING);
	}

	private static void copyRange(Path file, long offset, long length, MergeContext.Sink sink, MergeContext ctx) throws IOException {
		try (DataSource s = DataSource.of(new FileRegion(file, offset, length))) {
			byte[] buf = new byte[(int) Math.min(MergeContext.CHUNK, length)];
			for (long p = 0; p < length; p += buf.length) {
				ctx.checkCancelled();
				int n = (int) Math.min(buf.length, length - p);
				s.read(p, buf, n);
				sink.write(buf, 0, n);
			}
		}
	}

	static int tensorCount(Path file, String label) throws IOException {
		return readHeader(file, label).entries.size();
	}
}
