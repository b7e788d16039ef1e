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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class GritCommandTest {
	@TempDir
	Path tmp;

	private final StringWriter out = new StringWriter(), err = new StringWriter();

	private int run(String... args) {
		return MuBenchCli.execute(args, new PrintWriter(out), new PrintWriter(err));
	}

	@Test
	void scoresEachLineThenTheMean() throws Exception {
		Path f = tmp.resolve("boxes.jsonl");
		Files.write(f, Arrays.asList(
			"{\"id\": \"a\", \"pred\": [[0,0,10,10]], \"gt\": [[0,0,10,10]]}",
			"",
			"{\"id\": 7, \"pred\": [], \"gt\": []}",
			"{\"id\": \"c\", \"pred\": [[0,0,10,10]], \"gt\": [[5,0,15,10]]}"), StandardCharsets.UTF_8);
		assertEquals(0, run("grit", "--input", f.toString()), err.toString());
		String[] lines = out.toString().trim().split("\\R");
		assertEquals(4, lines.length);
		ObjectMapper json = new ObjectMapper();
		JsonNode a = json.readTree(lines[0]);
		assertEquals("a", a.get("id").asText());
		// identical 10x10 boxes: 100 / 100.000001
		assertEquals(100 / 100.000001, a.get("score").asDouble(), 1e-15);
		assertEquals(7, json.readTree(lines[1]).get("id").asInt());
		assertEquals(1.0, json.readTree(lines[1]).get("score").asDouble(), 0);
		// half overlap: inter 50, union 150 -> 50/150.000001, one pair kept: / (1+1-1)
		assertEquals(50 / 150.000001, json.readTree(lines[2]).get("score").asDouble(), 1e-15);
		JsonNode total = json.readTree(lines[3]);
		assertEquals(3, total.get("n").asInt());
		assertEquals((100 / 100.000001 + 1 + 50 / 150.000001) / 3, total.get("mean").asDouble(), 1e-15);
	}

	@Test
	void badLinesAreNamedAndTheRestContinue() throws Exception {
		Path f = tmp.resolve("bad.jsonl");
		Files.write(f, Arrays.asList(
			"{\"id\": 1, \"pred\": [[0,0,10,10]], \"gt\": [[20,20,30,30]]}",
			"{not json",
			"{\"id\": 3, \"pred\": [[0,0,10]], \"gt\": []}",
			"{\"id\": 4, \"pred\": []}",
			"{\"id\": 5, \"pred\": [], \"gt\": [[0,0,1,1]]}"), StandardCharsets.UTF_8);
		assertEquals(1, run("grit", "--input", f.toString()));
		String[] lines = out.toString().trim().split("\\R");
		assertEquals(3, lines.length);
		assertTrue(lines[2].contains("\"n\":2"), lines[2]);
		assertTrue(lines[2].contains("\"mean\":0.0"), lines[2]);
		String e = err.toString();
		assertTrue(e.contains("line 2:"), e);
		assertTrue(e.contains("line 3: \"pred\"[0] is not a box of 4 numbers"), e);
		assertTrue(e.contains("line 4: \"gt\" is missing"), e);
		assertTrue(e.contains("error: 3 of 5 lines"), e);
	}

	@Test
	void missingFile() {
		assertEquals(1, run("grit", "--input", tmp.resolve("nope.jsonl").toString()));
		assertTrue(err.toString().contains("nope.jsonl: no such file"), err.toString());
	}

	@Test
	void detectRejectsBadOptionsAndMissingData() {
		assertEquals(2, run("detect", "--dataset", tmp.toString(), "--model", "x", "--out", tmp.toString(), "--format", "yolo"));
		assertTrue(err.toString().contains("box format 'yolo'"), err.toString());
		StringWriter e2 = new StringWriter();
		int code = MuBenchCli.execute(new String[] { "detect", "--dataset", tmp.resolve("none").toString(), "--model", "x", "--out",
			tmp.resolve("o").toString() }, new PrintWriter(new StringWriter()), new PrintWriter(e2));
		assertEquals(1, code);
		assertTrue(e2.toString().startsWith("error: "), e2.toString());
		assertEquals(1, e2.toString().trim().split("\\R").length, e2.toString());
	}
}
