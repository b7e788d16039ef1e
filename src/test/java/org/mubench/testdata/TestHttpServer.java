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
package org.mubench.testdata;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A loopback HTTP server for download tests: serves byte arrays by path with HEAD and {@code Range: bytes=N-}
 * support, and can misbehave on purpose (cut a response after N bytes, ignore Range, add headers). Unknown paths get
 * 404. Every request is recorded as {@code "GET /path bytes=N-"}.
 */
public final class TestHttpServer implements AutoCloseable {
	private final HttpServer server;
	private final Map<String, byte[]> files = new HashMap<>();
	private final Map<String, int[]> cuts = new HashMap<>(); // path → {afterBytes, timesLeft}
	private final Set<String> ignoreRange = new HashSet<>();
	private final Map<String, Map<String, String>> headers = new HashMap<>();
	private final List<String> requests = Collections.synchronizedList(new ArrayList<>());

	public TestHttpServer() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/", this::handle);
		server.start();
	}

	/** {@code http://127.0.0.1:PORT} */
	public String baseUrl() {
		return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
	}

	public synchronized TestHttpServer put(String path, byte[] content) {
		files.put(path, content);
		return this;
	}

	/** The next {@code times} GETs of {@code path} announce the full length but stop after {@code afterBytes}. */
	public synchronized TestHttpServer cut(String path, int afterBytes, int times) {
		cuts.put(path, new int[] { afterBytes, times });
		return this;
	}

	/** Answers Range requests for {@code path} with the whole file (200), as some servers do. */
	public synchronized TestHttpServer ignoreRange(String path) {
		ignoreRange.add(path);
		return this;
	}

	public synchronized TestHttpServer header(String path, String name, String value) {
		headers.computeIfAbsent(path, k -> new HashMap<>()).put(name, value);
		return this;
	}

	public List<String> requests() {
		synchronized (requests) {
			return new ArrayList<>(requests);
		}
	}

	private void handle(HttpExchange ex) throws IOException {
		try {
			String path = ex.getRequestURI().getPath();
			String range = ex.getRequestHeaders().getFirst("Range");
			requests.add(ex.getRequestMethod() + " " + path + (range == null ? "" : " " + range));
			byte[] body;
			int[] cut;
			boolean rangeIgnored;
			Map<String, String> extra;
			synchronized (this) {
				body = files.get(path);
				cut = cuts.get(path);
				rangeIgnored = ignoreRange.contains(path);
				extra = headers.getOrDefault(path, Collections.<String, String>emptyMap());
			}
			if (body == null) {
				ex.sendResponseHeaders(404, -1);
				return;
			}
			for (Map.Entry<String, String> e : extra.entrySet()) ex.getResponseHeaders().set(e.getKey(), e.getValue());
			ex.getResponseHeaders().set("Accept-Ranges", "bytes");
			if (ex.getRequestMethod().equals("HEAD")) {
				ex.getResponseHeaders().set("Content-Length", Long.toString(body.length));
				ex.sendResponseHeaders(200, -1);
				return;
			}
			int start = 0;
			int status = 200;
			if (range != null && !rangeIgnored) {
				Matcher m = Pattern.compile("bytes=(\\d+)-").matcher(range);
				if (m.matches()) {
					start = Integer.parseInt(m.group(1));
					if (start >= body.length) {
						ex.getResponseHeaders().set("Content-Range", "bytes */" + body.length);
						ex.sendResponseHeaders(416, -1);
						return;
					}
					status = 206;
					ex.getResponseHeaders().set("Content-Range", "bytes " + start + "-" + (body.length - 1) + "/" +
						body.length);
				}
			}
			int length = body.length - start;
			int send = length;
			synchronized (this) {
				if (cut != null && cut[1] > 0) {
					cut[1]--;
					send = Math.max(0, Math.min(length, cut[0] - start));
				}
			}
			ex.sendResponseHeaders(status, length);
			OutputStream os = ex.getResponseBody();
			os.write(body, start, send);
			os.flush();
			// When fewer bytes were written than announced, closing the exchange (finally) finds the body short and
			// drops the connection: the client sees the stream end early. Closing the stream here would not.
			if (send == length) os.close();
			else {
				// Let the client take in what was sent before the connection drops, so the cut lands where it was
				// asked for (a reset can otherwise discard bytes still in flight).
				try {
					Thread.sleep(200);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			}
		}
		finally {
			ex.close();
		}
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
