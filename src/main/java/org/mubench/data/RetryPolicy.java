package org.mubench.data;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one retry rule of everything that talks HTTP (downloads, API models): how often, and how long to wait, doubling
 * from a first delay up to a cap, optionally with jitter in [50 %, 100 %] so parallel clients spread out. Failures to
 * connect at all are told apart ({@link #isConnectFailure}): a server that answers "busy" (429, 5xx) deserves patience,
 * a port where nothing listens does not. {@link Endpoint} tracks them across concurrent requests and calls an endpoint
 * dead after {@link #deadAfter} connection failures without a single success, so a run against a wrong URL stops within
 * seconds instead of retrying every request.
 */
public final class RetryPolicy {
	/** Further attempts after the first. */
	public final int retries;
	public final long firstDelayMillis;
	public final long maxDelayMillis;
	public final boolean jitter;
	/** Connection failures, with no success yet, after which the endpoint is given up. */
	public final int deadAfter;

	public RetryPolicy(int retries, long firstDelayMillis, long maxDelayMillis, boolean jitter, int deadAfter) {
		this.retries = Math.max(0, retries);
		this.firstDelayMillis = Math.max(0, firstDelayMillis);
		this.maxDelayMillis = Math.max(this.firstDelayMillis, maxDelayMillis);
		this.jitter = jitter;
		this.deadAfter = Math.max(1, deadAfter);
	}

	public RetryPolicy withRetries(int n) {
		return new RetryPolicy(n, firstDelayMillis, maxDelayMillis, jitter, deadAfter);
	}

	public RetryPolicy withFirstDelay(long ms) {
		return new RetryPolicy(retries, ms, Math.max(ms, maxDelayMillis), jitter, deadAfter);
	}

	/** The wait before retry number {@code retry} (0 = the first retry): the first delay doubled per retry, capped. */
	public long delayMillis(int retry) {
		long d = firstDelayMillis << Math.min(Math.max(0, retry), 20);
		if (d < 0 || d > maxDelayMillis) d = maxDelayMillis;
		if (!jitter || d <= 1) return d;
		return d / 2 + ThreadLocalRandom.current().nextLong(d / 2 + 1);
	}

	/** True when {@code t} (or a cause) says no connection could be made: refused, unknown host, no route, connect timeout. */
	public static boolean isConnectFailure(Throwable t) {
		for (Throwable c = t; c != null; c = c.getCause()) {
			if (c instanceof ConnectException || c instanceof UnknownHostException || c instanceof NoRouteToHostException
				|| c instanceof HttpConnectTimeoutException) return true;
			if (c.getCause() == c) break;
		}
		return false;
	}

	/** Whether an endpoint has ever answered, and how many connections to it failed; shared by concurrent requests. */
	public final class Endpoint {
		private final AtomicBoolean answered = new AtomicBoolean();
		private final AtomicInteger connectFailures = new AtomicInteger();

		/** The server replied (any HTTP status): it is alive, connection failures from now on are retried patiently. */
		public void answered() {
			answered.set(true);
		}

		/** Records a failed connection; true when the endpoint is now considered dead (never answered, too many failures). */
		public boolean connectFailed() {
			int n = connectFailures.incrementAndGet();
			return !answered.get() && n >= deadAfter;
		}

		public int connectFailures() {
			return connectFailures.get();
		}
	}

	public Endpoint endpoint() {
		return new Endpoint();
	}
}
