package org.mubench.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import picocli.CommandLine;

/** The one rule for commands that write into {@code --out}: never replace earlier results unless {@code --force} is given. */
final class OutputFolder {
	private OutputFolder() {}

	/**
	 * Refuses (a usage error) when {@code out} is a file or a non-empty folder and {@code force} is false.
	 *
	 * @param option the option naming the output, e.g. {@code --out}
	 */
	static void refuseOverwrite(CommandLine cli, String option, Path out, boolean force) {
		if (force || out == null || !Files.exists(out)) return;
		if (Files.isDirectory(out) && isEmpty(out)) return;
		throw new CommandLine.ParameterException(cli, option + " " + out + " already exists"
			+ (Files.isDirectory(out) ? " and is not empty" : "") + "; add --force to replace it, or choose another " + option);
	}

	private static boolean isEmpty(Path dir) {
		try (Stream<Path> s = Files.list(dir)) {
			return !s.findAny().isPresent();
		}
		catch (IOException e) {
			throw new UncheckedIOException(dir + ": cannot list (" + e.getMessage() + ")", e);
		}
	}
}
