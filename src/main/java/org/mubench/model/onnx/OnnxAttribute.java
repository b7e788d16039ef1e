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

/**
 * An ONNX {@code AttributeProto}. The common kinds (float, int, string, tensor and their lists) are built and read;
 * every attribute read from a file also keeps its encoded bytes, which is what graph comparisons use.
 */
public final class OnnxAttribute {
	// Field numbers of AttributeProto in onnx.proto.
	static final int NAME = 1, F = 2, I = 3, S = 4, T = 5, G = 6, FLOATS = 7, INTS = 8, STRINGS = 9, TENSORS = 10,
		DOC_STRING = 13, TYPE = 20, REF_ATTR_NAME = 21;
	// AttributeType values.
	public static final int FLOAT = 1, INT = 2, STRING = 3, TENSOR = 4, GRAPH = 5, FLOATS_TYPE = 6, INTS_TYPE = 7,
		STRINGS_TYPE = 8, TENSORS_TYPE = 9, GRAPHS_TYPE = 10;

	public String name;
	public int type;
	public float f;
	public long i;
	public byte[] s;
	public OnnxTensor t;
	public float[] floats;
	public long[] ints;
	public List<byte[]> strings;
	/** The attribute as it was encoded in the file (null for attributes built in memory). */
	public byte[] encoded;

	public static OnnxAttribute ofInt(String name, long v) {
		OnnxAttribute a = new OnnxAttribute();
		a.name = name;
		a.type = INT;
		a.i = v;
		return a;
	}

	public static OnnxAttribute ofFloat(String name, float v) {
		OnnxAttribute a = new OnnxAttribute();
		a.name = name;
		a.type = FLOAT;
		a.f = v;
		return a;
	}

	public static OnnxAttribute ofInts(String name, long... v) {
		OnnxAttribute a = new OnnxAttribute();
		a.name = name;
		a.type = INTS_TYPE;
		a.ints = v.clone();
		return a;
	}

	public static OnnxAttribute ofString(String name, String v) {
		OnnxAttribute a = new OnnxAttribute();
		a.name = name;
		a.type = STRING;
		a.s = v.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		return a;
	}

	public static OnnxAttribute ofTensor(String name, OnnxTensor v) {
		OnnxAttribute a = new OnnxAttribute();
		a.name = name;
		a.type = TENSOR;
		a.t = v;
		return a;
	}

	public byte[] toByteArray() {
		if (encoded != null) return encoded;
		return Proto.bytes(out -> {
			out.writeString(NAME, name);
			switch (type) {
				case FLOAT: out.writeFloat(F, f); break;
				case INT: out.writeInt64(I, i); break;
				case STRING: out.writeByteArray(S, s); break;
				case TENSOR: out.writeByteArray(T, t.toByteArray()); break;
				case FLOATS_TYPE: for (float v : floats) out.writeFloat(FLOATS, v); break;
				case INTS_TYPE: for (long v : ints) out.writeInt64(INTS, v); break;
				case STRINGS_TYPE: for (byte[] v : strings) out.writeByteArray(STRINGS, v); break;
				default: throw new IllegalStateException("attribute '" + name + "': cannot build type " + type);
			}
			out.writeEnum(TYPE, type);
		});
	}

	static OnnxAttribute parse(byte[] bytes) throws IOException {
		OnnxAttribute a = new OnnxAttribute();
		a.encoded = bytes;
		CodedInputStream in = Proto.input(bytes);
		Proto.LongList ints = null;
		Proto.DoubleList floats = null;
		while (true) {
			int tag = in.readTag();
			if (tag == 0) break;
			switch (WireFormat.getTagFieldNumber(tag)) {
				case NAME: a.name = in.readString(); break;
				case TYPE: a.type = in.readEnum(); break;
				case F: a.f = in.readFloat(); break;
				case I: a.i = in.readInt64(); break;
				case S: a.s = in.readByteArray(); break;
				case T: a.t = OnnxTensor.parse(in.readByteArray()); break;
				case INTS: if (ints == null) ints = new Proto.LongList(); Proto.readInt64s(in, tag, ints); break;
				case FLOATS: if (floats == null) floats = new Proto.DoubleList(); Proto.readFloats(in, tag, floats); break;
				case STRINGS:
					if (a.strings == null) a.strings = new ArrayList<>();
					a.strings.add(in.readByteArray());
					break;
				default: in.skipField(tag);
			}
		}
		if (ints != null) a.ints = ints.toArray();
		if (floats != null) {
			double[] d = floats.toArray();
			a.floats = new float[d.length];
			for (int k = 0; k < d.length; k++) a.floats[k] = (float) d[k];
		}
		return a;
	}

	@Override
	public String toString() {
		switch (type) {
			case FLOAT: return name + "=" + f;
			case INT: return name + "=" + i;
			case STRING: return name + "=" + new String(s, java.nio.charset.StandardCharsets.UTF_8);
			case INTS_TYPE: return name + "=" + Arrays.toString(ints);
			case FLOATS_TYPE: return name + "=" + Arrays.toString(floats);
			case TENSOR: return name + "=<" + t + ">";
			default: return name + "=<type " + type + ">";
		}
	}
}
