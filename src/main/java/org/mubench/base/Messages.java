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

/** An exception's message made fit for one line of a log, a dialog or the terminal (the message itself says what to fix). */
public final class Messages {
	private Messages() {}

	/** The message with its lines joined by spaces, or the exception's class name when it has no message. */
	public static String oneLine(Throwable e) {
		return text(e).replace('\n', ' ').trim();
	}

	/** The first line of the message (stack-trace-like detail dropped), or the class name when there is none. */
	public static String firstLine(Throwable e) {
		String m = text(e);
		int nl = m.indexOf('\n');
		return (nl >= 0 ? m.substring(0, nl) : m).trim();
	}

	private static String text(Throwable e) {
		String m = e.getMessage();
		return m == null || m.isEmpty() ? e.getClass().getSimpleName() : m;
	}
}
