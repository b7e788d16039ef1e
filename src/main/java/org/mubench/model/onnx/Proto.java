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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;

/** Small protobuf helpers shared by the ONNX message classes. */
final class Proto {
	private Proto() {}

	interface Body {
		void write(CodedOutputStream out) throws IOException;
	}

	static byte[] bytes(Body body) {
		try {
			ByteArrayOutputStream buffer = new ByteArrayOutputStream();
			CodedOutputStream out = CodedOutputStream.newInstance(buffer);
			body.write(out);
			out.flush();
			return buffer.toByteArray();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static CodedInputStream input(byte[] data) {
		CodedInputStream in = CodedInputStream.newInstance(data);
		in.setRecursionLimit(256);
		return in;
	}

	static void writeMessage(CodedOutputStream out, int field, byte[] message) throws IOException {
		out.writeByteArray(field, message);
	}

	static void writeStrings(CodedOutputStream out, int field, List<String> values) throws IOException {
		for (String s : values)
			out.writeString(field, s);
	}

	/** Reads one element (unpacked) or a whole packed run of a repeated int64 field. */
	static void readInt64s(CodedInputStream in, int tag, LongList into) throws IOException {
		if (WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
			int old = in.pushLimit(in.readRawVarint32());
			while (in.getBytesUntilLimit() > 0)
				into.add(in.readInt64());
			in.popLimit(old);
		} else into.add(in.readInt64());
	}

	static void readInt32s(CodedInputStream in, int tag, LongList into) throws IOException {
		if (WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
			int old = in.pushLimit(in.readRawVarint32());
			while (in.getBytesUntilLimit() > 0)
				into.add(in.readInt32());
			in.popLimit(old);
		} else into.add(in.readInt32());
	}

	static void readUInt64s(CodedInputStream in, int tag, LongList into) throws IOException {
		if (WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
			int old = in.pushLimit(in.readRawVarint32());
			while (in.getBytesUntilLimit() > 0)
				into.add(in.readUInt64());
			in.popLimit(old);
		} else into.add(in.readUInt64());
	}

	static void readFloats(CodedInputStream in, int tag, DoubleList into) throws IOException {
		if (WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
			int old = in.pushLimit(in.readRawVarint32());
			while (in.getBytesUntilLimit() > 0)
				into.add(in.readFloat());
			in.popLimit(old);
		} else into.add(in.readFloat());
	}

	static void readDoubles(CodedInputStream in, int tag, DoubleList into) throws IOException {
		if (WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
			int old = in.pushLimit(in.readRawVarint32());
			while (in.getBytesUntilLimit() > 0)
				into.add(in.readDouble());
			in.popLimit(old);
		} else into.add(in.readDouble());
	}

	/** A growable long array (avoids boxing for large repeated fields). */
	static final class LongList {
		long[] data = new long[8];
		int size;

		void add(long v) {
			if (size == data.length) data = java.util.Arrays.copyOf(data, size * 2);
			data[size++] = v;
		}

		long[] toArray() {
			return java.util.Arrays.copyOf(data, size);
		}
	}

	static final class DoubleList {
		double[] data = new double[8];
		int size;

		void add(double v) {
			if (size == data.length) data = java.util.Arrays.copyOf(data, size * 2);
			data[size++] = v;
		}

		double[] toArray() {
			return java.util.Arrays.copyOf(data, size);
		}
	}
}
