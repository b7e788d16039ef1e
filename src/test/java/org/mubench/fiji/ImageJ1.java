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
package org.mubench.fiji;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs macros in a real, separate ImageJ 1 ({@code java -jar ij.jar -ijpath DIR -batch macro.ijm}) whose plugins
 * folder holds our packaged jar, exactly as a user's ImageJ would find it. Needs a display (xvfb-run in CI): ImageJ 1's
 * command table is built with AWT.
 */
final class ImageJ1 {
	final Path home;
	private final Path ijJar;

	private ImageJ1(Path home, Path ijJar) {
		this.home = home;
		this.ijJar = ijJar;
	}

	/** Skips the calling test when there is no display, or the plugin jar was not packaged yet. */
	static ImageJ1 install(Path home) throws IOException {
		assumeTrue(System.getenv("DISPLAY") != null && !System.getenv("DISPLAY").isEmpty(),
			"no display: run under xvfb-run to exercise ImageJ 1 macros");
		Path pluginJar = packagedJar();
		assumeTrue(pluginJar != null, "the plugin jar is not packaged (run mvn verify)");
		Path plugins = Files.createDirectories(home.resolve("plugins"));
		Path jars = Files.createDirectories(plugins.resolve("jars"));
		Files.copy(pluginJar, plugins.resolve("Micro_Bench.jar"));
		Path ijJar = null;
		for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
			Path p = Paths.get(entry);
			String name = p.getFileName().toString();
			if (!name.endsWith(".jar") || name.startsWith("Micro_Bench")) continue;
			if (name.matches("ij-1\\..*\\.jar")) {
				ijJar = p;
				continue;
			}
			Files.createSymbolicLink(jars.resolve(name), p.toAbsolutePath());
		}
		if (ijJar == null) throw new IllegalStateException("net.imagej:ij is not on the test class path");
		return new ImageJ1(home, ijJar);
	}

	private static Path packagedJar() throws IOException {
		Path target = Paths.get("target");
		if (!Files.isDirectory(target)) return null;
		try (java.util.stream.Stream<Path> files = Files.list(target)) {
			return files.filter(p -> p.getFileName().toString().matches("Micro_Bench-[^/]*\\d(-SNAPSHOT)?\\.jar"))
				.findFirst().orElse(null);
		}
	}

	/** Runs a macro and returns everything ImageJ printed (print() goes to stdout in batch mode). */
	Result run(String macro, String arg) throws IOException, InterruptedException {
		Path file = Files.createTempFile(home, "macro", ".ijm");
		Files.write(file, macro.getBytes(StandardCharsets.UTF_8));
		List<String> cmd = new ArrayList<>();
		cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
		cmd.add("--add-opens=java.base/java.nio=ALL-UNNAMED");
		cmd.add("-Dai.djl.offline=true");
		cmd.add("-Xmx1g");
		cmd.add("-jar");
		cmd.add(ijJar.toString());
		cmd.add("-ijpath");
		cmd.add(home.toString());
		cmd.add("-batch");
		cmd.add(file.toString());
		if (arg != null) cmd.add(arg);
		Path log = Files.createTempFile(home, "output", ".txt");
		Process process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		boolean finished = process.waitFor(5, TimeUnit.MINUTES);
		if (!finished) process.destroyForcibly().waitFor();
		String out = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
		return new Result(finished ? process.exitValue() : -1, finished ? out : out + "\n[killed after 5 minutes]");
	}

	static final class Result {
		final int exitCode;
		final String output;

		Result(int exitCode, String output) {
			this.exitCode = exitCode;
			this.output = output;
		}

		@Override
		public String toString() {
			return "exit " + exitCode + ":\n" + output;
		}
	}
}
