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
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;

/**
 * An ONNX {@code TensorProto}: name, element type, dims and data, which may be inline ({@code raw_data} or one of the
 * typed {@code *_data} fields) or external ({@code data_location = EXTERNAL} with {@code location}, {@code offset},
 * {@code length} entries). Tensors read from a file keep their {@code raw_data} as a {@link FileRegion} instead of
 * loading it.
 */
public final class OnnxTensor {
	// Field numbers of TensorProto in onnx.proto.
	static final int DIMS = 1, DATA_TYPE = 2, SEGMENT = 3, FLOAT_DATA = 4, INT32_DATA = 5, STRING_DATA = 6,
		INT64_DATA = 7, NAME = 8, RAW_DATA = 9, DOUBLE_DATA = 10, UINT64_DATA = 11, DOC_STRING = 12, EXTERNAL_DATA = 13,
		DATA_LOCATION = 14;
	static final int LOCATION_DEFAULT = 0, LOCATION_EXTERNAL = 1;

	public String name = "";
	public int dataType;
	public long[] dims = new long[0];
	public String docString;

	/** Inline little-endian bytes in {@code raw_data}, when built in memory. */
	public byte[] rawData;
	/** Where {@code raw_data} lies in the file the tensor was read from. */
	public FileRegion rawRegion;
	public float[] floatData;
	/** int32_data; also holds float16/bfloat16 bit patterns and small integer types. */
	public int[] int32Data;
	public long[] int64Data;
	public double[] doubleData;
	public long[] uint64Data;
	public List<byte[]> stringData;
	/** External-data entries (location, offset, length, checksum) in file order; empty when inline. */
	public final Map<String, String> externalData = new LinkedHashMap<>();
	public boolean external;

	public OnnxTensor() {}

	public OnnxTensor(String name, int dataType, long[] dims, byte[] rawData) {
		this.name = name;
		this.dataType = dataType;
		this.dims = dims.clone();
		this.rawData = rawData;
	}

	public long elementCount() {
		long n = 1;
		for (long d : dims)
			n *= d;
		return n;
	}

	public String shapeString() {
		return Arrays.toString(dims);
	}

	/** Expected byte length of the little-endian data, or -1 for strings. */
	public long byteLength() {
		int size = OnnxDataType.byteSize(dataType);
		if (size < 0) return -1;
		return elementCount() * size;
	}

	/** The external file (resolved against the model's folder) and byte range, for an external tensor. */
	public FileRegion externalRegion(Path modelDir) {
		String location = externalData.get("location");
		if (location == null) throw new IllegalStateException("tensor '" + name + "' is external but has no location");
		long offset = externalData.containsKey("offset") ? Long.parseLong(externalData.get("offset")) : 0;
		long length = externalData.containsKey("length") ? Long.parseLong(externalData.get("length")) : byteLength();
		return new FileRegion(modelDir.resolve(location), offset, length);
	}

	/** True when the data is raw little-endian bytes somewhere (inline bytes, a file region, or an external file). */
	public boolean hasRawBytes() {
		return external || rawData != null || rawRegion != null;
	}

	/**
	 * The data as little-endian bytes in the layout of {@code raw_data}, whatever field holds it. Loads the whole tensor;
	 * meant for inspection, tests and small tensors.
	 */
	public byte[] toLittleEndian(Path modelDir) throws IOException {
		if (rawData != null) return rawData;
		if (rawRegion != null) return readRegion(rawRegion);
		if (external) return readRegion(externalRegion(modelDir));
		long n = elementCount();
		int size = OnnxDataType.byteSize(dataType);
		if (size < 0) throw new IOException("tensor '" + name + "' holds strings, which have no raw byte form");
		ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(n * size)).order(ByteOrder.LITTLE_ENDIAN);
		if (dataType == OnnxDataType.FLOAT && floatData != null) for (float v : floatData) out.putFloat(v);
		else if (dataType == OnnxDataType.DOUBLE && doubleData != null) for (double v : doubleData) out.putDouble(v);
		else if (dataType == OnnxDataType.INT64 && int64Data != null) for (long v : int64Data) out.putLong(v);
		else if ((dataType == OnnxDataType.UINT64 || dataType == OnnxDataType.UINT32) && uint64Data != null) {
			for (long v : uint64Data) if (size == 8) out.putLong(v); else out.putInt((int) v);
		} else if (int32Data != null) {
			for (int v : int32Data) {
				if (size == 4) out.putInt(v);
				else if (size == 2) out.putShort((short) v);
				else out.put((byte) v);
			}
		} else if (n != 0) throw new IOException("tensor '" + name + "' (" + OnnxDataType.name(dataType) + ") has no data");
		if (out.position() != out.capacity())
			throw new IOException("tensor '" + name + "' has " + out.position() / size + " values but its shape " + shapeString()
				+ " needs " + n);
		return out.array();
	}

	/** All values as doubles (floating and integer types), for inspection and tests. */
	public double[] toDoubles(Path modelDir) throws IOException {
		ByteBuffer b = ByteBuffer.wrap(toLittleEndian(modelDir)).order(ByteOrder.LITTLE_ENDIAN);
		int n = Math.toIntExact(elementCount());
		double[] out = new double[n];
		for (int i = 0; i < n; i++) {
			switch (dataType) {
				case OnnxDataType.FLOAT: out[i] = b.getFloat(); break;
				case OnnxDataType.DOUBLE: out[i] = b.getDouble(); break;
				case OnnxDataType.FLOAT16: out[i] = HalfFloats.halfToDouble(b.getShort() & 0xffff); break;
				case OnnxDataType.BFLOAT16: out[i] = HalfFloats.bfloat16ToDouble(b.getShort() & 0xffff); break;
				case OnnxDataType.INT64: case OnnxDataType.UINT64: out[i] = b.getLong(); break;
				case OnnxDataType.INT32: out[i] = b.getInt(); break;
				case OnnxDataType.UINT32: out[i] = b.getInt() & 0xffffffffL; break;
				case OnnxDataType.INT16: out[i] = b.getShort(); break;
				case OnnxDataType.UINT16: out[i] = b.getShort() & 0xffff; break;
				case OnnxDataType.INT8: out[i] = b.get(); break;
				case OnnxDataType.UINT8: case OnnxDataType.BOOL: out[i] = b.get() & 0xff; break;
				default: throw new IOException("tensor '" + name + "': cannot convert " + OnnxDataType.name(dataType) + " to numbers");
			}
		}
		return out;
	}

	static byte[] readRegion(FileRegion region) throws IOException {
		try (FileChannel ch = FileChannel.open(region.file, StandardOpenOption.READ)) {
			if (region.offset + region.length > ch.size())
				throw new IOException(region.file + " is too short: needs bytes up to " + (region.offset + region.length)
					+ " but has " + ch.size());
			ByteBuffer buf = ByteBuffer.allocate(Math.toIntExact(region.length));
			long pos = region.offset;
			while (buf.hasRemaining()) {
				int n = ch.read(buf, pos);
				if (n < 0) throw new IOException("unexpected end of " + region.file);
				pos += n;
			}
			return buf.array();
		}
	}

	/** Marks the tensor as external at the given location (relative to the model's folder). */
	public void setExternal(String location, long offset, long length) {
		external = true;
		rawData = null;
		rawRegion = null;
		externalData.clear();
		externalData.put("location", location);
		externalData.put("offset", Long.toString(offset));
		externalData.put("length", Long.toString(length));
	}

	/** Writes every field except the data itself (dims, type, name, doc string, external entries and location). */
	void writeHeader(CodedOutputStream out) throws IOException {
		for (long d : dims)
			out.writeInt64(DIMS, d);
		out.writeInt32(DATA_TYPE, dataType);
		out.writeString(NAME, name);
		if (docString != null) out.writeString(DOC_STRING, docString);
		for (Map.Entry<String, String> e : externalData.entrySet()) {
			byte[] entry = Proto.bytes(o -> {
				o.writeString(1, e.getKey());
				o.writeString(2, e.getValue());
			});
			out.writeByteArray(EXTERNAL_DATA, entry);
		}
		if (external) out.writeEnum(DATA_LOCATION, LOCATION_EXTERNAL);
	}

	/** The encoded header fields (see {@link #writeHeader}). */
	public byte[] headerBytes() {
		return Proto.bytes(this::writeHeader);
	}

	public byte[] toByteArray() {
		return Proto.bytes(out -> {
			writeHeader(out);
			if (external) return;
			if (rawData != null) out.writeByteArray(RAW_DATA, rawData);
			else if (rawRegion != null) out.writeByteArray(RAW_DATA, readRegion(rawRegion));
			else {
				if (floatData != null) {
					out.writeTag(FLOAT_DATA, WireFormat.WIRETYPE_LENGTH_DELIMITED);
					out.writeUInt32NoTag(floatData.length * 4);
					for (float v : floatData) out.writeFloatNoTag(v);
				}
				if (int32Data != null) {
					byte[] packed = Proto.bytes(o -> { for (int v : int32Data) o.writeInt32NoTag(v); });
					out.writeByteArray(INT32_DATA, packed);
				}
				if (int64Data != null) {
					byte[] packed = Proto.bytes(o -> { for (long v : int64Data) o.writeInt64NoTag(v); });
					out.writeByteArray(INT64_DATA, packed);
				}
				if (doubleData != null) {
					out.writeTag(DOUBLE_DATA, WireFormat.WIRETYPE_LENGTH_DELIMITED);
					out.writeUInt32NoTag(doubleData.length * 8);
					for (double v : doubleData) out.writeDoubleNoTag(v);
				}
				if (uint64Data != null) {
					byte[] packed = Proto.bytes(o -> { for (long v : uint64Data) o.writeUInt64NoTag(v); });
					out.writeByteArray(UINT64_DATA, packed);
				}
				if (stringData != null) for (byte[] s : stringData) out.writeByteArray(STRING_DATA, s);
			}
		});
	}

	/**
	 * Parses a TensorProto of {@code length} bytes at the stream's position. When {@code file} is given, the stream
	 * reads that file from {@code streamStart}, and raw_data is recorded as a region instead of being read.
	 */
	static OnnxTensor parse(CodedInputStream in, int length, Path file, long streamStart) throws IOException {
		OnnxTensor t = new OnnxTensor();
		int old = in.pushLimit(length);
		Proto.LongList dims = new Proto.LongList();
		Proto.LongList int32 = null, int64 = null, uint64 = null;
		Proto.DoubleList floats = null, doubles = null;
		while (true) {
			int tag = in.readTag();
			if (tag == 0) break;
			switch (WireFormat.getTagFieldNumber(tag)) {
				case DIMS: Proto.readInt64s(in, tag, dims); break;
				case DATA_TYPE: t.dataType = in.readInt32(); break;
				case NAME: t.name = in.readString(); break;
				case DOC_STRING: t.docString = in.readString(); break;
				case RAW_DATA:
					if (file != null) {
						int n = in.readRawVarint32();
						t.rawRegion = new FileRegion(file, streamStart + in.getTotalBytesRead(), n);
						in.skipRawBytes(n);
					} else t.rawData = in.readByteArray();
					break;
				case FLOAT_DATA: if (floats == null) floats = new Proto.DoubleList(); Proto.readFloats(in, tag, floats); break;
				case DOUBLE_DATA: if (doubles == null) doubles = new Proto.DoubleList(); Proto.readDoubles(in, tag, doubles); break;
				case INT32_DATA: if (int32 == null) int32 = new Proto.LongList(); Proto.readInt32s(in, tag, int32); break;
				case INT64_DATA: if (int64 == null) int64 = new Proto.LongList(); Proto.readInt64s(in, tag, int64); break;
				case UINT64_DATA: if (uint64 == null) uint64 = new Proto.LongList(); Proto.readUInt64s(in, tag, uint64); break;
				case STRING_DATA:
					if (t.stringData == null) t.stringData = new ArrayList<>();
					t.stringData.add(in.readByteArray());
					break;
				case EXTERNAL_DATA: {
					int inner = in.pushLimit(in.readRawVarint32());
					String key = "", value = "";
					while (true) {
						int etag = in.readTag();
						if (etag == 0) break;
						int f = WireFormat.getTagFieldNumber(etag);
						if (f == 1) key = in.readString();
						else if (f == 2) value = in.readString();
						else in.skipField(etag);
					}
					in.popLimit(inner);
					t.externalData.put(key, value);
					break;
				}
				case DATA_LOCATION: t.external = in.readEnum() == LOCATION_EXTERNAL; break;
				case SEGMENT:
					throw new IOException("tensor '" + t.name + "' is segmented (TensorProto.segment), which is not supported");
				default: in.skipField(tag);
			}
		}
		in.popLimit(old);
		t.dims = dims.toArray();
		if (floats != null) {
			double[] d = floats.toArray();
			t.floatData = new float[d.length];
			for (int i = 0; i < d.length; i++) t.floatData[i] = (float) d[i];
		}
		if (doubles != null) t.doubleData = doubles.toArray();
		if (int32 != null) {
			long[] v = int32.toArray();
			t.int32Data = new int[v.length];
			for (int i = 0; i < v.length; i++) t.int32Data[i] = (int) v[i];
		}
		if (int64 != null) t.int64Data = int64.toArray();
		if (uint64 != null) t.uint64Data = uint64.toArray();
		return t;
	}

	public static OnnxTensor parse(byte[] bytes) throws IOException {
		CodedInputStream in = Proto.input(bytes);
		return parse(in, bytes.length, null, 0);
	}

	@Override
	public String toString() {
		return name + " " + OnnxDataType.name(dataType) + shapeString() + (external ? " (external)" : "");
	}
}
