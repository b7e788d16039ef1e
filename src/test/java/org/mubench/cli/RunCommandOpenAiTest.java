package org.mubench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mubench.model.openai.FakeChatServer;
import org.mubench.model.openai.FakeChatServer.Reply;
import org.mubench.testdata.TestImages;
import org.mubench.testdata.TestShards;

/** {@code mubench run --model openai:…} against a chat-completions server on loopback. */
class RunCommandOpenAiTest {
	static final List<String> CLASSES = Arrays.asList("lymphocyte", "neutrophil", "basophil");
	static final String KEY = "sk-cli-Vb7Nq2Xw9Lm4Kp8Rt3Zy6Hs1Df5Gj0";

	@TempDir
	Path tmp;
	Path data;
	FakeChatServer server;
	String out, err;

	@BeforeEach
	void setUp() throws Exception {
		TestShards.Builder b = TestShards.builder().shards(1);
		for (int i = 0; i < 3; i++)
			b.add(TestShards.typical(i, "acevedo_et_al_2020", CLASSES.get(i % 3), CLASSES, TestImages.rgbPng(8 + i, 8))); // distinct images: identical requests would share a cache entry
		data = tmp.resolve("data");
		b.writeTo(data);
		server = new FakeChatServer();
		server.respond(req -> Reply.text("B", 10, 1));
	}

	@AfterEach
	void tearDown() {
		server.close();
	}

	private int run(String... args) {
		StringWriter o = new StringWriter(), e = new StringWriter();
		int code = MuBenchCli.execute(args, new PrintWriter(o), new PrintWriter(e));
		out = o.toString();
		err = e.toString();
		return code;
	}

	@Test
	void openAiRunRecordsRequestParametersAndUsageButNoKey() throws Exception {
		Path keyFile = tmp.resolve("key.txt");
		Files.write(keyFile, (KEY + "\n").getBytes(StandardCharsets.UTF_8));
		Path o = tmp.resolve("out");
		String[] args = { "run", "--dataset", data.toString(), "--model", "openai:gpt-4o@" + server.baseUrl(), "--out",
			o.toString(), "--api-key-file", keyFile.toString(), "--set", "cache_dir=" + tmp.resolve("cache"), "--set",
			"seed=7", "--set", "concurrency=2", "--resamples", "99" };
		assertEquals(0, run(args), err);
		// Every generative question of the three rows is one prediction and one request.
		int questions = Files.readAllLines(o.resolve("predictions.jsonl")).size();
		assertTrue(questions >= 6, "questions: " + questions);
		assertEquals(questions, server.requestCount());
		for (FakeChatServer.Received r : server.received())
			assertEquals("Bearer " + KEY, r.authorization);

		JsonNode summary = new ObjectMapper().readTree(o.resolve("summary.json").toFile());
		JsonNode run = summary.get("run");
		assertEquals("gpt-4o", run.get("model").asText());
		assertEquals(server.baseUrl(), run.get("base_url").asText());
		assertEquals(1.0, run.get("temperature").asDouble());
		assertEquals(2048, run.get("max_tokens").asInt());
		assertEquals(7, run.get("seed").asInt());
		assertEquals("high", run.get("detail").asText());
		assertEquals(10L * questions, run.at("/usage/prompt_tokens").asLong());
		assertEquals(questions, run.at("/usage/completion_tokens").asLong());
		assertEquals(questions, run.at("/answers/replies").asLong());
		assertEquals(0, run.at("/answers/unparseable_replies").asLong());

		// The rerun of the same questions into another folder is answered from the cache.
		Path o2 = tmp.resolve("out2");
		args[6] = o2.toString();
		assertEquals(0, run(args), err);
		assertEquals(questions, server.requestCount());
		JsonNode run2 = new ObjectMapper().readTree(o2.resolve("summary.json").toFile()).get("run");
		assertEquals(questions, run2.at("/usage/cache_hits").asLong());
		assertEquals(0, run2.at("/usage/prompt_tokens").asLong());

		String fragment = KEY.substring(7, 19);
		assertFalse(out.contains(fragment) || err.contains(fragment));
		List<Path> files;
		try (Stream<Path> s = Files.walk(tmp)) {
			files = s.filter(Files::isRegularFile).filter(f -> !f.equals(keyFile)).collect(Collectors.toList());
		}
		for (Path f : files)
			assertFalse(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(fragment), f.toString());
	}

	@Test
	void theKeyCannotBeGivenOnTheCommandLine() {
		assertEquals(2, run("run", "--dataset", data.toString(), "--model", "openai:gpt-4o@" + server.baseUrl(), "--out",
			tmp.resolve("o").toString(), "--api-key", KEY));
		assertEquals(0, server.requestCount());
	}

	@Test
	void aWrongKeyStopsTheRunWithOneLine() throws Exception {
		server.respond(req -> Reply.json(401, "{\"error\":{\"message\":\"Incorrect API key provided: "
			+ req.authorization.substring(7) + "\"}}"));
		Path keyFile = tmp.resolve("key.txt");
		Files.write(keyFile, KEY.getBytes(StandardCharsets.UTF_8));
		assertEquals(1, run("run", "--dataset", data.toString(), "--model", "openai:gpt-4o@" + server.baseUrl(), "--out",
			tmp.resolve("o").toString(), "--api-key-file", keyFile.toString(), "--set", "cache_dir=off"));
		assertTrue(err.contains("HTTP 401"), err);
		assertFalse(err.contains(KEY.substring(7, 19)), err);
	}

	@Test
	void aDeadEndpointStopsTheRunAfterAFewFailedConnectionsWithOneLine() throws Exception {
		int port;
		try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			port = free.getLocalPort();
		} // closed: nothing listens there now
		Path o = tmp.resolve("dead");
		// Default retries (5) and backoff: only the dead-endpoint rule can make this stop before minutes of retrying.
		assertEquals(1, run("run", "--dataset", data.toString(), "--model", "openai:gpt-4o@http://127.0.0.1:" + port + "/v1",
			"--out", o.toString(), "--set", "cache_dir=off"));
		List<String> errors = Arrays.stream(err.split("\\R")).filter(l -> l.startsWith("error:")).collect(Collectors.toList());
		assertEquals(1, errors.size(), err);
		assertTrue(errors.get(0).contains("cannot connect to http://127.0.0.1:" + port + "/v1 (is the server running?)")
			&& errors.get(0).contains("gave up after 3 failed connections and no reply"), err);
		// Nothing was recorded as answered or failed: the run can be repeated once the server is up.
		Path predictions = o.resolve("predictions.jsonl");
		assertTrue(!Files.exists(predictions) || Files.size(predictions) == 0, "no predictions written");
	}

	@Test
	void aBusyServerIsRetriedPatientlyAndTheRetriesShow() throws Exception {
		java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
		server.respond(req -> n.getAndIncrement() < 4 ? Reply.json(503, "{\"error\":{\"message\":\"overloaded\"}}")
			: Reply.text("B", 10, 1));
		assertEquals(0, run("run", "--dataset", data.toString(), "--model", "openai:gpt-4o@" + server.baseUrl(), "--out",
			tmp.resolve("busy").toString(), "--set", "cache_dir=off", "--set", "backoff_ms=1", "--set", "concurrency=1"), err);
		assertTrue(err.contains("gpt-4o: HTTP 503: overloaded; retry 1 of 5"), err);
		assertFalse(err.contains("gave up"), err);
		JsonNode usage = new ObjectMapper().readTree(tmp.resolve("busy/run.json").toFile()).path("model_info").path("usage");
		assertEquals(4, usage.path("retries").asInt(), usage.toString());
	}

	@Test
	void resumingWithOtherRequestParametersIsRefused() throws Exception {
		Path o = tmp.resolve("params");
		assertEquals(0, run("run", "--dataset", data.toString(), "--model", "openai:gpt-4o@" + server.baseUrl(), "--out",
			o.toString(), "--set", "cache_dir=off"), err);
		assertEquals(1, run("run", "--dataset", data.toString(), "--model", "openai:gpt-4o@" + server.baseUrl(), "--out",
			o.toString(), "--set", "cache_dir=off", "--set", "temperature=0.5", "--resume"));
		assertTrue(err.contains("holds another run (recorded vs now: model_settings.temperature: 1.0 vs 0.5)"), err);
		// Concurrency does not change answers: resuming with another one continues the run.
		assertEquals(0, run("run", "--dataset", data.toString(), "--model", "openai:gpt-4o@" + server.baseUrl(), "--out",
			o.toString(), "--set", "cache_dir=off", "--set", "concurrency=3", "--resume"), err);
	}
}
