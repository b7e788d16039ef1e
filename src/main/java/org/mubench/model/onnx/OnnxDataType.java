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

/** Element types of {@code TensorProto.DataType} in the ONNX specification, with the facts the merge needs. */
public final class OnnxDataType {
	private OnnxDataType() {}

	public static final int UNDEFINED = 0;
	public static final int FLOAT = 1;
	public static final int UINT8 = 2;
	public static final int INT8 = 3;
	public static final int UINT16 = 4;
	public static final int INT16 = 5;
	public static final int INT32 = 6;
	public static final int INT64 = 7;
	public static final int STRING = 8;
	public static final int BOOL = 9;
	public static final int FLOAT16 = 10;
	public static final int DOUBLE = 11;
	public static final int UINT32 = 12;
	public static final int UINT64 = 13;
	public static final int COMPLEX64 = 14;
	public static final int COMPLEX128 = 15;
	public static final int BFLOAT16 = 16;
	public static final int FLOAT8E4M3FN = 17;
	public static final int FLOAT8E4M3FNUZ = 18;
	public static final int FLOAT8E5M2 = 19;
	public static final int FLOAT8E5M2FNUZ = 20;
	public static final int UINT4 = 21;
	public static final int INT4 = 22;

	private static final String[] NAMES = { "undefined", "float32", "uint8", "int8", "uint16", "int16", "int32", "int64",
		"string", "bool", "float16", "float64", "uint32", "uint64", "complex64", "complex128", "bfloat16", "float8e4m3fn",
		"float8e4m3fnuz", "float8e5m2", "float8e5m2fnuz", "uint4", "int4" };

	/** A readable name ("float32", "int64", …) for messages. */
	public static String name(int type) {
		return type >= 0 && type < NAMES.length ? NAMES[type] : "type#" + type;
	}

	/** Bytes per element in {@code raw_data}, or -1 for strings and sub-byte types. */
	public static int byteSize(int type) {
		switch (type) {
			case FLOAT: case INT32: case UINT32: return 4;
			case UINT8: case INT8: case BOOL:
			case FLOAT8E4M3FN: case FLOAT8E4M3FNUZ: case FLOAT8E5M2: case FLOAT8E5M2FNUZ: return 1;
			case UINT16: case INT16: case FLOAT16: case BFLOAT16: return 2;
			case INT64: case UINT64: case DOUBLE: case COMPLEX64: return 8;
			case COMPLEX128: return 16;
			default: return -1;
		}
	}

	/** The floating-point types whose values the weight merge interpolates. */
	public static boolean isInterpolable(int type) {
		return type == FLOAT || type == FLOAT16 || type == BFLOAT16 || type == DOUBLE;
	}

	/** Floating-point types the merge cannot interpolate faithfully (8-bit floats, complex numbers). */
	public static boolean isUnsupportedFloat(int type) {
		return type == COMPLEX64 || type == COMPLEX128 || (type >= FLOAT8E4M3FN && type <= FLOAT8E5M2FNUZ);
	}
}
