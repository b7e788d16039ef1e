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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mubench.data.download.UbenchRelease;
import org.mubench.testdata.TestHttpServer;

class DownloadCommandTest {
	TestHttpServer server;

	@BeforeEach
	void start() throws Exception {
		server = new TestHttpServer();
		DownloadCommand.retryDelayMillis = 0;
	}

	@AfterEach
	void stop() {
		server.close();
	}

	static String[] run(String... args) {
		StringWriter out = new StringWriter(), err = new StringWriter();
		int code = MuBenchCli.execute(args, new PrintWriter(out), new PrintWriter(err));
		return new String[] { Integer.toString(code), out.toString(), err.toString() };
	}

	static final String RELEASE = "/datasets/jnirschl/uBench/resolve/" + UbenchRelease.REVISION + "/perception/0.1.0/";

	/** The real shards cannot be served here, so every shard fails its published checksum and must be refused. */
	@Test
	void datasetShardsFailingTheirChecksumAreRefused(@TempDir Path dir) throws Exception {
		server.put(RELEASE + "dataset_info.json", "{\"splits\": {}}".getBytes("UTF-8"));
		for (UbenchRelease.File f : UbenchRelease.files())
			if (f.sha256 != null) server.put(RELEASE + f.name, new byte[1000]);
		server.cut(RELEASE + "ubench-test-00002-of-00007.arrow", 400, 1); // also resumed before being refused
		String[] r = run("download", "--dataset", "ubench", "--to", dir.toString(), "--base-url", server.baseUrl());
		assertEquals("1", r[0], r[1] + r[2]);
		assertTrue(r[1].startsWith("fetching 8 files (6.85 KiB) into " + dir), r[1]);
		assertTrue(r[1].contains("ok  dataset_info.json"), r[1]);
		assertTrue(r[2].contains("error: " + dir.resolve("ubench-test-00000-of-00007.arrow") +
			": SHA-256 mismatch (expected 3d346134e6dffed41f74da64c1c173f5efd3a10200805796a030357297b630f1"), r[2]);
		assertTrue(r[2].contains("error: 7 of 8 files failed"), r[2]);
		assertTrue(Files.exists(dir.resolve("dataset_info.json")));
		try (java.util.stream.Stream<Path> s = Files.list(dir)) {
			assertEquals(1, s.count(), "only dataset_info.json may remain");
		}
		assertTrue(server.requests().contains("GET " + RELEASE + "ubench-test-00002-of-00007.arrow bytes=400-"),
			server.requests().toString());
	}

	@Test
	void modelFilesWithOptionalOnesMissing(@TempDir Path dir) throws Exception {
		String base = "/owner/tiny-clip/resolve/v1/";
		byte[] vision = new byte[70_000];
		new java.util.Random(3).nextBytes(vision);
		server.put(base + "onnx/vision_model.onnx", vision).put(base + "onnx/text_model.onnx", new byte[500])
			.put(base + "tokenizer.json", "{}".getBytes("UTF-8")).put(base + "config.json", "{}".getBytes("UTF-8"));
		String[] r = run("download", "--model", "hf:owner/tiny-clip", "--revision", "v1", "--to", dir.toString(),
			"--base-url", server.baseUrl() + "/");
		assertEquals("0", r[0], r[1] + r[2]);
		assertArrayEquals(vision, Files.readAllBytes(dir.resolve("onnx/vision_model.onnx")));
		assertTrue(Files.exists(dir.resolve("onnx/text_model.onnx")));
		assertTrue(Files.exists(dir.resolve("config.json")));
		assertFalse(Files.exists(dir.resolve("preprocessor_config.json")));
		assertTrue(r[1].contains("--  preprocessor_config.json  (not in this repository, skipped)"), r[1]);
		assertTrue(r[1].contains("done: 4 files in " + dir), r[1]);
		// a second run fetches nothing again
		int before = server.requests().size();
		assertEquals("0", run("download", "--model", "hf:owner/tiny-clip", "--revision", "v1", "--to", dir.toString(),
			"--base-url", server.baseUrl())[0]);
		for (String q : server.requests().subList(before, server.requests().size()))
			assertFalse(q.startsWith("GET"), q);
	}

	@Test
	void missingRequiredModelFileFails(@TempDir Path dir) {
		String[] r = run("download", "--model", "hf:owner/none", "--to", dir.toString(), "--base-url",
			server.baseUrl());
		assertEquals("1", r[0]);
		assertTrue(r[2].contains("/owner/none/resolve/main/onnx/vision_model.onnx: not found (HTTP 404)"), r[2]);
		assertEquals(1, r[2].trim().split("\n").length, r[2]);
	}

	@Test
	void badUsage(@TempDir Path dir) {
		assertEquals("2", run("download", "--to", dir.toString())[0]);
		assertEquals("2", run("download", "--dataset", "ubench", "--model", "hf:a/b", "--to", dir.toString())[0]);
		String[] r = run("download", "--dataset", "other", "--to", dir.toString());
		assertEquals("2", r[0]);
		assertTrue(r[2].contains("unknown dataset 'other'"), r[2]);
		assertEquals("2", run("download", "--model", "nothing", "--to", dir.toString())[0]);
		assertEquals("0", run("download", "--help")[0]);
	}

	@Test
	void unreachableServerFailsAtOnce(@TempDir Path dir) throws Exception {
		int port;
		try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			port = s.getLocalPort(); // closed again: nothing listens there
		}
		String[] r = run("download", "--dataset", "ubench", "--to", dir.toString(), "--base-url",
			"http://127.0.0.1:" + port);
		assertEquals("1", r[0]);
		assertTrue(r[2].startsWith("error: http://127.0.0.1:" + port + "/datasets/jnirschl/uBench/resolve/"), r[2]);
		assertTrue(r[2].contains("cannot connect") && r[2].contains("--base-url"), r[2]);
		assertEquals(1, r[2].trim().split("\n").length, r[2]);
	}
}
