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

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;

/** An ONNX {@code GraphProto}: nodes, initializers (weights), inputs and outputs. */
public final class OnnxGraph {
	// Field numbers of GraphProto in onnx.proto.
	public static final int NODE = 1, NAME = 2, INITIALIZER = 5, DOC_STRING = 10, INPUT = 11, OUTPUT = 12,
		VALUE_INFO = 13, SPARSE_INITIALIZER = 15;

	public String name = "graph";
	public final List<OnnxNode> nodes = new ArrayList<>();
	public final List<OnnxTensor> initializers = new ArrayList<>();
	public final List<OnnxValueInfo> inputs = new ArrayList<>();
	public final List<OnnxValueInfo> outputs = new ArrayList<>();
	public final List<OnnxValueInfo> valueInfos = new ArrayList<>();
	/** Number of sparse initializers (not otherwise supported). */
	public int sparseInitializers;
	/** Fields in file order, when read from a file. */
	public final List<FieldSpan> spans = new ArrayList<>();

	public OnnxTensor initializer(String tensorName) {
		for (OnnxTensor t : initializers)
			if (t.name.equals(tensorName)) return t;
		return null;
	}

	public OnnxValueInfo input(String inputName) {
		for (OnnxValueInfo v : inputs)
			if (v.name.equals(inputName)) return v;
		return null;
	}

	public OnnxValueInfo output(String outputName) {
		for (OnnxValueInfo v : outputs)
			if (v.name.equals(outputName)) return v;
		return null;
	}

	/**
	 * Graph inputs that are not initializers (IR versions before 4 list every initializer as an input too; those are
	 * weights, not things a caller feeds).
	 */
	public List<OnnxValueInfo> feedInputs() {
		List<OnnxValueInfo> out = new ArrayList<>();
		for (OnnxValueInfo v : inputs)
			if (initializer(v.name) == null) out.add(v);
		return out;
	}

	public byte[] toByteArray() {
		return Proto.bytes(out -> {
			for (OnnxNode n : nodes) out.writeByteArray(NODE, n.toByteArray());
			out.writeString(NAME, name);
			for (OnnxTensor t : initializers) out.writeByteArray(INITIALIZER, t.toByteArray());
			for (OnnxValueInfo v : inputs) out.writeByteArray(INPUT, v.toByteArray());
			for (OnnxValueInfo v : outputs) out.writeByteArray(OUTPUT, v.toByteArray());
			for (OnnxValueInfo v : valueInfos) out.writeByteArray(VALUE_INFO, v.toByteArray());
		});
	}

	/** Parses a graph of {@code length} bytes from a stream over {@code file} (positions as in {@link OnnxModel}). */
	static OnnxGraph parse(CodedInputStream in, int length, Path file) throws IOException {
		OnnxGraph g = new OnnxGraph();
		int old = in.pushLimit(length);
		while (true) {
			long start = in.getTotalBytesRead();
			int tag = in.readTag();
			if (tag == 0) break;
			int field = WireFormat.getTagFieldNumber(tag);
			Object value = null;
			switch (field) {
				case NODE: {
					OnnxNode n = OnnxNode.parse(in.readByteArray());
					g.nodes.add(n);
					value = n;
					break;
				}
				case NAME: g.name = in.readString(); break;
				case INITIALIZER: {
					int n = in.readRawVarint32();
					OnnxTensor t = OnnxTensor.parse(in, n, file, 0);
					g.initializers.add(t);
					value = t;
					break;
				}
				case INPUT: case OUTPUT: case VALUE_INFO: {
					OnnxValueInfo v = OnnxValueInfo.parse(in.readByteArray());
					(field == INPUT ? g.inputs : field == OUTPUT ? g.outputs : g.valueInfos).add(v);
					value = v;
					break;
				}
				case SPARSE_INITIALIZER: g.sparseInitializers++; in.skipField(tag); break;
				default:
					in.skipField(tag); // length-delimited fields are skipped unread (skipRawBytes)
			}
			g.spans.add(new FieldSpan(field, start, in.getTotalBytesRead(), value));
		}
		in.popLimit(old);
		return g;
	}
}
