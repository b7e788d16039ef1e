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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;

/** An ONNX {@code NodeProto}: one operator application. */
public final class OnnxNode {
	// Field numbers of NodeProto in onnx.proto.
	static final int INPUT = 1, OUTPUT = 2, NAME = 3, OP_TYPE = 4, ATTRIBUTE = 5, DOC_STRING = 6, DOMAIN = 7;

	public String name = "";
	public String opType;
	public String domain = "";
	public final List<String> inputs = new ArrayList<>();
	public final List<String> outputs = new ArrayList<>();
	public final List<OnnxAttribute> attributes = new ArrayList<>();

	public OnnxNode() {}

	public OnnxNode(String opType, String name, String[] inputs, String[] outputs, OnnxAttribute... attributes) {
		this.opType = opType;
		this.name = name;
		this.inputs.addAll(Arrays.asList(inputs));
		this.outputs.addAll(Arrays.asList(outputs));
		this.attributes.addAll(Arrays.asList(attributes));
	}

	public OnnxAttribute attribute(String attributeName) {
		for (OnnxAttribute a : attributes)
			if (a.name.equals(attributeName)) return a;
		return null;
	}

	public byte[] toByteArray() {
		return Proto.bytes(out -> {
			for (String s : inputs) out.writeString(INPUT, s);
			for (String s : outputs) out.writeString(OUTPUT, s);
			if (!name.isEmpty()) out.writeString(NAME, name);
			out.writeString(OP_TYPE, opType);
			for (OnnxAttribute a : attributes) out.writeByteArray(ATTRIBUTE, a.toByteArray());
			if (!domain.isEmpty()) out.writeString(DOMAIN, domain);
		});
	}

	static OnnxNode parse(byte[] bytes) throws IOException {
		OnnxNode n = new OnnxNode();
		CodedInputStream in = Proto.input(bytes);
		while (true) {
			int tag = in.readTag();
			if (tag == 0) break;
			switch (WireFormat.getTagFieldNumber(tag)) {
				case INPUT: n.inputs.add(in.readString()); break;
				case OUTPUT: n.outputs.add(in.readString()); break;
				case NAME: n.name = in.readString(); break;
				case OP_TYPE: n.opType = in.readString(); break;
				case DOMAIN: n.domain = in.readString(); break;
				case ATTRIBUTE: n.attributes.add(OnnxAttribute.parse(in.readByteArray())); break;
				default: in.skipField(tag);
			}
		}
		return n;
	}

	@Override
	public String toString() {
		return opType + (name.isEmpty() ? "" : " '" + name + "'") + " " + inputs + " -> " + outputs;
	}
}
