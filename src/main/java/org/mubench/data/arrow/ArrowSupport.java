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
package org.mubench.data.arrow;

import org.mubench.data.DatasetException;
import org.mubench.base.Fix;

/**
 * Arrow Java reaches into {@code java.nio.Buffer} by reflection; on Java 17+ that needs the package opened. The
 * executable jar opens it through its manifest ({@code Add-Opens}); anywhere else the first Arrow use fails deep
 * inside Arrow. This turns that failure into one line saying which JVM flag to add.
 */
public final class ArrowSupport {
	private ArrowSupport() {}

	/** The JVM option Arrow needs on Java 17+. */
	public static final String JVM_FLAG = "--add-opens=java.base/java.nio=ALL-UNNAMED";

	private static volatile boolean ok;

	/** Throws {@link DatasetException} with the flag to add when Arrow's memory layer cannot start. */
	public static void check() {
		if (ok) return;
		// The site ships Arrow's Unsafe allocator only (no netty: Fiji has its own, older netty); saying so spares
		// Arrow a failed netty lookup and its log line.
		if (System.getProperty("arrow.allocation.manager.type") == null)
			System.setProperty("arrow.allocation.manager.type", "Unsafe");
		// Checked before Arrow is touched: Arrow's own failure logs a long stack trace (Fiji prints its log) before the
		// exception reaches us. Up to Java 16 the package is open to reflection by default.
		if (Runtime.version().feature() >= 17
			&& !java.nio.Buffer.class.getModule().isOpen("java.nio", ArrowSupport.class.getModule()))
			throw failure(new IllegalAccessException("module java.base does not \"opens java.nio\" to "
				+ ArrowSupport.class.getModule()));
		try {
			// MemoryUtil's static initialiser is where Arrow opens java.nio.Buffer#address.
			Class.forName("org.apache.arrow.memory.util.MemoryUtil", true, ArrowSupport.class.getClassLoader());
			ok = true;
		}
		catch (Throwable t) {
			throw failure(t);
		}
	}

	/** True when {@code t} (or a cause) is Arrow's failure to open java.nio. */
	static boolean isAccessFailure(Throwable t) {
		for (Throwable c = t; c != null; c = c.getCause()) {
			String m = String.valueOf(c.getMessage());
			if (m.contains("MemoryUtil") || m.contains("java.nio") && m.contains("opens") ||
				c instanceof NoClassDefFoundError && m.contains("arrow.memory")) return true;
			if (c.getCause() == c) break;
		}
		return false;
	}

	/** The one-line failure: why Arrow cannot start, and the fix (the JVM option) for each front end to word. */
	static DatasetException failure(Throwable t) {
		return new DatasetException("Apache Arrow cannot start on Java " + System.getProperty("java.specification.version")
			+ " because java.nio is not opened to it (" + rootMessage(t) + ")", Fix.OPEN_JAVA_NIO, t);
	}

	private static String rootMessage(Throwable t) {
		Throwable c = t;
		while (c.getCause() != null && c.getCause() != c) c = c.getCause();
		return c.getClass().getSimpleName() + (c.getMessage() == null ? "" : ": " + c.getMessage());
	}
}
