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
package org.mubench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

class TerminalProgressTest {
	@Test
	void plainModePrintsWholeLinesAtDecilesAndTheEnd() {
		StringWriter sw = new StringWriter();
		TerminalProgress p = new TerminalProgress(new PrintWriter(sw), false, "images");
		for (int i = 0; i <= 100; i++) p.progress(i, 100, "q");
		p.log("Skipped row 3");
		String out = sw.toString();
		assertFalse(out.contains("\r"), out);
		String[] lines = out.split("\n");
		assertEquals(12, lines.length, out); // 0, 10, 20, …, 100, then the notice
		assertTrue(lines[10].startsWith("100/100 images"), lines[10]);
		assertEquals("Skipped row 3", lines[11]);
	}

	@Test
	void barModeRedrawsOneLineAndEndsItBeforeANotice() {
		StringWriter sw = new StringWriter();
		TerminalProgress p = new TerminalProgress(new PrintWriter(sw), true, "images");
		p.progress(0, 8, "starting");
		p.log("Device: cpu");
		p.progress(8, 8, "done");
		String out = sw.toString();
		assertTrue(out.startsWith("\r[........................] 0/8 images  starting"), out);
		assertTrue(out.contains("\nDevice: cpu\n"), out);
		assertTrue(out.contains("\r[########################] 8/8 images"), out);
		assertTrue(out.endsWith("\n"), "the finished bar ends its line");
	}

	@Test
	void durations() {
		assertEquals("0:05", TerminalProgress.duration(5));
		assertEquals("2:05", TerminalProgress.duration(125));
		assertEquals("1:00:00", TerminalProgress.duration(3600));
		assertEquals("12:01:40", TerminalProgress.duration(43300));
	}
}
