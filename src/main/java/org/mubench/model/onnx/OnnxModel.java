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
package org.mubench.model.onnx;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;

/**
 * An ONNX {@code ModelProto}. Built in memory (then {@link #write}) or {@link #read} from a file; reading parses the
 * structure and records where each tensor's {@code raw_data} lies instead of loading it, so inspecting a large model
 * is cheap.
 */
public final class OnnxModel {
	// Field numbers of ModelProto and OperatorSetIdProto in onnx.proto.
	public static final int IR_VERSION = 1, PRODUCER_NAME = 2, PRODUCER_VERSION = 3, DOMAIN = 4, MODEL_VERSION = 5,
		DOC_STRING = 6, GRAPH = 7, OPSET_IMPORT = 8, METADATA_PROPS = 14;
	static final int OPSET_DOMAIN = 1, OPSET_VERSION = 2;

	public long irVersion = 8;
	public String producerName = "";
	public String producerVersion = "";
	/** Operator set per domain ("" is the default ONNX domain). */
	public final Map<String, Long> opsets = new LinkedHashMap<>();
	public OnnxGraph graph = new OnnxGraph();
	/** The file this model was read from, or null. */
	public Path file;
	/** Top-level fields in file order, when read from a file. */
	public final List<FieldSpan> spans = new ArrayList<>();

	/** The default-domain opset version, or -1 when the model imports none. */
	public long opset() {
		Long v = opsets.get("");
		if (v == null) v = opsets.get("ai.onnx");
		return v == null ? -1 : v;
	}

	public byte[] toByteArray() {
		return Proto.bytes(out -> {
			out.writeInt64(IR_VERSION, irVersion);
			if (!producerName.isEmpty()) out.writeString(PRODUCER_NAME, producerName);
			if (!producerVersion.isEmpty()) out.writeString(PRODUCER_VERSION, producerVersion);
			out.writeByteArray(GRAPH, graph.toByteArray());
			for (Map.Entry<String, Long> e : opsets.entrySet()) {
				byte[] opset = Proto.bytes(o -> {
					o.writeString(OPSET_DOMAIN, e.getKey());
					o.writeInt64(OPSET_VERSION, e.getValue());
				});
				out.writeByteArray(OPSET_IMPORT, opset);
			}
		});
	}

	public void write(Path target) throws IOException {
		if (target.getParent() != null) Files.createDirectories(target.getParent());
		try (OutputStream out = Files.newOutputStream(target)) {
			out.write(toByteArray());
		}
	}

	/** Reads the structure of an ONNX model file (tensor data stays on disk). */
	public static OnnxModel read(Path file) throws IOException {
		if (!Files.isRegularFile(file)) throw new IOException(file + " does not exist or is not a file");
		OnnxModel m = new OnnxModel();
		m.file = file;
		boolean sawGraph = false;
		try (InputStream stream = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
			CodedInputStream in = CodedInputStream.newInstance(stream);
			in.setSizeLimit(Integer.MAX_VALUE);
			in.setRecursionLimit(256);
			while (true) {
				long start = in.getTotalBytesRead();
				int tag = in.readTag();
				if (tag == 0) break;
				int field = WireFormat.getTagFieldNumber(tag);
				Object value = null;
				switch (field) {
					case IR_VERSION: m.irVersion = in.readInt64(); break;
					case PRODUCER_NAME: m.producerName = in.readString(); break;
					case PRODUCER_VERSION: m.producerVersion = in.readString(); break;
					case GRAPH:
						m.graph = OnnxGraph.parse(in, in.readRawVarint32(), file);
						value = m.graph;
						sawGraph = true;
						break;
					case OPSET_IMPORT: {
						CodedInputStream o = Proto.input(in.readByteArray());
						String domain = "";
						long version = 0;
						while (true) {
							int otag = o.readTag();
							if (otag == 0) break;
							int f = WireFormat.getTagFieldNumber(otag);
							if (f == OPSET_DOMAIN) domain = o.readString();
							else if (f == OPSET_VERSION) version = o.readInt64();
							else o.skipField(otag);
						}
						m.opsets.put(domain, version);
						break;
					}
					default:
						in.skipField(tag); // length-delimited fields are skipped unread (skipRawBytes)
				}
				m.spans.add(new FieldSpan(field, start, in.getTotalBytesRead(), value));
			}
		} catch (InvalidProtocolBufferException e) {
			throw new IOException(file + " is not a valid ONNX model (" + e.getMessage() + ")", e);
		}
		if (!sawGraph) throw new IOException(file + " is not an ONNX model: it has no graph");
		return m;
	}

	/** A multi-line summary: opset, inputs, outputs and initializers with types and shapes. */
	public String describe() {
		StringBuilder sb = new StringBuilder();
		sb.append("ir_version ").append(irVersion).append(", opsets ").append(opsets).append('\n');
		for (OnnxValueInfo v : graph.feedInputs()) sb.append("input  ").append(v).append('\n');
		for (OnnxValueInfo v : graph.outputs) sb.append("output ").append(v).append('\n');
		for (OnnxTensor t : graph.initializers) sb.append("weight ").append(t).append('\n');
		return sb.toString();
	}
}
