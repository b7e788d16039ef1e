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
