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

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;

/**
 * An ONNX {@code ValueInfoProto} for a tensor: name, element type and shape. Each dimension is either a number
 * ({@link #dimValues}, ≥ 0) or symbolic ({@link #dimParams}, e.g. "batch"); unknown dimensions have value -1 and no
 * name. {@link #hasShape} is false when the graph declares no shape at all.
 */
public final class OnnxValueInfo {
	// Field numbers: ValueInfoProto.name/type, TypeProto.tensor_type, Tensor.elem_type/shape, TensorShapeProto.dim,
	// Dimension.dim_value/dim_param.
	static final int NAME = 1, TYPE = 2, DOC_STRING = 3;
	static final int TYPE_TENSOR = 1;
	static final int TENSOR_ELEM_TYPE = 1, TENSOR_SHAPE = 2;
	static final int SHAPE_DIM = 1;
	static final int DIM_VALUE = 1, DIM_PARAM = 2;

	public String name;
	/** Element type (see {@link OnnxDataType}), 0 when the value is not a tensor. */
	public int elemType;
	public boolean hasShape;
	public long[] dimValues = new long[0];
	public String[] dimParams = new String[0];

	/**
	 * A tensor value; each dim is a {@code Number} (fixed), a {@code String} (symbolic) or null (unknown).
	 */
	public static OnnxValueInfo tensor(String name, int elemType, Object... dims) {
		OnnxValueInfo v = new OnnxValueInfo();
		v.name = name;
		v.elemType = elemType;
		v.hasShape = true;
		v.dimValues = new long[dims.length];
		v.dimParams = new String[dims.length];
		for (int i = 0; i < dims.length; i++) {
			if (dims[i] instanceof Number) v.dimValues[i] = ((Number) dims[i]).longValue();
			else {
				v.dimValues[i] = -1;
				v.dimParams[i] = (String) dims[i];
			}
		}
		return v;
	}

	public int rank() {
		return dimValues.length;
	}

	/** The shape as text, e.g. {@code [batch, 3, 224, 224]}; "?" for unknown dimensions. */
	public String shapeString() {
		if (!hasShape) return "[?]";
		StringBuilder sb = new StringBuilder("[");
		for (int i = 0; i < dimValues.length; i++) {
			if (i > 0) sb.append(", ");
			if (dimValues[i] >= 0) sb.append(dimValues[i]);
			else sb.append(dimParams[i] != null ? dimParams[i] : "?");
		}
		return sb.append(']').toString();
	}

	public byte[] toByteArray() {
		byte[] shape = Proto.bytes(out -> {
			for (int i = 0; i < dimValues.length; i++) {
				final int k = i;
				byte[] dim = Proto.bytes(o -> {
					if (dimValues[k] >= 0) o.writeInt64(DIM_VALUE, dimValues[k]);
					else if (dimParams[k] != null) o.writeString(DIM_PARAM, dimParams[k]);
				});
				out.writeByteArray(SHAPE_DIM, dim);
			}
		});
		byte[] tensorType = Proto.bytes(out -> {
			out.writeInt32(TENSOR_ELEM_TYPE, elemType);
			if (hasShape) out.writeByteArray(TENSOR_SHAPE, shape);
		});
		byte[] type = Proto.bytes(out -> out.writeByteArray(TYPE_TENSOR, tensorType));
		return Proto.bytes(out -> {
			out.writeString(NAME, name);
			out.writeByteArray(TYPE, type);
		});
	}

	static OnnxValueInfo parse(byte[] bytes) throws IOException {
		OnnxValueInfo v = new OnnxValueInfo();
		CodedInputStream in = Proto.input(bytes);
		while (true) {
			int tag = in.readTag();
			if (tag == 0) break;
			int f = WireFormat.getTagFieldNumber(tag);
			if (f == NAME) v.name = in.readString();
			else if (f == TYPE) parseType(in.readByteArray(), v);
			else in.skipField(tag);
		}
		return v;
	}

	private static void parseType(byte[] bytes, OnnxValueInfo v) throws IOException {
		CodedInputStream in = Proto.input(bytes);
		while (true) {
			int tag = in.readTag();
			if (tag == 0) break;
			if (WireFormat.getTagFieldNumber(tag) == TYPE_TENSOR) {
				CodedInputStream t = Proto.input(in.readByteArray());
				while (true) {
					int ttag = t.readTag();
					if (ttag == 0) break;
					int f = WireFormat.getTagFieldNumber(ttag);
					if (f == TENSOR_ELEM_TYPE) v.elemType = t.readInt32();
					else if (f == TENSOR_SHAPE) parseShape(t.readByteArray(), v);
					else t.skipField(ttag);
				}
			} else in.skipField(tag);
		}
	}

	private static void parseShape(byte[] bytes, OnnxValueInfo v) throws IOException {
		v.hasShape = true;
		CodedInputStream in = Proto.input(bytes);
		java.util.List<Long> values = new java.util.ArrayList<>();
		java.util.List<String> params = new java.util.ArrayList<>();
		while (true) {
			int tag = in.readTag();
			if (tag == 0) break;
			if (WireFormat.getTagFieldNumber(tag) != SHAPE_DIM) {
				in.skipField(tag);
				continue;
			}
			CodedInputStream d = Proto.input(in.readByteArray());
			long value = -1;
			String param = null;
			while (true) {
				int dtag = d.readTag();
				if (dtag == 0) break;
				int f = WireFormat.getTagFieldNumber(dtag);
				if (f == DIM_VALUE) value = d.readInt64();
				else if (f == DIM_PARAM) param = d.readString();
				else d.skipField(dtag);
			}
			values.add(value);
			params.add(param);
		}
		v.dimValues = new long[values.size()];
		v.dimParams = params.toArray(new String[0]);
		for (int i = 0; i < values.size(); i++) v.dimValues[i] = values.get(i);
	}

	/** Same name, element type and shape (dimension values and names). */
	public boolean sameSignature(OnnxValueInfo o) {
		return name.equals(o.name) && elemType == o.elemType && hasShape == o.hasShape
			&& java.util.Arrays.equals(dimValues, o.dimValues) && java.util.Arrays.equals(dimParams, o.dimParams);
	}

	@Override
	public String toString() {
		return name + " " + OnnxDataType.name(elemType) + shapeString();
	}
}
