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

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mubench.eval.Prediction;
import org.mubench.eval.journal.PredictionsFile;
import org.mubench.eval.score.SyntheticPredictions;

class CompareCommandTest {
	@TempDir
	Path tmp;

	private Path run(String name, long seed) throws IOException {
		List<Prediction> p = SyntheticPredictions.make(21, seed, 1);
		Path dir = tmp.resolve(name);
		Files.createDirectories(dir);
		PredictionsFile.write(dir.resolve(PredictionsFile.FILE_NAME), p);
		return dir;
	}

	private static String[] cli(String... args) {
		StringWriter out = new StringWriter(), err = new StringWriter();
		int code = MuBenchCli.execute(args, new PrintWriter(out), new PrintWriter(err));
		return new String[] { Integer.toString(code), out.toString(), err.toString() };
	}

	@Test
	void comparesTwoRuns() throws IOException {
		Path a = run("a", 1), b = run("b", 2), out = tmp.resolve("cmp");
		String[] r = cli("compare", "--runs", a.toString(), b.toString(), "--out", out.toString(), "--resamples", "199");
		assertEquals("0", r[0], r[2]);
		assertTrue(r[1].contains("coarse: b − a = "), r[1]); // no summary.json: named by folder
		assertTrue(r[1].contains("report: " + out.resolve("comparison.html")), r[1]);
		for (String f : new String[] { "comparison.json", "comparison.csv", "table.csv", "confusion.csv",
			"most_confused.csv", "comparison.html", "charts/differences.svg" })
			assertTrue(Files.isRegularFile(out.resolve(f)), f);
	}

	@Test
	void badInputsGetOneClearLine() throws IOException {
		Path a = run("a", 1);
		String[] one = cli("compare", "--runs", a.toString(), "--out", tmp.resolve("x").toString());
		assertEquals("2", one[0]);
		assertTrue(one[2].contains("--runs"), one[2]);
		String[] missing = cli("compare", "--runs", a.toString(), tmp.resolve("none").toString(), "--out",
			tmp.resolve("x").toString());
		assertEquals("1", missing[0]);
		assertTrue(missing[2].contains("error: ") && missing[2].contains("none") &&
			missing[2].contains("predictions.jsonl"), missing[2]);
	}
}
