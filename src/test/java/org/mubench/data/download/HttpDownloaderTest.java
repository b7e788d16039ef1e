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
package org.mubench.data.download;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mubench.base.Cancellation;
import org.mubench.base.ProgressListener;
import org.mubench.testdata.TestHttpServer;

class HttpDownloaderTest {
	static final byte[] DATA = new byte[300_000];
	static {
		new Random(7).nextBytes(DATA);
	}

	TestHttpServer server;
	HttpDownloader http = new HttpDownloader().retryDelayMillis(0);

	@BeforeEach
	void start() throws Exception {
		server = new TestHttpServer().put("/f.bin", DATA);
	}

	@AfterEach
	void stop() {
		server.close();
	}

	static String sha(byte[] b) throws Exception {
		StringBuilder s = new StringBuilder();
		for (byte x : MessageDigest.getInstance("SHA-256").digest(b)) s.append(String.format("%02x", x));
		return s.toString();
	}

	URI url(String path) {
		return URI.create(server.baseUrl() + path);
	}

	static final class Recorder implements ProgressListener {
		final List<long[]> steps = new ArrayList<>();
		final List<String> notes = new ArrayList<>();

		@Override
		public synchronized void progress(long done, long total, String message) {
			steps.add(new long[] { done, total });
		}

		@Override
		public synchronized void log(String message) {
			notes.add(message);
		}
	}

	@Test
	void downloadsAndVerifies(@TempDir Path dir) throws Exception {
		Recorder r = new Recorder();
		Path f = http.download(url("/f.bin"), dir.resolve("sub/f.bin"), sha(DATA), r, Cancellation.NEVER);
		assertArrayEquals(DATA, Files.readAllBytes(f));
		assertFalse(Files.exists(dir.resolve("sub/f.bin.part")));
		long[] last = r.steps.get(r.steps.size() - 1);
		assertEquals(DATA.length, last[0]);
		assertEquals(DATA.length, last[1]);
		assertEquals(DATA.length, http.size(url("/f.bin")));
	}

	@Test
	void resumesAfterTheConnectionBreaks(@TempDir Path dir) throws Exception {
		server.cut("/f.bin", 100_000, 1);
		Recorder r = new Recorder();
		Path f = http.download(url("/f.bin"), dir.resolve("f.bin"), sha(DATA), r, Cancellation.NEVER);
		assertArrayEquals(DATA, Files.readAllBytes(f));
		List<String> gets = new ArrayList<>();
		for (String q : server.requests())
			if (q.startsWith("GET")) gets.add(q);
		// The server cuts after sending 100,000 bytes; how many of them reach the client before the reset is up to the
		// network stack, so the resume must start exactly where the received part ends, at most at 100,000.
		assertEquals(2, gets.size(), gets.toString());
		assertEquals("GET /f.bin", gets.get(0));
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("GET /f\\.bin bytes=(\\d+)-").matcher(gets.get(1));
		assertTrue(m.matches(), gets.get(1));
		long resumedAt = Long.parseLong(m.group(1));
		assertTrue(resumedAt > 0 && resumedAt <= 100_000, gets.get(1));
		assertTrue(r.notes.get(0).contains("connection broke after " + resumedAt + " bytes"), r.notes.toString());
	}

	@Test
	void resumesFromAPartFileOfAnEarlierRun(@TempDir Path dir) throws Exception {
		Files.write(dir.resolve("f.bin.part"), Arrays.copyOf(DATA, 123_456));
		Path f = http.download(url("/f.bin"), dir.resolve("f.bin"), sha(DATA), ProgressListener.SILENT,
			Cancellation.NEVER);
		assertArrayEquals(DATA, Files.readAllBytes(f));
		assertEquals(Arrays.asList("GET /f.bin bytes=123456-"), server.requests());
	}

	@Test
	void completePartFileIsFinishedWithout416Trouble(@TempDir Path dir) throws Exception {
		Files.write(dir.resolve("f.bin.part"), DATA);
		Path f = http.download(url("/f.bin"), dir.resolve("f.bin"), sha(DATA), ProgressListener.SILENT,
			Cancellation.NEVER);
		assertArrayEquals(DATA, Files.readAllBytes(f));
	}

	@Test
	void serverIgnoringRangeRestartsFromZero(@TempDir Path dir) throws Exception {
		server.ignoreRange("/f.bin");
		Files.write(dir.resolve("f.bin.part"), Arrays.copyOf(DATA, 5000));
		Path f = http.download(url("/f.bin"), dir.resolve("f.bin"), sha(DATA), ProgressListener.SILENT,
			Cancellation.NEVER);
		assertArrayEquals(DATA, Files.readAllBytes(f));
	}

	@Test
	void corruptFileIsRefusedAndNothingKept(@TempDir Path dir) throws Exception {
		byte[] bad = DATA.clone();
		bad[1000] ^= 1;
		server.put("/f.bin", bad);
		DownloadException e = assertThrows(DownloadException.class, () -> http.download(url("/f.bin"), dir.resolve(
			"f.bin"), sha(DATA), ProgressListener.SILENT, Cancellation.NEVER));
		String m = e.getMessage();
		assertTrue(m.startsWith(dir.resolve("f.bin") + ": SHA-256 mismatch (expected " + sha(DATA) + ", got " + sha(bad)),
			m);
		assertTrue(m.contains("run the same command again to retry"), m);
		assertFalse(Files.exists(dir.resolve("f.bin")));
		assertFalse(Files.exists(dir.resolve("f.bin.part")));
	}

	@Test
	void existingFileWithWrongChecksumIsReplaced(@TempDir Path dir) throws Exception {
		Files.write(dir.resolve("f.bin"), new byte[] { 1, 2, 3 });
		http.download(url("/f.bin"), dir.resolve("f.bin"), sha(DATA), ProgressListener.SILENT, Cancellation.NEVER);
		assertArrayEquals(DATA, Files.readAllBytes(dir.resolve("f.bin")));
	}

	@Test
	void verifiedFileIsNotFetchedAgain(@TempDir Path dir) throws Exception {
		Files.write(dir.resolve("f.bin"), DATA);
		http.download(url("/f.bin"), dir.resolve("f.bin"), sha(DATA), ProgressListener.SILENT, Cancellation.NEVER);
		assertTrue(server.requests().isEmpty(), server.requests().toString());
	}

	@Test
	void notFound(@TempDir Path dir) {
		DownloadException e = assertThrows(DownloadException.class, () -> http.download(url("/nope"), dir.resolve(
			"nope"), null, ProgressListener.SILENT, Cancellation.NEVER));
		assertTrue(e.notFound());
		assertTrue(e.getMessage().contains("/nope: not found (HTTP 404)"), e.getMessage());
		assertTrue(assertThrows(DownloadException.class, () -> http.size(url("/nope"))).notFound());
	}

	@Test
	void keepsThePartFileWhenRetriesRunOut(@TempDir Path dir) throws Exception {
		server.cut("/f.bin", 50_000, 10);
		HttpDownloader twice = new HttpDownloader().retryDelayMillis(0).maxAttempts(2);
		DownloadException e = assertThrows(DownloadException.class, () -> twice.download(url("/f.bin"), dir.resolve(
			"f.bin"), sha(DATA), ProgressListener.SILENT, Cancellation.NEVER));
		assertTrue(e.getMessage().contains("download interrupted after 50000 bytes"), e.getMessage());
		assertTrue(e.getMessage().contains("run the same command again to resume"), e.getMessage());
		assertEquals(50_000, Files.size(dir.resolve("f.bin.part")));
		assertFalse(Files.exists(dir.resolve("f.bin")));
		// the next run resumes and completes
		server.cut("/f.bin", 0, 0);
		http.download(url("/f.bin"), dir.resolve("f.bin"), sha(DATA), ProgressListener.SILENT, Cancellation.NEVER);
		assertArrayEquals(DATA, Files.readAllBytes(dir.resolve("f.bin")));
		assertTrue(server.requests().contains("GET /f.bin bytes=50000-"), server.requests().toString());
	}

	@Test
	void huggingFaceLfsChecksumHeaderIsUsed(@TempDir Path dir) throws Exception {
		server.header("/f.bin", "X-Linked-Etag", "\"" + sha(DATA) + "\"");
		http.download(url("/f.bin"), dir.resolve("f.bin"), null, ProgressListener.SILENT, Cancellation.NEVER);
		assertArrayEquals(DATA, Files.readAllBytes(dir.resolve("f.bin")));

		server.put("/g.bin", new byte[] { 9, 9, 9 }).header("/g.bin", "ETag", "\"" + sha(DATA) + "\"");
		DownloadException e = assertThrows(DownloadException.class, () -> http.download(url("/g.bin"), dir.resolve(
			"g.bin"), null, ProgressListener.SILENT, Cancellation.NEVER));
		assertTrue(e.getMessage().contains("SHA-256 mismatch"), e.getMessage());
	}

	@Test
	void cancellationKeepsThePartFile(@TempDir Path dir) {
		Cancellation c = new Cancellation();
		ProgressListener cancelAfterFirstChunk = (done, total, message) -> {
			if (done > 0) c.cancel();
		};
		DownloadException e = assertThrows(DownloadException.class, () -> http.download(url("/f.bin"), dir.resolve(
			"f.bin"), null, cancelAfterFirstChunk, c));
		assertTrue(e.getMessage().contains("cancelled"), e.getMessage());
		assertTrue(Files.exists(dir.resolve("f.bin.part")));
	}

	@Test
	void releaseUrlsArePinned() {
		assertEquals("https://huggingface.co/datasets/jnirschl/uBench/resolve/3f2c5b590bc7a208d5b60f3527ce4c76a331aa2b/" +
			"perception/0.1.0/ubench-test-00003-of-00007.arrow", UbenchRelease.url(null, "ubench-test-00003-of-00007.arrow")
				.toString());
		List<UbenchRelease.File> files = UbenchRelease.files();
		assertEquals(8, files.size());
		assertEquals("dataset_info.json", files.get(0).name);
		assertEquals("ubench-test-00006-of-00007.arrow", files.get(7).name);
		assertEquals("534beca2084a250d4436340c78accc9fe7cc2d6063d4884302e7e7f141edad6c", files.get(7).sha256);
		assertEquals("http://h:1/a/b/resolve/main/onnx/text_model.onnx", HfModelFiles.url("http://h:1/", "a/b", "main",
			"onnx/text_model.onnx").toString());
		assertEquals("a/b", HfModelFiles.repo("hf:a/b"));
		assertThrows(IllegalArgumentException.class, () -> HfModelFiles.repo("hf:a"));
	}
}
