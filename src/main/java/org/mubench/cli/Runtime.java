package org.mubench.cli;

/** Process-wide settings the command line needs before any library loads. */
final class Runtime {
	private Runtime() {}

	static void configure() {
		// Offline by default: DJL must never fetch engines or models unless the user asked for a download.
		setIfAbsent("ai.djl.offline", "true");
		setIfAbsent("OPT_OUT_TRACKING", "true");
		setIfAbsent("java.awt.headless", "true");
	}

	private static void setIfAbsent(String key, String value) {
		if (System.getProperty(key) == null) System.setProperty(key, value);
	}
}
