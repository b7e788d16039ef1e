package org.mubench.model.openai;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.mubench.data.PipelineError;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.mubench.data.ProgressListener;
import org.mubench.data.RetryPolicy;
import org.mubench.model.GenerativeModel;
import org.mubench.model.GenerativeReply;
import org.mubench.model.GenerativeRequest;

/**
 * A vision-language model behind an OpenAI-compatible {@code POST {base}/chat/completions} endpoint (OpenAI, vLLM,
 * Ollama, LM Studio, …), asked the way the paper asked GPT-4o: one user turn holding the prompt text and the image as a
 * base64 PNG data URL with {@code detail}, no system prompt.
 * <p>
 * Outcomes of one request:
 * <ul>
 * <li>HTTP 200 with a choice whose {@code message.content} is text → the reply (cached).</li>
 * <li>HTTP 200 with a choice whose content is null or empty → a successful reply with text {@code ""}: the model did
 * answer (and was billed), so it is cached and scored like any reply — wrong, and unparseable.</li>
 * <li>HTTP 200 with a body that is not JSON, or has no {@code choices} → treated as a transient fault (a proxy's error
 * page, a truncated body) and retried; after the last retry a failed reply.</li>
 * <li>HTTP 408, 409, 429 and 5xx, timeouts and connection errors → retried with exponential backoff and jitter, or after
 * the server's {@code Retry-After} (seconds or an HTTP date) when it sends one; after the last retry a failed reply
 * naming the HTTP status.</li>
 * <li>Other 4xx → a failed reply at once. 401, 403 and 404 (bad key, no access, wrong model or URL) would fail every
 * question alike, so every later request fails at once with the same reason instead of being sent.</li>
 * </ul>
 * Failures are returned, never thrown. The API key goes only into the {@code Authorization} header; error text from the
 * server is scrubbed of it (and of anything key-shaped) before it is returned.
 */
public final class OpenAiChatModel implements GenerativeModel {
	private static final ObjectMapper JSON = new ObjectMapper();
	private static final int MAX_ERROR_CHARS = 240;
	private static final long MAX_BACKOFF_MS = 60_000;
	/** Connection failures, before any reply, after which the server is taken for down and the run stops. */
	static final int DEAD_AFTER_CONNECT_FAILURES = 3;
	/** Connecting takes at most this long (a live server accepts at once; a silent address should not hold a run). */
	private static final long MAX_CONNECT_TIMEOUT_MS = 10_000;
	/** At most one retry notice per this many milliseconds (many requests retry at once). */
	private static final long RETRY_NOTICE_INTERVAL_MS = 2_000;
	/** A server asking for more than this is waited on only this long per attempt. */
	private static final long MAX_RETRY_AFTER_MS = 600_000;

	private final OpenAiSettings settings;
	private final String apiKey;
	private final ProgressListener listener;
	private final HttpClient client;
	private final ResponseCache cache;
	private final URI endpoint;
	private final ExecutorService pool;

	private final AtomicLong promptTokens = new AtomicLong();
	private final AtomicLong completionTokens = new AtomicLong();
	private final AtomicLong cachedPromptTokens = new AtomicLong();
	private final AtomicLong cachedCompletionTokens = new AtomicLong();
	private final AtomicLong httpAttempts = new AtomicLong();
	private final AtomicLong cacheHits = new AtomicLong();
	private final AtomicLong answered = new AtomicLong();
	private final AtomicLong failed = new AtomicLong();
	private final AtomicReference<String> fatal = new AtomicReference<>();
	private final AtomicLong retriesDone = new AtomicLong();
	private final AtomicLong lastRetryNotice = new AtomicLong(Long.MIN_VALUE);
	private final RetryPolicy retryPolicy;
	private final RetryPolicy.Endpoint health;

	/**
	 * @param apiKey the key, or null to send no {@code Authorization} header (local servers)
	 */
	public OpenAiChatModel(OpenAiSettings settings, String apiKey, ProgressListener listener) {
		this.settings = settings;
		this.apiKey = apiKey == null || apiKey.isEmpty() ? null : apiKey;
		this.listener = listener == null ? ProgressListener.SILENT : listener;
		this.endpoint = URI.create(settings.baseUrl + "/chat/completions");
		this.retryPolicy = new RetryPolicy(settings.retries, settings.backoffMillis, MAX_BACKOFF_MS, true,
			DEAD_AFTER_CONNECT_FAILURES);
		this.health = retryPolicy.endpoint();
		HttpClient.Builder b = HttpClient.newBuilder()
			.connectTimeout(Duration.ofMillis(Math.min(timeout().toMillis(), MAX_CONNECT_TIMEOUT_MS)))
			.followRedirects(HttpClient.Redirect.NORMAL);
		// Plain-http local servers get HTTP/1.1: an h2c upgrade attempt confuses some of them.
		if ("http".equalsIgnoreCase(endpoint.getScheme())) b.version(HttpClient.Version.HTTP_1_1);
		this.client = b.build();
		this.cache = settings.cacheDir == null ? null : new ResponseCache(settings.cacheDir);
		AtomicInteger n = new AtomicInteger();
		this.pool = Executors.newFixedThreadPool(settings.concurrency, r -> {
			Thread t = new Thread(r, "mubench-openai-" + n.incrementAndGet());
			t.setDaemon(true);
			return t;
		});
	}

	@Override
	public String name() {
		return settings.model;
	}

	public OpenAiSettings settings() {
		return settings;
	}

	@Override
	public GenerativeReply ask(String prompt, byte[] png) {
		GenerativeReply r = askOnce(prompt, png);
		if (r.ok()) answered.incrementAndGet();
		else failed.incrementAndGet();
		return r;
	}

	/** Answers the requests with at most {@code concurrency} in flight; reply {@code i} is for request {@code i}. */
	@Override
	public List<GenerativeReply> askAll(List<GenerativeRequest> requests) {
		List<Future<GenerativeReply>> futures = new ArrayList<>(requests.size());
		for (GenerativeRequest r : requests)
			futures.add(pool.submit(() -> ask(r.prompt, r.png)));
		List<GenerativeReply> replies = new ArrayList<>(requests.size());
		for (Future<GenerativeReply> f : futures) {
			try {
				replies.add(f.get());
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				for (Future<GenerativeReply> g : futures)
					g.cancel(true);
				while (replies.size() < requests.size())
					replies.add(GenerativeReply.failed("interrupted before the request finished"));
				return replies;
			}
			catch (ExecutionException e) {
				if (e.getCause() instanceof Error) {
					// Not a failed request but a broken runtime: every later request would die the same way.
					for (Future<GenerativeReply> g : futures)
						g.cancel(true);
					throw PipelineError.of("A request thread of " + settings.model, e.getCause());
				}
				replies.add(GenerativeReply.failed("internal error: " + scrub(String.valueOf(e.getCause()))));
			}
		}
		return replies;
	}

	private GenerativeReply askOnce(String prompt, byte[] png) {
		if (prompt == null) return GenerativeReply.failed("no prompt given");
		if (png == null || png.length == 0) return GenerativeReply.failed("no image given (empty PNG)");
		String imageSha = sha256Hex(png);
		String key = cacheKey(prompt, imageSha);
		if (cache != null) {
			ResponseCache.Entry hit = cache.get(key);
			if (hit != null) {
				cacheHits.incrementAndGet();
				cachedPromptTokens.addAndGet(hit.promptTokens);
				cachedCompletionTokens.addAndGet(hit.completionTokens);
				return new GenerativeReply(hit.text, null, hit.promptTokens, hit.completionTokens, true);
			}
		}
		String stop = fatal.get();
		if (stop != null) return GenerativeReply.failed(stop);

		byte[] body = requestBody(prompt, png);
		String lastError = "no attempt made";
		int attempts = settings.retries + 1;
		for (int attempt = 0; attempt < attempts; attempt++) {
			String dead = fatal.get();
			if (dead != null) return GenerativeReply.failed(dead);
			Attempt a = send(body);
			if (a.connectFailure) {
				if (health.connectFailed()) {
					fatal.compareAndSet(null, a.error + "; gave up after " + health.connectFailures()
						+ " failed connections and no reply (check the URL in the model SPEC)");
					return GenerativeReply.failed(fatal.get());
				}
			}
			else if (a.reply != null || a.status > 0) health.answered();
			if (a.reply != null) {
				GenerativeReply r = a.reply;
				promptTokens.addAndGet(r.promptTokens);
				completionTokens.addAndGet(r.completionTokens);
				if (cache != null) {
					try {
						cache.put(key, r.text, r.promptTokens, r.completionTokens);
					}
					catch (IOException e) {
						listener.log("Cannot write the response cache under " + settings.cacheDir + ": " + e.getMessage()
							+ " (replies are still recorded; check the folder's permissions or set cache_dir)");
					}
				}
				return r;
			}
			lastError = a.error;
			if (!a.retryable) {
				if (a.fatal) fatal.compareAndSet(null, a.error + " (not retried; later requests skipped)");
				return GenerativeReply.failed(a.error);
			}
			if (attempt + 1 < attempts) {
				long wait = a.retryAfterMillis >= 0 ? Math.min(a.retryAfterMillis, MAX_RETRY_AFTER_MS)
					: retryPolicy.delayMillis(attempt);
				noteRetry(a.error, attempt + 1, wait);
				if (!sleepUnlessDead(wait)) {
					if (Thread.currentThread().isInterrupted())
						return GenerativeReply.failed("interrupted while waiting to retry after: " + a.error);
					return GenerativeReply.failed(fatal.get());
				}
			}
		}
		return GenerativeReply.failed(lastError + " (gave up after " + attempts + (attempts == 1 ? " attempt)" : " attempts)"));
	}

	/** Logs a retry as it happens, at most one line per couple of seconds (many requests retry together). */
	private void noteRetry(String error, int retry, long waitMillis) {
		long n = retriesDone.incrementAndGet();
		long now = System.nanoTime() / 1_000_000;
		long last = lastRetryNotice.get();
		if (last != Long.MIN_VALUE && now - last < RETRY_NOTICE_INTERVAL_MS) return;
		if (!lastRetryNotice.compareAndSet(last, now)) return;
		listener.log(String.format(java.util.Locale.ROOT, "%s: %s; retry %d of %d in %.1f s (%d retries so far)",
			settings.model, error, retry, settings.retries, waitMillis / 1000.0, n));
	}

	/** Sleeps, waking early when the endpoint was given up; false when woken that way or interrupted. */
	private boolean sleepUnlessDead(long millis) {
		long end = System.nanoTime() + millis * 1_000_000;
		try {
			while (true) {
				if (fatal.get() != null) return false;
				long left = (end - System.nanoTime()) / 1_000_000;
				if (left <= 0) return true;
				Thread.sleep(Math.min(left, 100));
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static final class Attempt {
		GenerativeReply reply;
		String error;
		boolean retryable;
		boolean fatal;
		/** No connection could be made (refused, unknown host, connect timeout). */
		boolean connectFailure;
		/** The HTTP status when the server replied; 0 otherwise. */
		int status;
		long retryAfterMillis = -1;
	}

	private Attempt send(byte[] body) {
		Attempt a = new Attempt();
		HttpRequest.Builder rb = HttpRequest.newBuilder(endpoint)
			.timeout(timeout())
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (apiKey != null) rb.header("Authorization", "Bearer " + apiKey);
		HttpResponse<String> resp;
		httpAttempts.incrementAndGet();
		// The request timeout only covers waiting for the response headers; the deadline on the future also bounds
		// a body that trickles in.
		CompletableFuture<HttpResponse<String>> pending = client.sendAsync(rb.build(),
			HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		try {
			resp = pending.get(timeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException e) {
			pending.cancel(true);
			return timedOut(a);
		}
		catch (ExecutionException e) {
			Throwable c = e.getCause();
			if (RetryPolicy.isConnectFailure(c)) {
				a.error = "cannot connect to " + OpenAiSettings.redactUrl(settings.baseUrl) + " (is the server running?)";
				a.connectFailure = true;
			}
			else if (c instanceof HttpTimeoutException) return timedOut(a);
			else a.error = "connection error: " + scrub(Secrets.oneLine(String.valueOf(c), MAX_ERROR_CHARS));
			a.retryable = true;
			return a;
		}
		catch (InterruptedException e) {
			pending.cancel(true);
			Thread.currentThread().interrupt();
			a.error = "interrupted";
			return a;
		}
		int status = resp.statusCode();
		a.status = status;
		if (status == 200 || status == 201) return parseSuccess(resp.body(), status, a);
		a.error = "HTTP " + status + serverMessage(resp.body());
		a.retryable = status == 408 || status == 409 || status == 429 || status >= 500;
		a.fatal = status == 401 || status == 403 || status == 404;
		if (a.retryable) a.retryAfterMillis = retryAfter(resp);
		return a;
	}

	private Attempt timedOut(Attempt a) {
		a.error = "request timed out after " + fmtSeconds(settings.timeoutSeconds) + " s (raise timeout_s if the server is slow)";
		a.retryable = true;
		return a;
	}

	private Attempt parseSuccess(String text, int status, Attempt a) {
		JsonNode root;
		try {
			root = JSON.readTree(text);
		}
		catch (JsonProcessingException e) {
			root = null;
		}
		if (root == null || !root.isObject()) {
			a.error = "malformed JSON in HTTP " + status + " response";
			a.retryable = true;
			return a;
		}
		JsonNode choices = root.get("choices");
		if (choices == null || !choices.isArray() || choices.size() == 0 || !choices.get(0).isObject()) {
			a.error = "HTTP " + status + " response has no choices" + serverMessage(text);
			a.retryable = true;
			return a;
		}
		JsonNode content = choices.get(0).path("message").path("content");
		String reply;
		if (content.isTextual()) reply = content.asText();
		else if (content.isArray()) {
			// Some servers return content as parts: join the text parts.
			StringBuilder sb = new StringBuilder();
			for (JsonNode part : content)
				if (part.path("text").isTextual()) sb.append(part.path("text").asText());
			reply = sb.toString();
		}
		else reply = "";
		JsonNode usage = root.path("usage");
		long pt = usage.path("prompt_tokens").asLong(0);
		long ct = usage.path("completion_tokens").asLong(0);
		a.reply = new GenerativeReply(reply, null, pt, ct, false);
		return a;
	}

	/** ": message" from an OpenAI-style error body (or the start of the body), scrubbed, one line; or "". */
	private String serverMessage(String body) {
		if (body == null || body.trim().isEmpty()) return "";
		String msg = null;
		try {
			JsonNode n = JSON.readTree(body);
			if (n != null) {
				JsonNode e = n.get("error");
				if (e != null && e.isObject() && e.path("message").isTextual()) msg = e.path("message").asText();
				else if (e != null && e.isTextual()) msg = e.asText();
				else if (n.path("message").isTextual()) msg = n.path("message").asText();
				else if (n.path("detail").isTextual()) msg = n.path("detail").asText();
			}
		}
		catch (JsonProcessingException e) {
			// not JSON: fall through to the raw body
		}
		if (msg == null) msg = body;
		String s = scrub(Secrets.oneLine(msg, MAX_ERROR_CHARS));
		return s.isEmpty() ? "" : ": " + s;
	}

	/** Milliseconds the server asked to wait ({@code retry-after-ms}, or {@code Retry-After} seconds or date); −1 if none. */
	static long retryAfter(HttpResponse<?> resp) {
		Optional<String> ms = resp.headers().firstValue("retry-after-ms");
		if (ms.isPresent()) {
			try {
				return Math.max(0, (long) Double.parseDouble(ms.get().trim()));
			}
			catch (NumberFormatException e) {
				// try Retry-After
			}
		}
		Optional<String> ra = resp.headers().firstValue("Retry-After");
		return ra.isPresent() ? parseRetryAfter(ra.get(), System.currentTimeMillis()) : -1;
	}

	/** A {@code Retry-After} value in milliseconds from {@code nowMillis}: delta-seconds or an HTTP date; −1 if unreadable. */
	static long parseRetryAfter(String value, long nowMillis) {
		String v = value.trim();
		try {
			double s = Double.parseDouble(v);
			return s < 0 ? -1 : (long) Math.ceil(s * 1000);
		}
		catch (NumberFormatException e) {
			// an HTTP date
		}
		try {
			ZonedDateTime t = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
			return Math.max(0, t.toInstant().toEpochMilli() - nowMillis);
		}
		catch (DateTimeParseException e) {
			return -1;
		}
	}

	/** The JSON body, fields in a fixed order. */
	byte[] requestBody(String prompt, byte[] png) {
		ObjectNode root = JSON.createObjectNode();
		root.put("model", settings.model);
		ArrayNode messages = root.putArray("messages");
		ObjectNode user = messages.addObject();
		user.put("role", "user");
		ArrayNode content = user.putArray("content");
		ObjectNode text = content.addObject();
		text.put("type", "text");
		text.put("text", prompt);
		ObjectNode image = content.addObject();
		image.put("type", "image_url");
		ObjectNode url = image.putObject("image_url");
		url.put("url", "data:image/png;base64," + Base64.getEncoder().encodeToString(png));
		url.put("detail", settings.detail);
		root.put("temperature", settings.temperature);
		root.put("max_tokens", settings.maxTokens);
		if (settings.seed != null) root.put("seed", settings.seed.longValue());
		try {
			return JSON.writeValueAsBytes(root);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException("cannot serialise a request", e);
		}
	}

	/**
	 * The cache key: SHA-256 over everything that shapes the reply — model, base URL, the exact request parameters,
	 * the prompt and the image's SHA-256 — written as one JSON object with a fixed field order.
	 */
	String cacheKey(String prompt, String imageSha) {
		ObjectNode k = JSON.createObjectNode();
		k.put("model", settings.model);
		k.put("base_url", settings.baseUrl);
		k.put("temperature", settings.temperature);
		k.put("max_tokens", settings.maxTokens);
		if (settings.seed != null) k.put("seed", settings.seed.longValue());
		else k.putNull("seed");
		k.put("detail", settings.detail);
		k.put("prompt", prompt);
		k.put("image_sha256", imageSha);
		try {
			return sha256Hex(JSON.writeValueAsBytes(k));
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
	}

	/** What shapes a reply: the request parameters and how the image is sent (not concurrency, timeouts or the cache). */
	@Override
	public Map<String, Object> answerSettings() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("model", settings.model);
		m.put("base_url", OpenAiSettings.redactUrl(settings.baseUrl));
		m.put("temperature", settings.temperature);
		m.put("max_tokens", settings.maxTokens);
		m.put("seed", settings.seed);
		m.put("detail", settings.detail);
		m.put("image", "png as stored, base64 data URL");
		return m;
	}

	/** The exact request parameters (for the run summary), without credentials. */
	public Map<String, Object> requestParameters() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("backend", "openai");
		m.put("model", settings.model);
		m.put("base_url", OpenAiSettings.redactUrl(settings.baseUrl));
		m.put("endpoint", "chat/completions");
		m.put("temperature", settings.temperature);
		m.put("max_tokens", settings.maxTokens);
		m.put("seed", settings.seed);
		m.put("detail", settings.detail);
		m.put("image_format", "png");
		m.put("messages", "one user turn: prompt text + image_url (no system prompt)");
		m.put("concurrency", settings.concurrency);
		m.put("timeout_s", settings.timeoutSeconds);
		m.put("retries", settings.retries);
		m.put("cache", settings.cacheDir == null ? "off" : settings.cacheDir.toString());
		m.put("api_key", apiKey == null ? "none" : "given (not recorded)");
		return m;
	}

	/** Token and request counts so far. */
	public Map<String, Object> usage() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("prompt_tokens", promptTokens.get());
		m.put("completion_tokens", completionTokens.get());
		m.put("total_tokens", promptTokens.get() + completionTokens.get());
		m.put("cached_prompt_tokens", cachedPromptTokens.get());
		m.put("cached_completion_tokens", cachedCompletionTokens.get());
		m.put("http_requests", httpAttempts.get());
		m.put("retries", retriesDone.get());
		m.put("cache_hits", cacheHits.get());
		m.put("answered", answered.get());
		m.put("failed", failed.get());
		return m;
	}

	@Override
	public Map<String, Object> runInfo() {
		Map<String, Object> m = new LinkedHashMap<>(requestParameters());
		m.put("usage", usage());
		return Collections.unmodifiableMap(m);
	}

	/** Prompt tokens billed by the server in this session (cache hits not included). */
	public long promptTokens() {
		return promptTokens.get();
	}

	/** Completion tokens billed by the server in this session (cache hits not included). */
	public long completionTokens() {
		return completionTokens.get();
	}

	/** HTTP requests sent, retries included. */
	public long httpRequests() {
		return httpAttempts.get();
	}

	public long cacheHits() {
		return cacheHits.get();
	}

	@Override
	public void close() {
		pool.shutdownNow();
	}

	private Duration timeout() {
		return Duration.ofMillis(Math.max(1, Math.round(settings.timeoutSeconds * 1000)));
	}

	private String scrub(String s) {
		return Secrets.scrub(s, apiKey);
	}

	private static String fmtSeconds(double s) {
		return s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s);
	}

	static String sha256Hex(byte[] bytes) {
		try {
			byte[] d = MessageDigest.getInstance("SHA-256").digest(bytes);
			StringBuilder sb = new StringBuilder(64);
			for (byte b : d)
				sb.append(Character.forDigit((b >> 4) & 15, 16)).append(Character.forDigit(b & 15, 16));
			return sb.toString();
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Successful replies on disk, one small JSON file per key, written atomically so parallel runs can share it. */
	static final class ResponseCache {
		static final class Entry {
			final String text;
			final long promptTokens;
			final long completionTokens;

			Entry(String text, long promptTokens, long completionTokens) {
				this.text = text;
				this.promptTokens = promptTokens;
				this.completionTokens = completionTokens;
			}
		}

		private final Path dir;

		ResponseCache(Path dir) {
			this.dir = dir;
		}

		Path file(String key) {
			return dir.resolve(key.substring(0, 2)).resolve(key + ".json");
		}

		/** The cached reply, or null when absent or unreadable (then the question is simply asked again). */
		Entry get(String key) {
			Path f = file(key);
			if (!Files.isRegularFile(f)) return null;
			try {
				JsonNode n = JSON.readTree(Files.readAllBytes(f));
				if (n == null || !n.path("text").isTextual()) return null;
				return new Entry(n.path("text").asText(), n.path("prompt_tokens").asLong(0), n.path("completion_tokens").asLong(0));
			}
			catch (IOException e) {
				return null;
			}
		}

		void put(String key, String text, long pt, long ct) throws IOException {
			Path f = file(key);
			Files.createDirectories(f.getParent());
			ObjectNode n = JSON.createObjectNode();
			n.put("text", text);
			n.put("prompt_tokens", pt);
			n.put("completion_tokens", ct);
			Path tmp = Files.createTempFile(f.getParent(), key.substring(0, 8), ".tmp");
			try {
				Files.write(tmp, JSON.writeValueAsBytes(n));
				try {
					Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
				}
				catch (AtomicMoveNotSupportedException e) {
					Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING);
				}
			}
			finally {
				Files.deleteIfExists(tmp);
			}
		}
	}
}
