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

class MergeCommandTest {
	@TempDir
	Path tmp;

	private int run(StringWriter out, StringWriter err, String... args) {
		return MuBenchCli.execute(args, new PrintWriter(out), new PrintWriter(err));
	}

	@Test
	void mergesTwoTinyModels() {
		StringWriter o = new StringWriter(), e = new StringWriter();
		assertEquals(0, run(o, e, "make-tiny-model", "--out", tmp.resolve("a").toString(), "--seed", "1", "--image-size", "16"));
		assertEquals(0, run(o, e, "make-tiny-model", "--out", tmp.resolve("b").toString(), "--seed", "2", "--image-size", "16"));
		StringWriter out = new StringWriter(), err = new StringWriter();
		int code = run(out, err, "merge", "--base", tmp.resolve("a").toString(), "--finetuned", tmp.resolve("b").toString(),
			"--alpha", "0.4", "--out", tmp.resolve("m").toString());
		assertEquals(0, code, err.toString());
		assertTrue(out.toString().contains("merged 2 weight file(s) (7 tensors interpolated, 5 copied)"), out.toString());
		assertTrue(err.toString().contains("12/12 tensors"), err.toString());
		assertTrue(Files.isRegularFile(tmp.resolve("m/onnx/text_model.onnx")));

		StringWriter err2 = new StringWriter();
		code = run(new StringWriter(), err2, "merge", "--base", tmp.resolve("a").toString(), "--finetuned",
			tmp.resolve("b").toString(), "--alpha", "1.5", "--out", tmp.resolve("m2").toString());
		assertEquals(1, code);
		assertTrue(err2.toString().startsWith("error: alpha 1.5 is outside [0, 1]"), err2.toString());
		assertEquals(0, run(new StringWriter(), new StringWriter(), "merge", "--base", tmp.resolve("a").toString(),
			"--finetuned", tmp.resolve("b").toString(), "--alpha", "1.5", "--out", tmp.resolve("m2").toString(),
			"--allow-extrapolation"));
	}

	@Test
	void missingAlphaIsBadUsage() {
		StringWriter err = new StringWriter();
		assertEquals(2, run(new StringWriter(), err, "merge", "--base", "a", "--finetuned", "b", "--out", "c"));
	}
}
