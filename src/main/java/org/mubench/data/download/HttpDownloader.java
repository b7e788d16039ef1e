package org.mubench.data.download;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mubench.data.Cancellation;
import org.mubench.data.ProgressListener;
import org.mubench.data.RetryPolicy;

/**
 * Fetches files over HTTP(S) with java.net.http: into {@code FILE.part}, resuming an interrupted transfer with a Range
 * request (also across runs), verified by SHA-256 before the {@code .part} file is renamed to {@code FILE}. A file
 * whose checksum fails is deleted, so nothing unverified is ever left under the final name.
 *
 * <p>The expected SHA-256 is the caller's, or else the one Hugging Face sends for LFS files (an {@code X-Linked-Etag}
 * or {@code ETag} of 64 hex digits).
 */
public final class HttpDownloader {
	private static final Pattern SHA256 = Pattern.compile("\"?(?:W/)?\"?([0-9a-fA-F]{64})\"?");
	private static final int CHUNK = 1 << 16;
	/** {@link DownloadException#status()} when the server could not be reached. */
	public static final int UNREACHABLE = -1;

	private final HttpClient client;
	/**
	 * A broken transfer is resumed up to 3 times, 2 s, 4 s, 8 s apart; a host that cannot be reached at all is not
	 * retried (dead after the first failed connection: nothing was ever received from it).
	 */
	private RetryPolicy retry = new RetryPolicy(3, 2000, 60_000, false, 1);
	private String userAgent = "mubench-fiji";

	public HttpDownloader() {
		this(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(30))
			.build());
	}

	public HttpDownloader(HttpClient client) {
		this.client = client;
	}

	/** Attempts per file when the connection breaks (each resumes where the last stopped). */
	public HttpDownloader maxAttempts(int n) {
		retry = retry.withRetries(Math.max(1, n) - 1);
		return this;
	}

	/** Pause before a retry, doubled each time. */
	public HttpDownloader retryDelayMillis(long ms) {
		retry = retry.withFirstDelay(Math.max(0, ms));
		return this;
	}

	/** The size of {@code uri} from a HEAD request's Content-Length, or -1 when the server does not say. */
	public long size(URI uri) {
		HttpRequest req = request(uri).method("HEAD", HttpRequest.BodyPublishers.noBody()).build();
		HttpResponse<Void> r;
		try {
			r = client.send(req, HttpResponse.BodyHandlers.discarding());
		}
		catch (IOException e) {
			throw new DownloadException(uri + ": cannot connect (" + message(e) + "); check the network or --base-url",
				UNREACHABLE, e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new DownloadException(uri + ": interrupted", 0, e);
		}
		if (r.statusCode() == 404) throw new DownloadException(uri + ": not found (HTTP 404)", 404, null);
		if (r.statusCode() >= 400)
			throw new DownloadException(uri + ": HTTP " + r.statusCode() + " for HEAD", r.statusCode(), null);
		return r.headers().firstValueAsLong("Content-Length").orElse(-1);
	}

	/**
	 * Downloads {@code uri} to {@code target}. Returns at once when {@code target} exists (and, with a checksum, matches
	 * it). {@code sha256} may be null (then a Hugging Face LFS checksum header is used when sent).
	 *
	 * @throws DownloadException naming the file: HTTP errors (404 → {@link DownloadException#notFound()}), a
	 *           checksum mismatch (the file is deleted), or a transfer still broken after the retries (the .part file
	 *           is kept, so running again resumes).
	 */
	public Path download(URI uri, Path target, String sha256, ProgressListener progress, Cancellation cancel) {
		String name = target.getFileName().toString();
		try {
			if (target.getParent() != null) Files.createDirectories(target.getParent());
			if (Files.isRegularFile(target)) {
				if (sha256 == null) {
					progress.log(target + ": already there, kept");
					return target;
				}
				if (sha256(target).equalsIgnoreCase(sha256)) {
					progress.log(target + ": already there, SHA-256 verified");
					return target;
				}
				progress.log(target + ": present but its SHA-256 does not match; downloading it again");
				Files.delete(target);
			}
		}
		catch (IOException e) {
			throw new DownloadException(target + ": cannot write (" + message(e) + ")", 0, e);
		}
		Path part = target.resolveSibling(name + ".part");
		String expected = sha256;
		IOException last = null;
		int maxAttempts = retry.retries + 1;
		for (int attempt = 1; attempt <= maxAttempts; attempt++) {
			if (cancel.isCancelled()) throw cancelled(target, part);
			try {
				String fromServer = transfer(uri, part, name, progress, cancel);
				if (expected == null) expected = fromServer;
				last = null;
				break;
			}
			catch (IOException e) {
				last = e;
				if (attempt < maxAttempts) {
					progress.log(name + ": connection broke after " + partSize(part) + " bytes (" + message(e) +
						"); resuming");
					sleep(retry.delayMillis(attempt - 1));
				}
			}
		}
		if (last != null)
			throw new DownloadException(target + ": download interrupted after " + partSize(part) + " bytes (" +
				message(last) + "); run the same command again to resume from " + part.getFileName(), 0, last);
		try {
			if (expected != null) {
				String got = sha256(part);
				if (!got.equalsIgnoreCase(expected)) {
					Files.deleteIfExists(part);
					throw new DownloadException(target + ": SHA-256 mismatch (expected " + expected.toLowerCase(Locale.ROOT) +
						", got " + got + "); the download is corrupt and was deleted — run the same command again to retry",
						0, null);
				}
			}
			try {
				Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (java.nio.file.AtomicMoveNotSupportedException e) {
				Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (IOException e) {
			throw new DownloadException(target + ": cannot finish the file (" + message(e) + ")", 0, e);
		}
		return target;
	}

	/**
	 * One request: continues {@code part} from its current length. Returns the server's SHA-256 hint or null. Throws
	 * IOException for a broken transfer (worth retrying), DownloadException for HTTP errors (not retried).
	 */
	private String transfer(URI uri, Path part, String name, ProgressListener progress, Cancellation cancel)
		throws IOException
	{
		long have = partSize(part);
		HttpRequest.Builder rb = request(uri).GET();
		if (have > 0) rb.header("Range", "bytes=" + have + "-");
		HttpResponse<InputStream> r;
		try {
			r = client.send(rb.build(), HttpResponse.BodyHandlers.ofInputStream());
		}
		catch (IOException e) {
			// Retrying cannot help when the host cannot be reached at all; other failures are a broken transfer.
			if (!RetryPolicy.isConnectFailure(e)) throw e;
			throw new DownloadException(uri + ": cannot connect (" + message(e) + "); check the network or --base-url",
				UNREACHABLE, e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new DownloadException(uri + ": interrupted", 0, e);
		}
		int status = r.statusCode();
		try (InputStream in = r.body()) {
			long total;
			boolean append;
			if (status == 416 && have > 0) {
				// The range starts at or past the end: the .part file may already hold the whole file.
				long size = contentRangeTotal(r.headers());
				if (size == have) return shaHint(r);
				Files.deleteIfExists(part);
				throw new IOException("server refused to resume at byte " + have + "; starting over");
			}
			if (status == 404) throw new DownloadException(uri + ": not found (HTTP 404)", 404, null);
			if (status == 206) {
				long start = contentRangeStart(r.headers());
				if (start != have) throw new IOException("server resumed at byte " + start + " instead of " + have);
				append = true;
				long t = contentRangeTotal(r.headers());
				total = t >= 0 ? t : length(r.headers()) < 0 ? -1 : have + length(r.headers());
			}
			else if (status == 200) {
				append = false; // server ignored the Range header: start again from zero
				have = 0;
				total = length(r.headers());
			}
			else if (status >= 500 || status == 429) throw new IOException("HTTP " + status);
			else throw new DownloadException(uri + ": HTTP " + status + "; check the URL (and --base-url)", status, null);

			String hint = shaHint(r);
			long done = have;
			progress.progress(done, total, name);
			try (OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING))
			{
				byte[] buf = new byte[CHUNK];
				int n;
				while ((n = in.read(buf)) >= 0) {
					if (cancel.isCancelled()) throw cancelled(part.resolveSibling(name), part);
					out.write(buf, 0, n);
					done += n;
					progress.progress(done, total, name);
				}
			}
			if (total >= 0 && done < total)
				throw new IOException("connection closed after " + done + " of " + total + " bytes");
			if (total >= 0 && done > total) throw new IOException("server sent " + done + " bytes, more than " + total);
			return hint;
		}
	}

	private HttpRequest.Builder request(URI uri) {
		return HttpRequest.newBuilder(uri).header("User-Agent", userAgent);
	}

	/** SHA-256 announced by Hugging Face for LFS files, on this response or on the redirect before it. */
	static String shaHint(HttpResponse<?> r) {
		for (Optional<? extends HttpResponse<?>> x = Optional.of(r); x.isPresent(); x = x.get().previousResponse()) {
			HttpHeaders h = x.get().headers();
			for (String key : new String[] { "X-Linked-Etag", "ETag" }) {
				Optional<String> v = h.firstValue(key);
				if (v.isPresent()) {
					Matcher m = SHA256.matcher(v.get().trim());
					if (m.matches()) return m.group(1).toLowerCase(Locale.ROOT);
				}
			}
		}
		return null;
	}

	private static long length(HttpHeaders h) {
		return h.firstValueAsLong("Content-Length").orElse(-1);
	}

	/** {@code Content-Range: bytes START-END/TOTAL} → START (or -1). */
	static long contentRangeStart(HttpHeaders h) {
		Matcher m = Pattern.compile("bytes\\s+(\\d+)-(\\d+)/(\\d+|\\*)").matcher(h.firstValue("Content-Range").orElse(""));
		return m.find() ? Long.parseLong(m.group(1)) : -1;
	}

	/** {@code Content-Range: bytes START-END/TOTAL} or {@code bytes * /TOTAL} → TOTAL (or -1). */
	static long contentRangeTotal(HttpHeaders h) {
		Matcher m = Pattern.compile("/(\\d+)\\s*$").matcher(h.firstValue("Content-Range").orElse(""));
		return m.find() ? Long.parseLong(m.group(1)) : -1;
	}

	private static long partSize(Path part) {
		try {
			return Files.isRegularFile(part) ? Files.size(part) : 0;
		}
		catch (IOException e) {
			return 0;
		}
	}

	private static DownloadException cancelled(Path target, Path part) {
		return new DownloadException(target + ": cancelled; run the same command again to resume from " +
			part.getFileName(), 0, null);
	}

	private static void sleep(long ms) {
		if (ms <= 0) return;
		try {
			Thread.sleep(ms);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** Hex SHA-256 of a file. */
	public static String sha256(Path file) throws IOException {
		MessageDigest md;
		try {
			md = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e); // every Java has SHA-256
		}
		try (InputStream in = Files.newInputStream(file)) {
			byte[] buf = new byte[1 << 16];
			int n;
			while ((n = in.read(buf)) >= 0) md.update(buf, 0, n);
		}
		StringBuilder b = new StringBuilder();
		for (byte x : md.digest()) b.append(String.format("%02x", x));
		return b.toString();
	}

	private static String message(Throwable e) {
		String m = e.getMessage();
		return m == null ? e.getClass().getSimpleName() : m.replace('\n', ' ');
	}
}
