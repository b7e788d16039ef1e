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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mubench.data.Annotation;
import org.mubench.data.Sample;
import org.mubench.model.openai.FakeChatServer;
import org.mubench.testdata.TestImages;
import org.mubench.testdata.TestShards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code mubench detect} end to end: release shards on disk, a chat-completions server on loopback. */
class DetectCommandTest {
	@TempDir
	Path tmp;

	@Test
	void detectOnShardsWithAnApiModel() throws Exception {
		byte[] png = TestImages.grey8Png(64, 32);
		List<String> classes = Arrays.asList("a", "b");
		Sample.Builder boxed = TestShards.typical(0, "jung_et_al_2022", "a", classes, png);
		boxed.boxes = new ArrayList<>(Arrays.asList(new Annotation("lymphocyte", new double[] { 10, 10, 30, 20 })));
		Sample.Builder plain = TestShards.typical(1, "kather_et_al_2016", "b", classes, png);
		Sample.Builder polygon = TestShards.typical(2, "wu_et_al_2023", "a", classes, png);
		polygon.polygons = new ArrayList<>(Arrays.asList(new Annotation("mito", new double[] { 40, 0, 60, 0, 60, 30 })));
		Path data = tmp.resolve("data");
		TestShards.builder().add(boxed).add(plain).add(polygon).writeTo(data);
		Path out = tmp.resolve("out");
		StringWriter stdout = new StringWriter(), stderr = new StringWriter();
		try (FakeChatServer server = new FakeChatServer()) {
			server.script(FakeChatServer.Reply.text("```json\n{\"boxes\": [[10, 10, 30, 20]]}\n```", 10, 5));
			int code = MuBenchCli.execute(new String[] { "detect", "--dataset", data.toString(), "--model",
				"openai:test-model@" + server.baseUrl(), "--out", out.toString(), "--api-key-env", "MUBENCH_TEST_UNSET_KEY",
				"--set", "cache_dir=off", "--extended" }, new PrintWriter(stdout), new PrintWriter(stderr));
			assertEquals(0, code, stderr.toString());
			assertEquals(2, server.requestCount());
			String body = server.received().get(0).bodyText();
			assertTrue(body.contains("Detect every ") && body.contains("The image is 64 x 32 pixels."), body);
		}
		List<String> lines = Files.readAllLines(out.resolve("detections.jsonl"), StandardCharsets.UTF_8);
		assertEquals(2, lines.size());
		ObjectMapper json = new ObjectMapper();
		JsonNode first = json.readTree(lines.get(0)), second = json.readTree(lines.get(1));
		assertEquals("lymphocyte", first.get("class").asText());
		// identical to the gt box: 200 / 200.000001
		assertEquals(200 / 200.000001, first.get("score").asDouble(), 1e-12);
		assertEquals("mitochondria", second.get("class").asText());
		// gt from the polygon: [40, 0, 60, 30]; disjoint from [10,10,30,20] -> 0
		assertEquals("[[40.0,0.0,60.0,30.0]]", second.get("gt").toString());
		assertEquals(0.0, second.get("score").asDouble(), 0);
		assertTrue(Files.exists(out.resolve("rois").resolve("0_img-0.zip")));
		assertTrue(Files.exists(out.resolve("rois").resolve("2_img-2.zip")));
		assertTrue(Files.exists(out.resolve("grit_summary.json")));
		String printed = stdout.toString();
		assertTrue(printed.contains("images: 2, questions: 2"), printed);
		assertTrue(printed.contains("task white blood cells: GRIT 1.0000"), printed);
		assertTrue(printed.contains("task mitochondria in cryo-ET: GRIT 0.0000"), printed);
	}
}
