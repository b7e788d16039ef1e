package org.mubench.data.arrow;

import org.mubench.data.DatasetException;

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
		try {
			// MemoryUtil's static initialiser is where Arrow opens java.nio.Buffer#address.
			Class.forName("org.apache.arrow.memory.util.MemoryUtil", true, ArrowSupport.class.getClassLoader());
			ok = true;
		}
		catch (Throwable t) {
			throw new DatasetException(message(t), t);
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

	static String message(Throwable t) {
		return "Apache Arrow cannot start on Java " + System.getProperty("java.specification.version") +
			" because java.nio is not opened to it: start Java with the option " + JVM_FLAG +
			" (java -jar mubench.jar adds it by itself; for Fiji add it to the JVM options) [" + rootMessage(t) + "]";
	}

	private static String rootMessage(Throwable t) {
		Throwable c = t;
		while (c.getCause() != null && c.getCause() != c) c = c.getCause();
		return c.getClass().getSimpleName() + (c.getMessage() == null ? "" : ": " + c.getMessage());
	}
}
