package org.mubench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

class MuBenchCliTest {
	@Test
	void unknownOptionIsBadUsage() {
		StringWriter err = new StringWriter();
		int code = MuBenchCli.execute(new String[] { "--no-such-option" }, new PrintWriter(new StringWriter()),
			new PrintWriter(err));
		assertEquals(2, code);
		assertTrue(err.toString().contains("--no-such-option"));
	}

	@Test
	void helpSucceeds() {
		StringWriter out = new StringWriter();
		assertEquals(0, MuBenchCli.execute(new String[] { "--help" }, new PrintWriter(out), new PrintWriter(new StringWriter())));
		assertTrue(out.toString().contains("Usage: mubench"));
	}
}
