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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxProtoTest {
	@TempDir
	Path tmp;

	@Test
	void typedDataFieldsRoundTrip() throws Exception {
		OnnxModel m = new OnnxModel();
		m.opsets.put("", 13L);
		OnnxTensor f = new OnnxTensor();
		f.name = "f";
		f.dataType = OnnxDataType.FLOAT;
		f.dims = new long[] { 2, 2 };
		f.floatData = new float[] { 1.5f, -2f, 0f, 3.25f };
		OnnxTensor h = new OnnxTensor();
		h.name = "h";
		h.dataType = OnnxDataType.FLOAT16;
		h.dims = new long[] { 3 };
		h.int32Data = new int[] { 0x3c00, 0xc000, 0x3555 }; // 1, -2, 0.333251953125
		OnnxTensor d = new OnnxTensor();
		d.name = "d";
		d.dataType = OnnxDataType.DOUBLE;
		d.dims = new long[] { 2 };
		d.doubleData = new double[] { Math.PI, -1e300 };
		OnnxTensor i = new OnnxTensor();
		i.name = "i";
		i.dataType = OnnxDataType.INT64;
		i.dims = new long[0];
		i.int64Data = new long[] { -7 };
		m.graph.initializers.add(f);
		m.graph.initializers.add(h);
		m.graph.initializers.add(d);
		m.graph.initializers.add(i);
		m.graph.inputs.add(OnnxValueInfo.tensor("x", OnnxDataType.FLOAT, "n", 2));
		m.graph.outputs.add(OnnxValueInfo.tensor("y", OnnxDataType.FLOAT, null, 2));
		m.graph.nodes.add(new OnnxNode("MatMul", "mm", new String[] { "x", "f" }, new String[] { "y" },
			OnnxAttribute.ofInts("unused", 1, 2), OnnxAttribute.ofFloat("alpha", 0.5f), OnnxAttribute.ofString("mode", "x")));
		Path file = tmp.resolve("m.onnx");
		m.write(file);

		OnnxModel r = OnnxModel.read(file);
		assertEquals(13, r.opset());
		assertArrayEquals(new double[] { 1.5, -2, 0, 3.25 }, r.graph.initializer("f").toDoubles(tmp), 0);
		assertArrayEquals(new double[] { 1, -2, 0.333251953125 }, r.graph.initializer("h").toDoubles(tmp), 0);
		assertArrayEquals(new double[] { Math.PI, -1e300 }, r.graph.initializer("d").toDoubles(tmp), 0);
		assertArrayEquals(new double[] { -7 }, r.graph.initializer("i").toDoubles(tmp), 0);
		assertEquals("[n, 2]", r.graph.input("x").shapeString());
		assertEquals("[?, 2]", r.graph.output("y").shapeString());
		OnnxNode n = r.graph.nodes.get(0);
		assertEquals("MatMul", n.opType);
		assertArrayEquals(new long[] { 1, 2 }, n.attribute("unused").ints);
		assertEquals(0.5f, n.attribute("alpha").f);
		assertEquals("x", new String(n.attribute("mode").s, "UTF-8"));
		// Spans cover the whole file: model fields are contiguous.
		assertEquals(Files.size(file), r.spans.get(r.spans.size() - 1).end);
		assertTrue(r.describe().contains("weight h float16[3]"));
	}

	@Test
	void notAModelIsAClearError() throws Exception {
		Path file = tmp.resolve("junk.onnx");
		Files.write(file, new byte[] { (byte) 0xff, (byte) 0xff, 0x01, 0x02 });
		IOException e = assertThrows(IOException.class, () -> OnnxModel.read(file));
		assertTrue(e.getMessage().contains("junk.onnx"), e.getMessage());
	}

	@Test
	void halfFloatRoundingIsNearestEven() {
		// Values and bit patterns follow the IEEE 754 binary16 / bfloat16 definitions (checked with numpy.float16 and
		// with float32 bits rounded to bfloat16 by round-half-to-even in numpy: 1 + 2^-11 is a tie and rounds to even
		// 1.0; 1 + 3·2^-11 rounds up).
		assertEquals(0x3c00, HalfFloats.doubleToHalf(1.0));
		assertEquals(0x3c00, HalfFloats.doubleToHalf(1 + Math.pow(2, -11)));
		assertEquals(0x3c02, HalfFloats.doubleToHalf(1 + 3 * Math.pow(2, -11)));
		assertEquals(0x7bff, HalfFloats.doubleToHalf(65504));
		assertEquals(0x7c00, HalfFloats.doubleToHalf(65520));
		assertEquals(0x0001, HalfFloats.doubleToHalf(Math.pow(2, -24)));
		assertEquals(0x0000, HalfFloats.doubleToHalf(Math.pow(2, -25)));
		assertEquals(0x0002, HalfFloats.doubleToHalf(3 * Math.pow(2, -25)));
		assertEquals(0x8000, HalfFloats.doubleToHalf(-0.0));
		assertEquals(0x3f80, HalfFloats.doubleToBfloat16(1.0));
		assertEquals(0x3f80, HalfFloats.doubleToBfloat16(1 + Math.pow(2, -8)));
		assertEquals(0x3f82, HalfFloats.doubleToBfloat16(1 + 3 * Math.pow(2, -8)));
		assertEquals(0xc049, HalfFloats.doubleToBfloat16(-Math.PI));
		for (int bits = 0; bits < 0x10000; bits++) {
			double v = HalfFloats.halfToDouble(bits);
			if (!Double.isNaN(v)) assertEquals(bits, HalfFloats.doubleToHalf(v), "half " + bits);
			double b = HalfFloats.bfloat16ToDouble(bits);
			if (!Double.isNaN(b)) assertEquals(bits, HalfFloats.doubleToBfloat16(b), "bf16 " + bits);
		}
	}
}
