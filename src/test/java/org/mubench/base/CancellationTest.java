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

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CancellationTest {
	@Test
	void neverCannotBeCancelled() {
		assertThrows(UnsupportedOperationException.class, Cancellation.NEVER::cancel);
		assertFalse(Cancellation.NEVER.isCancelled());
	}

	@Test
	void eachJobsFlagIsItsOwn() {
		Cancellation a = new Cancellation(), b = new Cancellation();
		a.cancel();
		assertTrue(a.isCancelled());
		assertFalse(b.isCancelled());
		assertFalse(Cancellation.NEVER.isCancelled());
	}
}
