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
