package org.mubench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTest {
	@Test
	void quotedFieldsCrLfBomAndBlankLines() {
		List<Csv.Record> r = Csv.parse("\uFEFFa,b,c\r\n\r\n\"x, \"\"y\"\"\",\"two\nlines\",\n  \nlast,,\"\"");
		assertEquals(3, r.size());
		assertEquals(Arrays.asList("a", "b", "c"), r.get(0).fields);
		assertEquals(1, r.get(0).line);
		assertEquals(Arrays.asList("x, \"y\"", "two\nlines", ""), r.get(1).fields);
		assertEquals(3, r.get(1).line);
		assertEquals(Arrays.asList("last", "", ""), r.get(2).fields);
		assertEquals(6, r.get(2).line);
	}

	@Test
	void badQuotingNamesTheLine() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Csv.parse("a\nb\"c\n"));
		assertTrue(e.getMessage().startsWith("line 2:"), e.getMessage());
		e = assertThrows(IllegalArgumentException.class, () -> Csv.parse("a\n\"b\"c\n"));
		assertTrue(e.getMessage().startsWith("line 2:"), e.getMessage());
		e = assertThrows(IllegalArgumentException.class, () -> Csv.parse("a\n\n\"open\n"));
		assertTrue(e.getMessage().startsWith("line 3:"), e.getMessage());
	}
}
