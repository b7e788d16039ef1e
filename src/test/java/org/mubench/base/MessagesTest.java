package org.mubench.base;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;

import org.junit.jupiter.api.Test;

class MessagesTest {
	@Test
	void oneLineJoinsLinesFirstLineCutsThem() {
		IOException e = new IOException(" bad header\n  at offset 12 \n");
		assertEquals("bad header   at offset 12", Messages.oneLine(e));
		assertEquals("bad header", Messages.firstLine(e));
	}

	@Test
	void noMessageGivesTheClassName() {
		assertEquals("IllegalStateException", Messages.oneLine(new IllegalStateException()));
		assertEquals("IllegalStateException", Messages.firstLine(new IllegalStateException("")));
	}
}
