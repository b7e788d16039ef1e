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
package org.mubench.base;

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
