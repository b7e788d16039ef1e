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
package org.mubench.model.openai;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;

/**
 * A real chat-completions server on loopback for tests: records every request and answers from a script (one
 * {@link Reply} per request, the last one repeating) or from a function of the request.
 */
public final class FakeChatServer implements AutoCloseable {
	/** What the server received. */
	public static final class Received {
		public final String method;
		public final String path;
		public final String authorization;
		public final String contentType;
		public final byte[] body;

		Received(String method, String path, String authorization, String contentType, byte[] body) {
			this.method = method;
			this.path = path;
			this.authorization = authorization;
			this.contentType = contentType;
			this.body = body;
		}

		public String bodyText() {
			return new String(body, StandardCharsets.UTF_8);
		}
	}

	/** One scripted answer. */
	public static final class Reply {
		int status = 200;
		String body = "";
		final List<String[]> headers = new ArrayList<>();
		long delayMillis;
		long bodyDelayMillis;

		public static Reply json(int status, String body) {
			Reply r = new Reply();
			r.status = status;
			r.body = body;
			return r;
		}

		/** A successful completion with {@code content} (a JSON literal: "\"B\"", "null", …) and token usage. */
		public static Reply content(String contentJsonLiteral, long promptTokens, long completionTokens) {
			return json(200, "{\"id\":\"x\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":"
				+ "{\"role\":\"assistant\",\"content\":" + contentJsonLiteral + "},\"finish_reason\":\"stop\"}],"
				+ "\"usage\":{\"prompt_tokens\":" + promptTokens + ",\"completion_tokens\":" + completionTokens
				+ ",\"total_tokens\":" + (promptTokens + completionTokens) + "}}");
		}

		public static Reply text(String text, long promptTokens, long completionTokens) {
			ObjectNode n = new ObjectMapper().createObjectNode();
			n.put("t", text);
			String lit = n.get("t").toString();
			return content(lit, promptTokens, completionTokens);
		}

		public Reply header(String name, String value) {
			headers.add(new String[] { name, value });
			return this;
		}

		/** Sends the headers and the first byte of the body at once, the rest after {@code millis}. */
		public Reply bodyDelay(long millis) {
			bodyDelayMillis = millis;
			return this;
		}

		public Reply delay(long millis) {
			delayMillis = millis;
			return this;
		}
	}

	private final HttpServer server;
	private final ExecutorService executor = Executors.newCachedThreadPool();
	private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
	private final List<Reply> script = Collections.synchronizedList(new ArrayList<>());
	private volatile Function<Received, Reply> responder;
	private final AtomicInteger inFlight = new AtomicInteger();
	private final AtomicInteger maxInFlight = new AtomicInteger();
	private final AtomicInteger served = new AtomicInteger();
	/** Called after a request is counted in flight and before it is answered (e.g. a barrier). */
	public volatile Runnable whileInFlight;

	public FakeChatServer() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
		server.setExecutor(executor);
		server.createContext("/", ex -> {
			int now = inFlight.incrementAndGet();
			maxInFlight.accumulateAndGet(now, Math::max);
			try {
				byte[] body;
				try (InputStream in = ex.getRequestBody()) {
					body = in.readAllBytes();
				}
				Received r = new Received(ex.getRequestMethod(), ex.getRequestURI().getPath(),
					ex.getRequestHeaders().getFirst("Authorization"), ex.getRequestHeaders().getFirst("Content-Type"), body);
				int index;
				synchronized (received) {
					received.add(r);
					index = received.size() - 1;
				}
				Runnable hook = whileInFlight;
				if (hook != null) hook.run();
				Reply reply = next(index, r);
				if (reply.delayMillis > 0) {
					try {
						Thread.sleep(reply.delayMillis);
					}
					catch (InterruptedException e) {
						Thread.currentThread().interrupt();
					}
				}
				byte[] out = reply.body.getBytes(StandardCharsets.UTF_8);
				ex.getResponseHeaders().add("Content-Type", "application/json");
				for (String[] h : reply.headers)
					ex.getResponseHeaders().add(h[0], h[1]);
				try {
					if (reply.bodyDelayMillis > 0 && out.length > 1) {
						ex.sendResponseHeaders(reply.status, out.length);
						OutputStream os = ex.getResponseBody();
						os.write(out, 0, 1);
						os.flush();
						Thread.sleep(reply.bodyDelayMillis);
						os.write(out, 1, out.length - 1);
						os.close();
					}
					else {
						ex.sendResponseHeaders(reply.status, out.length == 0 ? -1 : out.length);
						if (out.length > 0) {
							try (OutputStream os = ex.getResponseBody()) {
								os.write(out);
							}
						}
					}
				}
				catch (IOException e) {
					// the client gave up (timeout): nothing to answer
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
				served.incrementAndGet();
			}
			finally {
				inFlight.decrementAndGet();
				ex.close();
			}
		});
		server.start();
	}

	private Reply next(int index, Received r) {
		Function<Received, Reply> f = responder;
		if (f != null) return f.apply(r);
		synchronized (script) {
			if (script.isEmpty()) return Reply.text("A", 1, 1);
			return script.get(Math.min(index, script.size() - 1));
		}
	}

	/** Answers request {@code i} with reply {@code i}; the last reply repeats. */
	public FakeChatServer script(Reply... replies) {
		synchronized (script) {
			script.clear();
			Collections.addAll(script, replies);
		}
		return this;
	}

	public FakeChatServer respond(Function<Received, Reply> f) {
		responder = f;
		return this;
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
	}

	public List<Received> received() {
		synchronized (received) {
			return new ArrayList<>(received);
		}
	}

	public int requestCount() {
		return received.size();
	}

	public int maxInFlight() {
		return maxInFlight.get();
	}

	@Override
	public void close() {
		server.stop(0);
		executor.shutdownNow();
	}
}
