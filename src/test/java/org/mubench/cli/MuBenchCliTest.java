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

	@Test
	void everyCommandsHelpIsFreeOfPicocliWarnings() {
		java.io.PrintStream saved = System.err;
		java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
		System.setErr(new java.io.PrintStream(captured, true));
		try {
			picocli.CommandLine cli = new picocli.CommandLine(new MuBenchCli());
			for (String name : cli.getSubcommands().keySet()) {
				if (name.equals("help")) continue;
				StringWriter out = new StringWriter(), err = new StringWriter();
				assertEquals(0, MuBenchCli.execute(new String[] { name, "--help" }, new PrintWriter(out), new PrintWriter(err)),
					name);
				assertTrue(err.toString().isEmpty(), name + ": " + err);
			}
		}
		finally {
			System.setErr(saved);
		}
		assertEquals("", captured.toString(), "picocli warnings");
	}
}
