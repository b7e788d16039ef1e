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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mubench.model.onnx.HalfFloats;

import com.fasterxml.jackson.databind.ObjectMapper;

class SafetensorsMergeTest {
	@TempDir
	Path tmp;

	/** Writes a safetensors file by hand (8-byte little-endian header length, JSON header, data). */
	static void write(Path file, long seed, String w32Shape) throws IOException {
		Random r = new Random(seed);
		Map<String, Object> header = new LinkedHashMap<>();
		header.put("__metadata__", java.util.Collections.singletonMap("format", "pt"));
		ByteArrayOutputStream data = new ByteArrayOutputStream();
		long[] shape32 = w32Shape.equals("2x3") ? new long[] { 2, 3 } : new long[] { 3, 2 };
		add(header, data, "w32", "F32", shape32, 6, 4, b -> b.putFloat((float) r.nextGaussian()));
		add(header, data, "idx", "I64", new long[] { 3 }, 3, 8, b -> b.putLong(r.nextInt(1000)));
		add(header, data, "w16", "F16", new long[] { 5 }, 5, 2, b -> b.putShort((short) HalfFloats.doubleToHalf(r.nextGaussian())));
		add(header, data, "wbf", "BF16", new long[] { 4 }, 4, 2, b -> b.putShort((short) HalfFloats.doubleToBfloat16(r.nextGaussian())));
		add(header, data, "w64", "F64", new long[] { 2 }, 2, 8, b -> b.putDouble(r.nextGaussian()));
		byte[] json = new ObjectMapper().writeValueAsBytes(header);
		int pad = (8 - json.length % 8) % 8;
		byte[] padded = Arrays.copyOf(json, json.length + pad);
		Arrays.fill(padded, json.length, padded.length, (byte) ' ');
		ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded.length);
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		all.write(len.array());
		all.write(padded);
		all.write(data.toByteArray());
		Files.write(file, all.toByteArray());
	}

	interface Put {
		void put(ByteBuffer b);
	}

	private static void add(Map<String, Object> header, ByteArrayOutputStream data, String name, String dtype, long[] shape,
		int n, int size, Put put) {
		ByteBuffer b = ByteBuffer.allocate(n * size).order(ByteOrder.LITTLE_ENDIAN);
		for (int i = 0; i < n; i++) put.put(b);
		Map<String, Object> e = new LinkedHashMap<>();
		e.put("dtype", dtype);
		e.put("shape", shape);
		e.put("data_offsets", new long[] { data.size(), data.size() + n * size });
		header.put(name, e);
		data.write(b.array(), 0, b.capacity());
	}

	/** Reads one tensor's values as doubles (independent of the merge's reader). */
	static double[] values(Path file, String name) throws IOException {
		byte[] all = Files.readAllBytes(file);
		ByteBuffer bb = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
		int n = (int) bb.getLong(0);
		com.fasterxml.jackson.databind.JsonNode h = new ObjectMapper().readTree(new String(all, 8, n, StandardCharsets.UTF_8));
		com.fasterxml.jackson.databind.JsonNode e = h.get(name);
		int begin = 8 + n + e.get("data_offsets").get(0).asInt(), end = 8 + n + e.get("data_offsets").get(1).asInt();
		String dtype = e.get("dtype").asText();
		int size = dtype.equals("F32") ? 4 : dtype.equals("F64") || dtype.equals("I64") ? 8 : 2;
		double[] out = new double[(end - begin) / size];
		for (int i = 0; i < out.length; i++) {
			int at = begin + i * size;
			switch (dtype) {
				case "F32": out[i] = bb.getFloat(at); break;
				case "F64": out[i] = bb.getDouble(at); break;
				case "I64": out[i] = bb.getLong(at); break;
				// float16: sign, 5-bit exponent, 10-bit mantissa; bfloat16: the top half of a float32.
				case "F16": {
					int bits = bb.getShort(at) & 0xffff, exp = (bits >> 10) & 31, mant = bits & 1023;
					double v = exp == 0 ? mant * Math.pow(2, -24) : (1 + mant / 1024.0) * Math.pow(2, exp - 15);
					out[i] = (bits & 0x8000) != 0 ? -v : v;
					break;
				}
				case "BF16": out[i] = Float.intBitsToFloat((bb.getShort(at) & 0xffff) << 16); break;
				default: throw new IllegalStateException(dtype);
			}
		}
		return out;
	}

	static void assertNearest(double exact, double got, int mantissaBits, String where) {
		double ulp = Math.scalb(1.0, Math.getExponent(Math.abs(exact)) - mantissaBits);
		double err = Math.abs(got - exact);
		assertTrue(err <= ulp / 2, where + ": " + got + " is not the nearest value to " + exact);
		if (err == ulp / 2) assertEquals(0, Math.round(Math.abs(got) / ulp) % 2, where + ": tie not rounded to even");
	}

	@Test
	void mergesEveryFloatTensorAndCopiesTheRest() throws Exception {
		Path base = tmp.resolve("base.safetensors"), ft = tmp.resolve("ft.safetensors"), out = tmp.resolve("out.safetensors");
		write(base, 1, "2x3");
		write(ft, 2, "2x3");
		WeightMerge.Result r = WeightMerge.merge(base, ft, out, 0.3, false, null, null);
		assertEquals(4, r.interpolatedTensors);
		assertEquals(1, r.copiedTensors);
		assertEquals(Files.size(ft), Files.size(out));
		byte[] ftBytes = Files.readAllBytes(ft), outBytes = Files.readAllBytes(out);
		int headerEnd = 8 + (int) ByteBuffer.wrap(ftBytes).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
		assertArrayEquals(Arrays.copyOf(ftBytes, headerEnd), Arrays.copyOf(outBytes, headerEnd), "header kept as is");
		for (String name : new String[] { "w32", "idx", "w16", "wbf", "w64" }) {
			double[] b = values(base, name), f = values(ft, name), m = values(out, name);
			for (int i = 0; i < m.length; i++) {
				double exact = 0.7 * b[i] + 0.3 * f[i];
				String where = name + "[" + i + "]";
				switch (name) {
					case "w32": assertEquals((float) exact, (float) m[i], 0f, where); break;
					case "w64": assertEquals(exact, m[i], 0, where); break;
					case "idx": assertEquals(f[i], m[i], 0, where); break;
					case "w16": assertNearest(exact, m[i], 10, where); break;
					default: assertNearest(exact, m[i], 7, where);
				}
			}
		}
		Path zero = tmp.resolve("zero.safetensors");
		WeightMerge.merge(base, ft, zero, 0, false, null, null);
		for (String name : new String[] { "w32", "w16", "wbf", "w64" }) assertArrayEquals(values(base, name), values(zero, name), 0);
		assertArrayEquals(values(ft, "idx"), values(zero, "idx"), 0);
	}

	@Test
	void shapeMismatchNamesTheTensor() throws Exception {
		Path base = tmp.resolve("base.safetensors"), ft = tmp.resolve("ft.safetensors");
		write(base, 1, "3x2");
		write(ft, 2, "2x3");
		MergeException e = assertThrows(MergeException.class,
			() -> WeightMerge.merge(base, ft, tmp.resolve("out.safetensors"), 0.5, false, null, null));
		assertEquals("ft.safetensors: tensor 'w32' has shape [3, 2] in the base but [2, 3] in the fine-tuned model; "
			+ "the models are not the same architecture", e.getMessage());
	}

	@Test
	void folderWithSafetensorsAndOnnx() throws Exception {
		Path base = tmp.resolve("b"), ft = tmp.resolve("f");
		org.mubench.model.onnx.TinyClip.write(base, new org.mubench.model.onnx.TinyClip.Options().seed(1).imageSize(16));
		org.mubench.model.onnx.TinyClip.write(ft, new org.mubench.model.onnx.TinyClip.Options().seed(2).imageSize(16));
		write(base.resolve("model.safetensors"), 1, "2x3");
		write(ft.resolve("model.safetensors"), 2, "2x3");
		WeightMerge.Result r = WeightMerge.merge(base, ft, tmp.resolve("out"), 0.5, false, null, null);
		assertEquals(Arrays.asList("onnx/text_model.onnx", "onnx/vision_model.onnx", "model.safetensors"), r.mergedFiles);
		double[] m = values(tmp.resolve("out/model.safetensors"), "w64");
		assertEquals(0.5 * values(base.resolve("model.safetensors"), "w64")[1] + 0.5 * values(ft.resolve("model.safetensors"), "w64")[1],
			m[1], 0);
	}
}
