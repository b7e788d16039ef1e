package org.mubench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;

import org.junit.jupiter.api.Test;

class RetryPolicyTest {
	@Test
	void delaysDoubleUpToTheCapWithJitterInTheUpperHalf() {
		RetryPolicy p = new RetryPolicy(5, 1000, 5000, false, 3);
		assertEquals(1000, p.delayMillis(0));
		assertEquals(2000, p.delayMillis(1));
		assertEquals(4000, p.delayMillis(2));
		assertEquals(5000, p.delayMillis(3));
		assertEquals(5000, p.delayMillis(60));
		RetryPolicy j = new RetryPolicy(5, 1000, 60_000, true, 3);
		for (int i = 0; i < 200; i++) {
			long d = j.delayMillis(2);
			assertTrue(d >= 2000 && d <= 4000, "" + d);
		}
	}

	@Test
	void anEndpointIsDeadAfterSomeFailedConnectionsOnlyWhenItNeverAnswered() {
		RetryPolicy p = new RetryPolicy(5, 1, 1, false, 3);
		RetryPolicy.Endpoint never = p.endpoint();
		assertFalse(never.connectFailed());
		assertFalse(never.connectFailed());
		assertTrue(never.connectFailed());
		RetryPolicy.Endpoint alive = p.endpoint();
		alive.answered();
		for (int i = 0; i < 10; i++) assertFalse(alive.connectFailed());
	}

	@Test
	void connectFailuresAreToldApartFromBrokenTransfers() {
		assertTrue(RetryPolicy.isConnectFailure(new ConnectException("refused")));
		assertTrue(RetryPolicy.isConnectFailure(new IOException("wrapped", new HttpConnectTimeoutException("slow"))));
		assertFalse(RetryPolicy.isConnectFailure(new IOException("connection reset")));
	}
}
