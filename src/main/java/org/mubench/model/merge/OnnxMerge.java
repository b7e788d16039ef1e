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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mubench.model.onnx.FieldSpan;
import org.mubench.model.onnx.FileRegion;
import org.mubench.model.onnx.OnnxAttribute;
import org.mubench.model.onnx.OnnxDataType;
import org.mubench.model.onnx.OnnxGraph;
import org.mubench.model.onnx.OnnxModel;
import org.mubench.model.onnx.OnnxNode;
import org.mubench.model.onnx.OnnxTensor;
import org.mubench.model.onnx.OnnxValueInfo;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;

/**
 * Merges one pair of ONNX files. The fine-tuned file is rewritten field by field: everything except initializers is
 * copied byte for byte, floating-point initializers are replaced by the interpolation (streamed in chunks from both
 * files), other initializers are copied. External-data tensors are written to the same relative locations next to the
 * output file. Only tensor headers are held in memory.
 */
final class OnnxMerge {
	private OnnxMerge() {}

	/** Reads both structures and refuses (naming the first difference) unless they are the same architecture. */
	static OnnxModel[] check(Path baseFile, Path ftFile, String label) throws IOException {
		OnnxModel base = OnnxModel.read(baseFile);
		OnnxModel ft = OnnxModel.read(ftFile);
		if (!base.opsets.equals(ft.opsets))
			throw new MergeException(label + ": opsets differ (base " + base.opsets + ", fine-tuned " + ft.opsets
				+ "); export both models with the same opset");
		// Tensors first: a differing shape or name is the most useful thing to report.
		compareInitializers(base.graph, ft.graph, label);
		compareGraphs(base.graph, ft.graph, label);
		return new OnnxModel[] { base, ft };
	}

	static void compareGraphs(OnnxGraph base, OnnxGraph ft, String label) {
		if (base.sparseInitializers > 0 || ft.sparseInitializers > 0)
			throw new MergeException(label + ": sparse initializers are not supported; export with dense weights");
		List<OnnxValueInfo> bi = base.feedInputs(), fi = ft.feedInputs();
		for (int i = 0; i < Math.max(bi.size(), fi.size()); i++) {
			OnnxValueInfo b = i < bi.size() ? bi.get(i) : null, f = i < fi.size() ? fi.get(i) : null;
			if (b == null || f == null || !b.sameSignature(f))
				throw new MergeException(label + ": graph inputs differ at input " + i + " (base " + b + ", fine-tuned " + f
					+ "); the models are not the same architecture");
		}
		for (int i = 0; i < Math.max(base.outputs.size(), ft.outputs.size()); i++) {
			OnnxValueInfo b = i < base.outputs.size() ? base.outputs.get(i) : null;
			OnnxValueInfo f = i < ft.outputs.size() ? ft.outputs.get(i) : null;
			if (b == null || f == null || !b.sameSignature(f))
				throw new MergeException(label + ": graph outputs differ at output " + i + " (base " + b + ", fine-tuned " + f
					+ "); the models are not the same architecture");
		}
		if (base.nodes.size() != ft.nodes.size())
			throw new MergeException(label + ": graphs differ: base has " + base.nodes.size() + " nodes, fine-tuned has "
				+ ft.nodes.size() + "; the models are not the same architecture");
		for (int i = 0; i < ft.nodes.size(); i++) {
			String diff = nodeDifference(base.nodes.get(i), ft.nodes.get(i));
			if (diff != null)
				throw new MergeException(label + ": graphs differ at node " + i + " (" + ft.nodes.get(i).opType
					+ (ft.nodes.get(i).name.isEmpty() ? "" : " '" + ft.nodes.get(i).name + "'") + "): " + diff
					+ "; the models are not the same architecture");
		}
	}

	/** Node names and doc strings are cosmetic; operator, wiring and attributes must match. */
	private static String nodeDifference(OnnxNode b, OnnxNode f) {
		if (!b.opType.equals(f.opType) || !b.domain.equals(f.domain))
			return "base has operator " + b.opType + ", fine-tuned " + f.opType;
		if (!b.inputs.equals(f.inputs)) return "inputs " + b.inputs + " vs " + f.inputs;
		if (!b.outputs.equals(f.outputs)) return "outputs " + b.outputs + " vs " + f.outputs;
		Map<String, OnnxAttribute> ba = new HashMap<>();
		for (OnnxAttribute a : b.attributes) ba.put(a.name, a);
		if (b.attributes.size() != f.attributes.size()) return "attributes " + b.attributes + " vs " + f.attributes;
		for (OnnxAttribute a : f.attributes) {
			OnnxAttribute other = ba.get(a.name);
			if (other == null || !Arrays.equals(other.toByteArray(), a.toByteArray()))
				return "attribute " + a.name + " differs (base " + other + ", fine-tuned " + a + ")";
		}
		return null;
	}

	static void compareInitializers(OnnxGraph base, OnnxGraph ft, String label) {
		Map<String, OnnxTensor> byName = new HashMap<>();
		for (OnnxTensor t : base.initializers) byName.put(t.name, t);
		for (OnnxTensor f : ft.initializers) {
			OnnxTensor b = byName.remove(f.name);
			if (b == null)
				throw new MergeException(label + ": tensor '" + f.name + "' is in the fine-tuned model but not in the base; "
					+ "the models are not the same architecture");
			if (b.dataType != f.dataType)
				throw new MergeException(label + ": tensor '" + f.name + "' is " + OnnxDataType.name(b.dataType)
					+ " in the base but " + OnnxDataType.name(f.dataType) + " in the fine-tuned model; export both with the same precision");
			if (!Arrays.equals(b.dims, f.dims))
				throw new MergeException(label + ": tensor '" + f.name + "' has shape " + b.shapeString() + " in the base but "
					+ f.shapeString() + " in the fine-tuned model; the models are not the same architecture");
			if (OnnxDataType.isUnsupportedFloat(f.dataType))
				throw new MergeException(label + ": tensor '" + f.name + "' is " + OnnxDataType.name(f.dataType)
					+ ", which cannot be interpolated; export the models in float32, float16 or bfloat16");
			if (f.dataType == OnnxDataType.STRING && (f.external || b.external))
				throw new MergeException(label + ": tensor '" + f.name + "' holds strings in external data, which is not supported");
		}
		if (!byName.isEmpty()) {
			String first = null;
			for (OnnxTensor t : base.initializers) if (byName.containsKey(t.name)) { first = t.name; break; }
			throw new MergeException(label + ": tensor '" + first + "' is in the base model but not in the fine-tuned model; "
				+ "the models are not the same architecture");
		}
	}

	static Interpolation.Kind kind(int dataType) {
		switch (dataType) {
			case OnnxDataType.FLOAT: return Interpolation.Kind.FLOAT32;
			case OnnxDataType.DOUBLE: return Interpolation.Kind.FLOAT64;
			case OnnxDataType.FLOAT16: return Interpolation.Kind.FLOAT16;
			case OnnxDataType.BFLOAT16: return Interpolation.Kind.BFLOAT16;
			default: return null;
		}
	}

	/** One initializer of the output, planned before writing so that the graph's length is known up front. */
	private static final class Planned {
		OnnxTensor base, ft;
		Interpolation.Kind kind;
		/** Encoded tensor without its data (inline) or complete (external). */
		byte[] header;
		long dataLength;
		String location;
		/** Copy the fine-tuned field unchanged (inline non-float tensors). */
		boolean verbatim;
		long body;
		long encodedLength;
	}

	static void merge(Path baseFile, Path ftFile, Path outFile, String label, MergeContext ctx) throws IOException {
		merge(baseFile, ftFile, outFile, label, ctx, java.util.Collections.emptyMap());
	}

	/**
	 * @param renamedLocations external-data locations to write under another name (used when several models of a
	 *          folder share one external file, which each merged model must then have for itself)
	 */
	static void merge(Path baseFile, Path ftFile, Path outFile, String label, MergeContext ctx,
		Map<String, String> renamedLocations) throws IOException {
		OnnxModel[] models = check(baseFile, ftFile, label);
		OnnxModel base = models[0], ft = models[1];
		Path baseDir = dirOf(baseFile), ftDir = dirOf(ftFile), outDir = dirOf(outFile);
		Map<String, OnnxTensor> baseByName = new HashMap<>();
		for (OnnxTensor t : base.graph.initializers) baseByName.put(t.name, t);

		// Plan every initializer; external data is laid out per location in fine-tuned order.
		Map<String, Long> nextOffset = new LinkedHashMap<>();
		Map<OnnxTensor, Planned> plans = new HashMap<>();
		long graphLength = 0;
		for (FieldSpan span : ft.graph.spans) {
			if (span.field != OnnxGraph.INITIALIZER) {
				graphLength += span.length();
				continue;
			}
			OnnxTensor f = (OnnxTensor) span.value;
			Planned p = new Planned();
			p.ft = f;
			p.base = baseByName.get(f.name);
			p.kind = kind(f.dataType);
			if (p.kind == null && !f.external) {
				p.verbatim = true;
				p.encodedLength = span.length();
			} else {
				p.dataLength = f.byteLength();
				OnnxTensor header = new OnnxTensor();
				header.name = f.name;
				header.dataType = f.dataType;
				header.dims = f.dims;
				header.docString = f.docString;
				if (f.external) {
					String location = safeLocation(f.externalData.get("location"), f.name, label);
					p.location = renamedLocations.getOrDefault(location, location);
					long offset = nextOffset.getOrDefault(p.location, 0L);
					header.setExternal(p.location, offset, p.dataLength);
					nextOffset.put(p.location, offset + p.dataLength);
				}
				p.header = header.headerBytes();
				long body = p.header.length;
				if (!f.external) body += CodedOutputStream.computeTagSize(9) + CodedOutputStream.computeUInt64SizeNoTag(p.dataLength)
					+ p.dataLength;
				p.body = body;
				p.encodedLength = CodedOutputStream.computeTagSize(OnnxGraph.INITIALIZER)
					+ CodedOutputStream.computeUInt64SizeNoTag(body) + body;
			}
			graphLength += p.encodedLength;
			plans.put(f, p);
		}
		if (graphLength > Integer.MAX_VALUE)
			throw new MergeException(label + ": the merged graph would exceed protobuf's 2 GB limit; use external data");

		Files.createDirectories(outDir);
		Map<String, OutputStream> externals = new LinkedHashMap<>();
		Path partial = outFile.resolveSibling(outFile.getFileName() + ".partial");
		boolean ok = false;
		try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)) {
			CodedOutputStream out = CodedOutputStream.newInstance(raw, 1 << 16);
			for (FieldSpan span : ft.spans) {
				if (span.field != OnnxModel.GRAPH) {
					copy(ftFile, span, out);
					continue;
				}
				out.writeTag(OnnxModel.GRAPH, WireFormat.WIRETYPE_LENGTH_DELIMITED);
				out.writeUInt64NoTag(graphLength);
				for (FieldSpan g : ft.graph.spans) {
					if (g.field != OnnxGraph.INITIALIZER) {
						copy(ftFile, g, out);
						continue;
					}
					Planned p = plans.get((OnnxTensor) g.value);
					ctx.checkCancelled();
					writeTensor(p, g, ftFile, baseDir, ftDir, outDir, externals, out, label, ctx);
					ctx.tensorDone(label + ": " + p.ft.name);
				}
			}
			out.flush();
			ok = true;
		} finally {
			for (OutputStream o : externals.values()) o.close();
			if (!ok) {
				Files.deleteIfExists(partial);
				for (String location : externals.keySet()) Files.deleteIfExists(outDir.resolve(location));
			}
		}
		Files.move(partial, outFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
	}

	private static void writeTensor(Planned p, FieldSpan span, Path ftFile, Path baseDir, Path ftDir, Path outDir,
		Map<String, OutputStream> externals, CodedOutputStream out, String label, MergeContext ctx) throws IOException {
		if (p.verbatim) {
			copy(ftFile, span, out);
			ctx.copied++;
			return;
		}
		out.writeTag(OnnxGraph.INITIALIZER, WireFormat.WIRETYPE_LENGTH_DELIMITED);
		out.writeUInt64NoTag(p.body);
		out.writeRawBytes(p.header);
		MergeContext.Sink sink;
		if (p.ft.external) {
			OutputStream ext = externals.get(p.location);
			if (ext == null) {
				Path target = outDir.resolve(p.location);
				if (target.getParent() != null) Files.createDirectories(target.getParent());
				ext = new BufferedOutputStream(Files.newOutputStream(target), 1 << 16);
				externals.put(p.location, ext);
			}
			sink = MergeContext.sink(ext);
		} else {
			out.writeTag(9, WireFormat.WIRETYPE_LENGTH_DELIMITED);
			out.writeUInt64NoTag(p.dataLength);
			sink = out::writeRawBytes;
		}
		try (DataSource f = source(p.ft, ftDir, label, "fine-tuned");
			DataSource b = p.kind == null ? null : source(p.base, baseDir, label, "base")) {
			ctx.transfer(p.kind, b, f, sink);
		}
	}

	private static DataSource source(OnnxTensor t, Path dir, String label, String which) throws IOException {
		long expected = t.byteLength();
		DataSource s;
		if (t.external) {
			FileRegion r = t.externalRegion(dir);
			if (!Files.isRegularFile(r.file))
				throw new MergeException(label + ": tensor '" + t.name + "' of the " + which + " model refers to external data "
					+ r.file + ", which is missing; copy the whole model folder");
			s = DataSource.of(r);
		} else if (t.rawRegion != null) s = DataSource.of(t.rawRegion);
		else s = DataSource.of(t.toLittleEndian(dir));
		if (s.length != expected) {
			s.close();
			throw new MergeException(label + ": tensor '" + t.name + "' of the " + which + " model has " + s.length
				+ " bytes of data but its shape " + t.shapeString() + " needs " + expected + "; the file is corrupt");
		}
		return s;
	}

	private static void copy(Path file, FieldSpan span, CodedOutputStream out) throws IOException {
		try (DataSource s = DataSource.of(new FileRegion(file, span.start, span.length()))) {
			byte[] buf = new byte[(int) Math.min(MergeContext.CHUNK, Math.max(1, span.length()))];
			for (long pos = 0; pos < span.length(); pos += buf.length) {
				int n = (int) Math.min(buf.length, span.length() - pos);
				s.read(pos, buf, n);
				out.writeRawBytes(buf, 0, n);
			}
		}
	}

	/** External locations must stay inside the model's folder. */
	static String safeLocation(String location, String tensor, String label) {
		if (location == null || location.isEmpty())
			throw new MergeException(label + ": tensor '" + tensor + "' is external but names no location; the file is corrupt");
		Path p = java.nio.file.Paths.get(location).normalize();
		if (p.isAbsolute() || p.startsWith(".."))
			throw new MergeException(label + ": tensor '" + tensor + "' points outside the model folder (" + location + ")");
		return location;
	}

	/** External-data files the model refers to (relative locations), so a folder merge does not copy them. */
	static List<String> externalLocations(OnnxModel m) {
		List<String> out = new ArrayList<>();
		for (OnnxTensor t : m.graph.initializers)
			if (t.external && t.externalData.get("location") != null && !out.contains(t.externalData.get("location")))
				out.add(t.externalData.get("location"));
		out.sort(Comparator.naturalOrder());
		return out;
	}

	static Path dirOf(Path file) {
		Path parent = file.toAbsolutePath().getParent();
		return parent;
	}
}
