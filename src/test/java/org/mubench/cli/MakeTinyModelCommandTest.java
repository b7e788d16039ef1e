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
package org.mubench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mubench.model.onnx.OnnxModel;

class MakeTinyModelCommandTest {
	@TempDir
	Path tmp;

	@Test
	void writesAModelFolder() throws Exception {
		Path out = tmp.resolve("tiny");
		StringWriter so = new StringWriter(), se = new StringWriter();
		int code = MuBenchCli.execute(new String[] { "make-tiny-model", "--out", out.toString(), "--seed", "4",
			"--image-size", "64" }, new PrintWriter(so), new PrintWriter(se));
		assertEquals(0, code, se.toString());
		assertTrue(Files.isRegularFile(out.resolve("tokenizer.json")));
		assertEquals("[batch_size, 3, 64, 64]",
			OnnxModel.read(out.resolve("onnx/vision_model.onnx")).graph.input("pixel_values").shapeString());
	}

	@Test
	void tooSmallImageIsAOneLineError() {
		StringWriter se = new StringWriter();
		int code = MuBenchCli.execute(new String[] { "make-tiny-model", "--out", tmp.resolve("x").toString(),
			"--image-size", "4" }, new PrintWriter(new StringWriter()), new PrintWriter(se));
		assertEquals(1, code);
		assertTrue(se.toString().contains("--image-size must be at least 8"), se.toString());
	}
}
