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
package org.mubench.eval.generative;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mubench.data.Dataset;
import org.mubench.base.ProgressListener;
import org.mubench.data.Question;
import org.mubench.data.Sample;
import org.mubench.data.SampleStream;
import org.mubench.eval.run.BenchmarkRunner;
import org.mubench.image.ImageTensors;
import org.mubench.eval.run.RunOptions;
import org.mubench.eval.run.RunRecord;
import org.mubench.eval.run.RunResult;
import org.mubench.model.ModelOptions;
import org.mubench.model.Models;
import org.mubench.model.VisionLanguageModel;
import org.mubench.model.openai.FakeChatServer;
import org.mubench.model.openai.FakeChatServer.Reply;
import org.mubench.testdata.TestImages;

/** A whole generative run through {@link BenchmarkRunner} against a scripted chat-completions server on loopback. */
class GenerativeRunTest {
	static final String KEY = "sk-run-7fQ2xL9pW4mN8vB3kD6hJ1sZ5tR0yC";
	static final ObjectMapper JSON = new ObjectMapper();

	@TempDir
	Path tmp;
	FakeChatServer server;
	final List<String> log = Collections.synchronizedList(new ArrayList<>());

	@BeforeEach
	void start() throws IOException {
		server = new FakeChatServer();
		server.respond(req -> {
			String text;
			try {
				text = JSON.readTree(req.body).at("/messages/0/content/0/text").asText();
			}
			catch (IOException e) {
				return Reply.json(400, "{\"error\":{\"message\":\"bad json\"}}");
			}
			if (text.contains("Which cell type is shown?")) return Reply.text("B) basophil", 100, 4);
			if (text.contains("Which imaging modality is used?")) return Reply.text("The answer is A", 90, 5);
			if (text.contains("Which modality here?")) return Reply.content("\"\"", 80, 0);
			if (text.contains("FAIL")) return Reply.json(500, "{\"error\":{\"message\":\"overloaded\"}}");
			return Reply.text("?", 1, 1);
		});
	}

	@AfterEach
	void stop() {
		server.close();
	}

	static final byte[] PNG0 = TestImages.rgbPng(5, 4);
	static final byte[] PNG2 = TestImages.grey8Png(3, 3);

	static Question q(String key, String text, int answer, String... options) {
		return new Question(key, "id-" + key, key, text, options[answer], answer, Arrays.asList(options), null);
	}

	static Sample sample(long row, byte[] png, Question... qs) {
		Sample.Builder b = Sample.builder(row);
		b.imageId = "img" + row;
		b.imageBytes = png;
		b.dataset = "acevedo_et_al_2020";
		b.domain = "pathology";
		for (Question q : qs)
			b.questions.put(q.key, q);
		// A caption the generative run must not ask.
		b.captions.put("modality_1", new Question("modality_1", "c", "modality", "An image of {class}.", null, 0,
			Arrays.asList("An image of x.", "none of the above"), null));
		return b.build();
	}

	static Dataset dataset(Path location, List<Sample> samples) {
		return new Dataset() {
			@Override
			public Path location() {
				return location;
			}

			@Override
			public List<String> labelNames() {
				return Collections.emptyList();
			}

			@Override
			public long size() {
				return samples.size();
			}

			@Override
			public SampleStream samples(ProgressListener log) {
				Iterator<Sample> it = samples.iterator();
				return new SampleStream() {
					@Override
					public boolean hasNext() {
						return it.hasNext();
					}

					@Override
					public Sample next() {
						return it.next();
					}

					@Override
					public void close() {}
				};
			}
		};
	}

	List<Sample> samples() {
		return Arrays.asList(
			sample(0, PNG0, q("modality", "Which imaging modality is used?", 0, "light microscopy", "electron microscopy",
				"none of the above"), q("classification", "Which cell type is shown?", 1, "neutrophil", "basophil",
					"eosinophil", "none of the above")),
			sample(1, TestImages.corruptPng(), q("modality", "Which imaging modality is used?", 0, "light microscopy",
				"none of the above")),
			sample(2, PNG2, q("modality", "Which modality here?", 1, "light microscopy", "electron microscopy"),
				q("stain", "FAIL which stain?", 0, "H&E", "none of the above")));
	}

	RunResult run(Path out, Path keyFile) {
		ModelOptions mo = new ModelOptions();
		mo.apiKeyFile = keyFile;
		mo.extra.put("cache_dir", tmp.resolve("cache").toString());
		mo.extra.put("retries", "1");
		mo.extra.put("backoff_ms", "1");
		mo.extra.put("concurrency", "3");
		mo.listener = listener();
		RunOptions ro = new RunOptions();
		ro.out = out;
		ro.batchSize = 2;
		ro.decodeThreads = 1;
		ro.modelSpec = "openai:gpt-4o@" + server.baseUrl();
		try (VisionLanguageModel model = Models.open(ro.modelSpec, mo)) {
			RunResult r = new BenchmarkRunner(ro).listener(listener()).run(dataset(tmp.resolve("ds"), samples()), model);
			RunRecord.write(out, ro, tmp.resolve("ds"), "finished", r, "2026-11-22T00:00:00Z");
			return r;
		}
	}

	ProgressListener listener() {
		return new ProgressListener() {
			@Override
			public void progress(long done, long total, String message) {}

			@Override
			public void log(String message) {
				log.add(message);
			}
		};
	}

	static Map<String, JsonNode> predictions(Path out) throws IOException {
		Map<String, JsonNode> m = new LinkedHashMap<>();
		for (String line : Files.readAllLines(out.resolve("predictions.jsonl"), StandardCharsets.UTF_8)) {
			JsonNode n = JSON.readTree(line);
			m.put(n.get("row").asLong() + "/" + n.get("question_key").asText(), n);
		}
		return m;
	}

	@Test
	void runAnswersScoresCachesAndRecords() throws IOException {
		Path keyFile = tmp.resolve("key.txt");
		Files.write(keyFile, KEY.getBytes(StandardCharsets.UTF_8));
		Path out = tmp.resolve("out");
		RunResult r = run(out, keyFile);

		Map<String, JsonNode> p = predictions(out);
		assertEquals(Arrays.asList("0/modality", "0/classification", "1/modality", "2/modality", "2/stain"),
			new ArrayList<>(p.keySet()));
		// "The answer is A" (gold A): the paper's rule says wrong (no "A) light microscopy", first char 'T'); the parser reads A.
		JsonNode a = p.get("0/modality");
		assertEquals("The answer is A", a.get("response").asText());
		assertFalse(a.get("correct").asBoolean());
		assertEquals(0, a.get("pred_idx").asInt());
		assertTrue(a.get("scores").isNull());
		assertTrue(a.get("skipped").isNull());
		assertEquals(-1, a.get("template").asInt());
		assertEquals("gpt-4o", a.get("model").asText());
		JsonNode b = p.get("0/classification");
		assertTrue(b.get("correct").asBoolean());
		assertEquals(1, b.get("pred_idx").asInt());
		assertEquals("B) basophil", b.get("response").asText());
		assertEquals("unreadable_image", p.get("1/modality").get("skipped").asText());
		JsonNode empty = p.get("2/modality");
		assertEquals("", empty.get("response").asText());
		assertFalse(empty.get("correct").asBoolean());
		assertEquals(-1, empty.get("pred_idx").asInt());
		assertTrue(empty.get("skipped").isNull());
		JsonNode failed = p.get("2/stain");
		assertEquals("request_failed", failed.get("skipped").asText());
		assertTrue(failed.get("response").isNull());
		assertEquals(-1, failed.get("pred_idx").asInt());

		// Requests: 3 answered + the failing one twice (retries=1); the corrupt image and the caption are never sent.
		assertEquals(5, server.requestCount());
		for (FakeChatServer.Received req : server.received())
			assertEquals("Bearer " + KEY, req.authorization);
		FakeChatServer.Received first = server.received().stream()
			.filter(x -> x.bodyText().contains("Which cell type")).findFirst().get();
		String expected = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":"
			+ "\"Answer with a single letter, no extra details.\\nQuestion:Which cell type is shown?\\nA) neutrophil\\n"
			+ "B) basophil\\nC) eosinophil\\nD) none of the above\"},{\"type\":\"image_url\",\"image_url\":{\"url\":"
			+ "\"data:image/png;base64," + Base64.getEncoder().encodeToString(ImageTensors.pilRgbPng(PNG0, "png0"))
			+ "\",\"detail\":\"high\"}}]}],\"response_format\":{\"type\":\"text\"},\"temperature\":1.0,"
			+ "\"max_tokens\":2048,\"top_p\":1.0,\"frequency_penalty\":0.0,\"presence_penalty\":0.0,\"seed\":0,"
			+ "\"n\":1,\"logprobs\":true,\"top_logprobs\":10}";
		assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8), first.body);

		assertEquals(1L, (long) r.skipped.get("request_failed"));
		assertEquals(1L, (long) r.skipped.get("unreadable_image"));
		assertEquals(1, log.stream().filter(s -> s.contains("request_failed") && s.contains("HTTP 500: overloaded")).count(),
			log.toString());

		Map<String, Object> info = r.modelInfo;
		assertEquals("gpt-4o", info.get("model"));
		assertEquals(server.baseUrl(), info.get("base_url"));
		assertEquals(1.0, info.get("temperature"));
		assertEquals(2048, info.get("max_tokens"));
		assertEquals(0L, info.get("seed")); // the harness's GPT-4o wrapper sent seed 0
		assertEquals("high", info.get("detail"));
		assertEquals(1.0, info.get("top_p"));
		assertEquals(10, info.get("top_logprobs"));
		@SuppressWarnings("unchecked")
		Map<String, Object> usage = (Map<String, Object>) info.get("usage");
		assertEquals(270L, usage.get("prompt_tokens"));
		assertEquals(9L, usage.get("completion_tokens"));
		assertEquals(5L, usage.get("http_requests"));
		@SuppressWarnings("unchecked")
		Map<String, Object> answers = (Map<String, Object>) info.get("answers");
		assertEquals(3L, answers.get("replies"));
		assertEquals(1L, answers.get("unparseable_replies"));
		assertEquals(1L, answers.get("empty_replies"));
		assertEquals(1L, answers.get("request_failed"));

		JsonNode run = JSON.readTree(out.resolve("run.json").toFile());
		assertEquals(270, run.at("/model_info/usage/prompt_tokens").asLong());
		assertEquals("high", run.at("/model_info/detail").asText());
		assertEquals(1.0, run.at("/model_info/temperature").asDouble());
		assertTrue(run.get("answerer").asText().contains("gpt-4o"), run.get("answerer").asText());

		// A rerun into a new folder costs only the request that failed: the rest comes from the cache.
		Path out2 = tmp.resolve("out2");
		RunResult r2 = run(out2, keyFile);
		assertEquals(7, server.requestCount());
		@SuppressWarnings("unchecked")
		Map<String, Object> usage2 = (Map<String, Object>) r2.modelInfo.get("usage");
		assertEquals(0L, usage2.get("prompt_tokens"));
		assertEquals(3L, usage2.get("cache_hits"));
		assertEquals(270L, usage2.get("cached_prompt_tokens"));
		Map<String, JsonNode> p2 = predictions(out2);
		for (String k : p.keySet()) {
			assertEquals(p.get(k).get("response"), p2.get(k).get("response"), k);
			assertEquals(p.get(k).get("correct"), p2.get(k).get("correct"), k);
		}

		// The key is in no file written and no log line.
		List<Path> files;
		try (Stream<Path> s = Files.walk(tmp)) {
			files = s.filter(Files::isRegularFile).filter(f -> !f.equals(keyFile)).collect(Collectors.toList());
		}
		assertTrue(files.size() >= 7, files.toString()); // 2× predictions + 2× run.json + 3 cache entries
		for (Path f : files) {
			String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
			assertFalse(content.contains(KEY.substring(7, 20)), f.toString());
		}
		for (String line : log)
			assertFalse(line.contains(KEY.substring(7, 20)), line);
	}

	@Test
	void aModelThatNeverAnswersStopsTheRunWithTheCause() throws IOException {
		Path keyFile = tmp.resolve("key.txt");
		Files.write(keyFile, KEY.getBytes(StandardCharsets.UTF_8));
		server.respond(req -> Reply.json(401, "{\"error\":{\"message\":\"Incorrect API key provided: "
			+ req.authorization.substring(7) + "\"}}"));
		Path out = tmp.resolve("out");
		org.mubench.model.ModelException e = org.junit.jupiter.api.Assertions.assertThrows(
			org.mubench.model.ModelException.class, () -> run(out, keyFile));
		assertTrue(e.getMessage().contains("HTTP 401: Incorrect API key provided"), e.getMessage());
		assertFalse(e.getMessage().contains(KEY.substring(7, 13)), e.getMessage());
		// The 401 stops sending: only the first batch's two requests (in flight together) reach the server, and a 401
		// is not retried; the later rows' questions fail without being sent.
		assertTrue(server.requestCount() >= 1 && server.requestCount() <= 2, "requests: " + server.requestCount());
		for (String line : log)
			assertFalse(line.contains(KEY.substring(7, 13)), line);
	}
}
