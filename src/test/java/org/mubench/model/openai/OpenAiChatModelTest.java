package org.mubench.model.openai;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mubench.model.GenerativeReply;
import org.mubench.model.GenerativeRequest;
import org.mubench.model.ModelException;
import org.mubench.model.ModelOptions;
import org.mubench.model.Models;
import org.mubench.model.VisionLanguageModel;
import org.mubench.model.openai.FakeChatServer.Reply;

class OpenAiChatModelTest {
	/** A 2×2 grey PNG written by Pillow; its base64 below was computed with Python's base64 module. */
	static final byte[] PNG = { -119, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 2, 0, 0, 0, 2, 8,
		0, 0, 0, 0, 87, -35, 82, -8, 0, 0, 0, 14, 73, 68, 65, 84, 120, -100, 99, 108, 96, 96, 98, 96, 0, 0, 2, -110, 0,
		-124, -9, 124, -93, 88, 0, 0, 0, 0, 73, 69, 78, 68, -82, 66, 96, -126 };
	static final String PNG_B64 = "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAAAAABX3VL4AAAADklEQVR4nGNsYGBiYAAAApIAhPd8o1gAAAAASUVORK5CYII=";
	static final String KEY = "sk-test-Zq8vR2mN4pL7xK1wY9tB3cF6hJ0dS5gA";

	@TempDir
	Path tmp;
	FakeChatServer server;
	final List<OpenAiChatModel> opened = new ArrayList<>();

	@BeforeEach
	void start() throws IOException {
		server = new FakeChatServer();
	}

	@AfterEach
	void stop() {
		for (OpenAiChatModel m : opened)
			m.close();
		server.close();
	}

	OpenAiChatModel open(Map<String, String> extra, String key) {
		ModelOptions o = new ModelOptions();
		o.extra.put("backoff_ms", "1");
		o.extra.put("cache_dir", "off");
		o.extra.put("timeout_s", "30");
		o.extra.putAll(extra);
		Map<String, String> env = new HashMap<>();
		if (key != null) env.put("OPENAI_API_KEY", key);
		OpenAiChatModel m = new OpenAiBackend().open("openai:gpt-4o@" + server.baseUrl(), o, env::get);
		opened.add(m);
		return m;
	}

	static Map<String, String> kv(String... pairs) {
		Map<String, String> m = new HashMap<>();
		for (int i = 0; i < pairs.length; i += 2)
			m.put(pairs[i], pairs[i + 1]);
		return m;
	}

	@Test
	void sendsTheExactRequestAndKey() {
		server.script(Reply.text("B", 120, 1));
		OpenAiChatModel m = open(kv(), KEY);
		String prompt = "Answer with a single letter, no extra details.\nQuestion:Which stain?\nA) H&E\nB) Gram \"crystal\" µ";
		GenerativeReply r = m.ask(prompt, PNG);
		assertTrue(r.ok(), r.error);
		assertEquals("B", r.text);
		assertFalse(r.cached);
		assertEquals(120, r.promptTokens);
		assertEquals(1, r.completionTokens);

		assertEquals(1, server.requestCount());
		FakeChatServer.Received got = server.received().get(0);
		assertEquals("POST", got.method);
		assertEquals("/v1/chat/completions", got.path);
		assertEquals("Bearer " + KEY, got.authorization);
		assertEquals("application/json", got.contentType);
		// Written by hand from the OpenAI chat-completions schema; JSON escapes \n and \" and keeps µ as UTF-8.
		String expected = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":["
			+ "{\"type\":\"text\",\"text\":\"Answer with a single letter, no extra details.\\nQuestion:Which stain?\\nA) H&E\\nB) Gram \\\"crystal\\\" µ\"},"
			+ "{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/png;base64," + PNG_B64 + "\",\"detail\":\"high\"}}]}],"
			+ "\"temperature\":1.0,\"max_tokens\":2048}";
		assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8), got.body);
	}

	@Test
	void noKeyMeansNoAuthorizationAndSeedIsSentWhenGiven() throws Exception {
		server.script(Reply.text("A", 1, 1));
		OpenAiChatModel m = open(kv("seed", "42", "temperature", "0", "max_tokens", "5", "detail", "low"), null);
		assertTrue(m.ask("p", PNG).ok());
		FakeChatServer.Received got = server.received().get(0);
		assertNull(got.authorization);
		JsonNode n = new ObjectMapper().readTree(got.body);
		assertEquals(42, n.get("seed").asLong());
		assertEquals(0.0, n.get("temperature").asDouble());
		assertEquals(5, n.get("max_tokens").asInt());
		assertEquals("low", n.at("/messages/0/content/1/image_url/detail").asText());
		assertEquals(1, n.get("messages").size());
		Map<String, Object> info = m.runInfo();
		assertEquals(42L, info.get("seed"));
		assertEquals(0.0, info.get("temperature"));
		assertEquals(5, info.get("max_tokens"));
		assertEquals("low", info.get("detail"));
		assertEquals("gpt-4o", info.get("model"));
		assertEquals(server.baseUrl(), info.get("base_url"));
		assertEquals("none", info.get("api_key"));
	}

	@Test
	void rateLimitHonoursRetryAfterSeconds() {
		server.script(Reply.json(429, "{\"error\":{\"message\":\"Rate limit reached\"}}").header("Retry-After", "1"),
			Reply.text("C", 10, 2));
		List<String> log = Collections.synchronizedList(new ArrayList<>());
		ModelOptions o = new ModelOptions();
		o.extra.put("cache_dir", "off");
		// A huge backoff: only Retry-After can make the retry happen within the test's lifetime.
		o.extra.put("backoff_ms", "3600000");
		o.listener = new org.mubench.data.ProgressListener() {
			@Override
			public void progress(long done, long total, String message) {}

			@Override
			public void log(String message) {
				log.add(message);
			}
		};
		OpenAiChatModel m = new OpenAiBackend().open("openai:gpt-4o@" + server.baseUrl(), o, k -> null);
		opened.add(m);
		GenerativeReply r = m.ask("p", PNG);
		assertTrue(r.ok(), r.error);
		assertEquals("C", r.text);
		assertEquals(2, server.requestCount());
		assertEquals(2L, m.usage().get("http_requests"));
		assertEquals(10L, m.promptTokens());
		assertTrue(log.stream().anyMatch(s -> s.contains("HTTP 429")), log.toString());
	}

	@Test
	void rateLimitHonoursRetryAfterDate() {
		String past = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).minusMinutes(1));
		server.script(Reply.json(429, "{}").header("Retry-After", past), Reply.json(503, "").header("Retry-After", past),
			Reply.text("D", 1, 1));
		OpenAiChatModel m = open(kv("backoff_ms", "3600000"), null);
		GenerativeReply r = m.ask("p", PNG);
		assertTrue(r.ok(), r.error);
		assertEquals(3, server.requestCount());
	}

	@Test
	void parsesRetryAfterValues() {
		long now = ZonedDateTime.of(2026, 11, 22, 12, 0, 0, 0, ZoneOffset.UTC).toInstant().toEpochMilli();
		assertEquals(2000, OpenAiChatModel.parseRetryAfter("2", now));
		assertEquals(1500, OpenAiChatModel.parseRetryAfter(" 1.5 ", now));
		assertEquals(0, OpenAiChatModel.parseRetryAfter("0", now));
		assertEquals(30_000, OpenAiChatModel.parseRetryAfter("Sun, 22 Nov 2026 12:00:30 GMT", now));
		assertEquals(0, OpenAiChatModel.parseRetryAfter("Sun, 22 Nov 2026 11:00:00 GMT", now));
		assertEquals(-1, OpenAiChatModel.parseRetryAfter("soon", now));
		assertEquals(-1, OpenAiChatModel.parseRetryAfter("-3", now));
	}

	@Test
	void serverErrorsAreRetriedThenSucceed() {
		server.script(Reply.json(500, "oops"), Reply.json(502, "<html>bad gateway</html>"), Reply.json(503, ""),
			Reply.text("B", 7, 1));
		OpenAiChatModel m = open(kv("retries", "5"), null);
		GenerativeReply r = m.ask("p", PNG);
		assertTrue(r.ok(), r.error);
		assertEquals(4, server.requestCount());
	}

	@Test
	void persistentServerErrorsFailAfterLastRetry() {
		server.script(Reply.json(500, "{\"error\":{\"message\":\"The server had an error\"}}"));
		OpenAiChatModel m = open(kv("retries", "2"), null);
		GenerativeReply r = m.ask("p", PNG);
		assertFalse(r.ok());
		assertNull(r.text);
		assertEquals(3, server.requestCount());
		assertTrue(r.error.contains("HTTP 500"), r.error);
		assertTrue(r.error.contains("The server had an error"), r.error);
		assertTrue(r.error.contains("3 attempts"), r.error);
		assertFalse(r.error.contains("\n"));
		assertEquals(1L, m.usage().get("failed"));
	}

	@Test
	void clientErrorsAreNotRetried() {
		server.script(Reply.json(400, "{\"error\":{\"message\":\"Invalid image\"}}"), Reply.text("A", 1, 1));
		OpenAiChatModel m = open(kv("retries", "5"), null);
		GenerativeReply r = m.ask("p", PNG);
		assertFalse(r.ok());
		assertEquals("HTTP 400: Invalid image", r.error);
		assertEquals(1, server.requestCount());
		// A 400 concerns one request: the next one is still sent.
		assertTrue(m.ask("q", PNG).ok());
		assertEquals(2, server.requestCount());
	}

	@Test
	void slowRepliesTimeOutAndAreRetried() {
		server.script(Reply.text("A", 1, 1).delay(4000));
		OpenAiChatModel m = open(kv("timeout_s", "0.3", "retries", "1"), null);
		GenerativeReply r = m.ask("p", PNG);
		assertFalse(r.ok());
		assertTrue(r.error.contains("timed out"), r.error);
		assertTrue(r.error.contains("2 attempts"), r.error);
		assertEquals(2, server.requestCount());
	}

	@Test
	void aBodyThatTricklesInTimesOutToo() {
		server.script(Reply.text("A", 1, 1).bodyDelay(4000), Reply.text("B", 1, 1));
		OpenAiChatModel m = open(kv("timeout_s", "0.5", "retries", "1"), null);
		GenerativeReply r = m.ask("p", PNG);
		assertTrue(r.ok(), r.error);
		assertEquals("B", r.text);
		assertEquals(2, server.requestCount());
	}

	@Test
	void slowReplyOnceThenFastSucceeds() {
		server.script(Reply.text("A", 1, 1).delay(4000), Reply.text("B", 1, 1));
		OpenAiChatModel m = open(kv("timeout_s", "0.3", "retries", "3"), null);
		GenerativeReply r = m.ask("p", PNG);
		assertTrue(r.ok(), r.error);
		assertEquals("B", r.text);
		assertEquals(2, server.requestCount());
	}

	@Test
	void malformedJsonIsRetriedThenFails() {
		server.script(Reply.json(200, "{\"choices\": [ {\"message\": "));
		OpenAiChatModel m = open(kv("retries", "2"), null);
		GenerativeReply r = m.ask("p", PNG);
		assertFalse(r.ok());
		assertTrue(r.error.startsWith("malformed JSON in HTTP 200 response"), r.error);
		assertEquals(3, server.requestCount());
	}

	@Test
	void malformedOnceThenGood() {
		server.script(Reply.json(200, "<html>proxy</html>"), Reply.json(200, "{\"choices\":[]}"), Reply.text("A", 1, 1));
		OpenAiChatModel m = open(kv("retries", "3"), null);
		GenerativeReply r = m.ask("p", PNG);
		assertTrue(r.ok(), r.error);
		assertEquals(3, server.requestCount());
	}

	@Test
	void emptyOrNullContentIsAnEmptyReply() {
		server.script(Reply.content("\"\"", 5, 0), Reply.content("null", 5, 0),
			Reply.json(200, "{\"choices\":[{\"message\":{\"role\":\"assistant\"}}]}"),
			Reply.content("[{\"type\":\"text\",\"text\":\"B\"},{\"type\":\"text\",\"text\":\") basophil\"}]", 1, 1));
		OpenAiChatModel m = open(kv(), null);
		for (int i = 0; i < 3; i++) {
			GenerativeReply r = m.ask("p" + i, PNG);
			assertTrue(r.ok(), r.error);
			assertEquals("", r.text);
		}
		assertEquals("B) basophil", m.ask("p3", PNG).text);
		assertEquals(4, server.requestCount());
		assertEquals(11L, m.promptTokens());
	}

	@Test
	void cacheHitOnRerunSendsNothing() throws IOException {
		Path cache = tmp.resolve("cache");
		server.respond(req -> Reply.text("A", 100, 3));
		OpenAiChatModel first = open(kv("cache_dir", cache.toString()), null);
		GenerativeReply a = first.ask("p", PNG);
		assertTrue(a.ok());
		assertFalse(a.cached);
		assertEquals(1, server.requestCount());

		OpenAiChatModel second = open(kv("cache_dir", cache.toString()), null);
		GenerativeReply b = second.ask("p", PNG);
		assertTrue(b.cached);
		assertEquals("A", b.text);
		assertEquals(100, b.promptTokens);
		assertEquals(1, server.requestCount());
		assertEquals(0L, second.promptTokens());
		assertEquals(1L, second.cacheHits());
		assertEquals(100L, second.usage().get("cached_prompt_tokens"));

		// Anything that changes the request misses the cache: prompt, image, parameters.
		second.ask("p ", PNG);
		byte[] other = PNG.clone();
		other[other.length - 1] ^= 1;
		second.ask("p", other);
		open(kv("cache_dir", cache.toString(), "temperature", "0.5"), null).ask("p", PNG);
		open(kv("cache_dir", cache.toString(), "seed", "1"), null).ask("p", PNG);
		open(kv("cache_dir", cache.toString(), "max_tokens", "10"), null).ask("p", PNG);
		assertEquals(6, server.requestCount());
		try (Stream<Path> files = Files.walk(cache)) {
			assertEquals(6, files.filter(f -> f.toString().endsWith(".json")).count());
		}
	}

	@Test
	void failuresAreNotCached() {
		Path cache = tmp.resolve("cache");
		server.script(Reply.json(400, "{\"error\":{\"message\":\"bad\"}}"), Reply.text("B", 1, 1));
		assertFalse(open(kv("cache_dir", cache.toString()), null).ask("p", PNG).ok());
		GenerativeReply r = open(kv("cache_dir", cache.toString()), null).ask("p", PNG);
		assertTrue(r.ok());
		assertFalse(r.cached);
		assertEquals(2, server.requestCount());
	}

	@Test
	void emptyRepliesAreCachedAsAnswers() {
		Path cache = tmp.resolve("cache");
		server.script(Reply.content("null", 1, 0));
		assertEquals("", open(kv("cache_dir", cache.toString()), null).ask("p", PNG).text);
		GenerativeReply r = open(kv("cache_dir", cache.toString()), null).ask("p", PNG);
		assertTrue(r.cached);
		assertEquals("", r.text);
		assertEquals(1, server.requestCount());
	}

	@Test
	void concurrencyLimitIsRespectedAndOrderKept() {
		int limit = 3;
		int n = 12;
		// Each request waits at the server until `limit` are in flight together, so max-in-flight reaches the limit
		// exactly when the client allows it; more than `limit` would show as a higher maximum.
		CyclicBarrier barrier = new CyclicBarrier(limit);
		server.whileInFlight = () -> {
			try {
				barrier.await(20, TimeUnit.SECONDS);
			}
			catch (Exception e) {
				// a broken barrier only weakens the check below, it does not fake it
			}
		};
		server.respond(req -> {
			try {
				String prompt = new ObjectMapper().readTree(req.body).at("/messages/0/content/0/text").asText();
				return Reply.text("echo:" + prompt, 1, 1);
			}
			catch (IOException e) {
				return Reply.json(500, "");
			}
		});
		OpenAiChatModel m = open(kv("concurrency", String.valueOf(limit)), null);
		List<GenerativeRequest> reqs = new ArrayList<>();
		for (int i = 0; i < n; i++)
			reqs.add(new GenerativeRequest("q" + i, PNG));
		List<GenerativeReply> replies = m.askAll(reqs);
		assertEquals(n, replies.size());
		for (int i = 0; i < n; i++)
			assertEquals("echo:q" + i, replies.get(i).text);
		assertEquals(n, server.requestCount());
		assertEquals(limit, server.maxInFlight());
		assertEquals((long) n, m.usage().get("answered"));
		assertEquals((long) n, m.promptTokens());
	}

	@Test
	void askAllKeepsFailuresInPlace() {
		server.respond(req -> req.bodyText().contains("\"text\":\"bad\"") ? Reply.json(400, "{\"error\":\"nope\"}")
			: Reply.text("A", 1, 1));
		OpenAiChatModel m = open(kv("concurrency", "4"), null);
		List<GenerativeReply> r = m.askAll(java.util.Arrays.asList(new GenerativeRequest("ok", PNG),
			new GenerativeRequest("bad", PNG), new GenerativeRequest("ok2", PNG), new GenerativeRequest("x", null)));
		assertTrue(r.get(0).ok());
		assertEquals("HTTP 400: nope", r.get(1).error);
		assertTrue(r.get(2).ok());
		assertFalse(r.get(3).ok());
		assertEquals(3, server.requestCount());
	}

	@Test
	void connectionRefusedFailsAfterRetries() throws IOException {
		int port;
		try (ServerSocket s = new ServerSocket(0)) {
			port = s.getLocalPort();
		}
		ModelOptions o = new ModelOptions();
		o.extra.put("cache_dir", "off");
		o.extra.put("backoff_ms", "1");
		o.extra.put("retries", "2");
		OpenAiChatModel m = new OpenAiBackend().open("openai:m@http://127.0.0.1:" + port + "/v1", o, k -> null);
		opened.add(m);
		GenerativeReply r = m.ask("p", PNG);
		assertFalse(r.ok());
		assertTrue(r.error.contains("cannot connect to http://127.0.0.1:" + port + "/v1"), r.error);
		// Nothing ever answered there: after 3 failed connections the endpoint is given up, and later requests fail
		// at once without being sent.
		assertTrue(r.error.contains("gave up after 3 failed connections and no reply"), r.error);
		assertEquals(3L, m.httpRequests());
		GenerativeReply later = m.ask("q", PNG);
		assertEquals(r.error, later.error);
		assertEquals(3L, m.httpRequests());
	}

	@Test
	void aServerThatAnsweredOnceIsRetriedPatientlyWhenItGoesAway() throws IOException {
		FakeChatServer once = new FakeChatServer();
		once.respond(req -> FakeChatServer.Reply.text("A", 1, 1));
		ModelOptions o = new ModelOptions();
		o.extra.put("cache_dir", "off");
		o.extra.put("backoff_ms", "1");
		o.extra.put("retries", "4");
		OpenAiChatModel m = new OpenAiBackend().open("openai:m@" + once.baseUrl(), o, k -> null);
		opened.add(m);
		assertTrue(m.ask("p", PNG).ok());
		once.close(); // a restart: the server did answer before, so this is not a wrong URL
		GenerativeReply r = m.ask("p2", PNG);
		assertFalse(r.ok());
		assertTrue(r.error.contains("gave up after 5 attempts"), r.error);
		assertEquals(6L, m.httpRequests());
	}

	@Test
	void keyNeverLeaksIntoRepliesFilesOrInfo() throws IOException {
		Path out = tmp.resolve("out");
		Path keyFile = tmp.resolve("secret").resolve("key.txt");
		Files.createDirectories(keyFile.getParent());
		String fileKey = "sk-file-Hk3nB8vQ2wE5rT9yU1iO4pA7sD0fG6jL";
		Files.write(keyFile, (fileKey + "\n").getBytes(StandardCharsets.UTF_8));
		String masked = fileKey.substring(0, 7) + "****" + fileKey.substring(fileKey.length() - 6);

		// A server that echoes the key back in full and masked, as some servers do in their 401 messages.
		server.respond(req -> {
			String auth = req.authorization == null ? "" : req.authorization.substring("Bearer ".length());
			if (req.bodyText().contains("\"text\":\"leak\""))
				return Reply.json(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + auth + " or " + masked
					+ ". Header was Bearer " + auth + "\"}}");
			if (req.bodyText().contains("\"text\":\"leak500\""))
				return Reply.json(500, "upstream said key=" + auth);
			return Reply.text("A", 1, 1);
		});

		List<String> seen = new ArrayList<>();
		ModelOptions o = new ModelOptions();
		o.apiKeyFile = keyFile;
		o.extra.put("cache_dir", out.resolve("cache").toString());
		o.extra.put("backoff_ms", "1");
		o.extra.put("retries", "1");
		o.listener = new org.mubench.data.ProgressListener() {
			@Override
			public void progress(long done, long total, String message) {
				seen.add(message);
			}

			@Override
			public void log(String message) {
				seen.add(message);
			}
		};
		Map<String, String> env = new HashMap<>();
		env.put("OPENAI_API_KEY", KEY);
		OpenAiChatModel m = new OpenAiBackend().open("openai:gpt-4o@" + server.baseUrl(), o, env::get);
		opened.add(m);
		assertTrue(m.ask("fine", PNG).ok());
		assertEquals("Bearer " + fileKey, server.received().get(0).authorization); // the file wins over the env
		GenerativeReply r500 = m.ask("leak500", PNG);
		GenerativeReply r401 = m.ask("leak", PNG);
		GenerativeReply after = m.ask("fine again", PNG);
		assertFalse(r500.ok());
		assertFalse(r401.ok());
		assertTrue(r401.error.startsWith("HTTP 401: Incorrect API key provided:"), r401.error);
		// After a 401 nothing more is sent: the key is wrong for every question.
		assertFalse(after.ok());
		assertTrue(after.error.contains("HTTP 401"), after.error);
		assertEquals(1 + 2 + 1, server.requestCount());

		List<String> texts = new ArrayList<>(seen);
		texts.add(r500.error);
		texts.add(r401.error);
		texts.add(after.error);
		texts.add(String.valueOf(m.runInfo()));
		texts.add(new ObjectMapper().writeValueAsString(m.runInfo()));
		Files.write(out.resolve("info.json"), new ObjectMapper().writeValueAsBytes(m.runInfo()));
		for (String t : texts)
			assertNoKey(t, fileKey);

		// The env key is used when no file is given; the files written so far must not hold either key.
		ModelOptions o2 = new ModelOptions();
		o2.extra.put("cache_dir", out.resolve("cache").toString());
		OpenAiChatModel m2 = new OpenAiBackend().open("openai:gpt-4o@" + server.baseUrl(), o2, env::get);
		opened.add(m2);
		assertTrue(m2.ask("env", PNG).ok());
		assertEquals("Bearer " + KEY, server.received().get(server.requestCount() - 1).authorization);
		try (Stream<Path> files = Files.walk(out)) {
			int n = 0;
			for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
				String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
				assertNoKey(content, fileKey);
				assertNoKey(content, KEY);
				assertNoKey(f.toString(), fileKey);
				n++;
			}
			assertTrue(n >= 3, "files written: " + n);
		}
	}

	static void assertNoKey(String text, String key) {
		// Neither the key nor any 6-character piece of its random part.
		for (int i = 8; i + 6 <= key.length(); i++)
			assertFalse(text.contains(key.substring(i, i + 6)), () -> "key fragment leaked into: " + text);
	}

	@Test
	void keyFileProblemsAreOneLineWithoutTheKey() throws IOException {
		ModelOptions o = new ModelOptions();
		o.apiKeyFile = tmp.resolve("missing.txt");
		ModelException e = assertThrows(ModelException.class, () -> new OpenAiBackend().open("openai:m@http://127.0.0.1:9/v1", o, k -> null));
		assertTrue(e.getMessage().contains("missing.txt"), e.getMessage());
		Path empty = tmp.resolve("empty.txt");
		Files.write(empty, "\n".getBytes(StandardCharsets.UTF_8));
		o.apiKeyFile = empty;
		assertThrows(ModelException.class, () -> new OpenAiBackend().open("openai:m@http://127.0.0.1:9/v1", o, k -> null));
		Path two = tmp.resolve("two.txt");
		Files.write(two, "sk-abc123456 sk-def7890123".getBytes(StandardCharsets.UTF_8));
		o.apiKeyFile = two;
		e = assertThrows(ModelException.class, () -> new OpenAiBackend().open("openai:m@http://127.0.0.1:9/v1", o, k -> null));
		assertFalse(e.getMessage().contains("abc123"), e.getMessage());
		assertFalse(e.getMessage().contains("def789"), e.getMessage());
	}

	@Test
	void scrubRemovesKeysAndFragments() {
		String key = "sk-proj-AbCdEfGhIjKlMnOpQrStUvWx";
		assertEquals("key [redacted] bad", Secrets.scrub("key " + key + " bad", key));
		assertEquals("Incorrect key: [redacted] See docs", Secrets.scrub("Incorrect key: sk-pro****UvWx. See docs", key));
		assertEquals("got [redacted]", Secrets.scrub("got xxMnOpQrxx", key));
		assertEquals("Authorization: Bearer [redacted]", Secrets.scrub("Authorization: Bearer abc.def", null));
		assertEquals("plain text stays", Secrets.scrub("plain text stays", key));
	}

	@Test
	void specParsing() {
		ModelOptions o = new ModelOptions();
		OpenAiSettings s = OpenAiSettings.parse("openai:gpt-4o", o, k -> null);
		assertEquals("gpt-4o", s.model);
		assertEquals("https://api.openai.com/v1", s.baseUrl);
		assertEquals(1.0, s.temperature);
		assertEquals(2048, s.maxTokens);
		assertNull(s.seed);
		assertEquals("high", s.detail);
		assertEquals(8, s.concurrency);
		assertEquals(120.0, s.timeoutSeconds);
		assertEquals(5, s.retries);
		assertNotNull(s.cacheDir);
		s = OpenAiSettings.parse("openai:Qwen/Qwen2-VL-7B-Instruct@http://localhost:8000/v1/", o, k -> k.equals("XDG_CACHE_HOME") ? "/x" : null);
		assertEquals("Qwen/Qwen2-VL-7B-Instruct", s.model);
		assertEquals("http://localhost:8000/v1", s.baseUrl);
		assertEquals(java.nio.file.Paths.get("/x", "mubench", "openai"), s.cacheDir);
		assertThrows(ModelException.class, () -> OpenAiSettings.parse("openai:@http://h/v1", o, k -> null));
		assertThrows(ModelException.class, () -> OpenAiSettings.parse("openai:m@ftp://h/v1", o, k -> null));
		assertThrows(ModelException.class, () -> OpenAiSettings.parse("openai:m@localhost:8000", o, k -> null));
		o.extra.put("temperature", "hot");
		ModelException e = assertThrows(ModelException.class, () -> OpenAiSettings.parse("openai:m", o, k -> null));
		assertTrue(e.getMessage().contains("temperature"));
		o.extra.clear();
		o.extra.put("concurrency", "0");
		assertThrows(ModelException.class, () -> OpenAiSettings.parse("openai:m", o, k -> null));
		assertEquals("http://***@h/v1", OpenAiSettings.redactUrl("http://user:pw@h/v1"));
	}

	@Test
	void modelsOpenFindsTheBackend() {
		ModelOptions o = new ModelOptions();
		o.extra.put("cache_dir", "off");
		o.apiKeyEnv = "MUBENCH_TEST_NO_SUCH_VARIABLE_" + System.nanoTime();
		server.script(Reply.text("A", 1, 1));
		try (VisionLanguageModel m = Models.open("openai:gpt-4o@" + server.baseUrl(), o)) {
			assertTrue(m instanceof OpenAiChatModel);
			assertEquals("gpt-4o", m.name());
			assertEquals("A", ((OpenAiChatModel) m).ask("p", PNG).text);
		}
		assertTrue(new OpenAiBackend().accepts("openai:x@http://h"));
		assertFalse(new OpenAiBackend().accepts("random"));
		assertFalse(new OpenAiBackend().accepts("/models/openai:clip"));
	}
}
