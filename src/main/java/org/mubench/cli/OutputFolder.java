package org.mubench.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import picocli.CommandLine;

/** The one rule for commands that write into {@code --out}: never replace earlier results unless {@code --force} is given. */
final class OutputFolder {
	private OutputFolder() {}

	/** The files {@code RunReports.write} puts into a folder. */
	static final String[] REPORTS = { org.mubench.eval.report.RunReports.SUMMARY_JSON,
		org.mubench.eval.report.RunReports.SUMMARY_CSV, org.mubench.eval.report.RunReports.REPORT_MD,
		org.mubench.eval.report.RunReports.ACCURACY_PNG };

	static String[] with(String[] names, String... more) {
		String[] all = java.util.Arrays.copyOf(names, names.length + more.length);
		System.arraycopy(more, 0, all, names.length, more.length);
		return all;
	}

	/**
	 * Refuses (a usage error) to replace results without {@code force}: when any of {@code files} (names inside the
	 * folder) exists, or, with no names given, when {@code out} is a file or a non-empty folder.
	 *
	 * @param option the option naming the output, e.g. {@code --out}
	 */
	static void refuseOverwrite(CommandLine cli, String option, Path out, boolean force, String... files) {
		if (force || out == null || !Files.exists(out)) return;
		String what;
		if (files.length > 0 && Files.isDirectory(out)) {
			List<String> there = new ArrayList<>();
			for (String f : files) if (Files.exists(out.resolve(f))) there.add(f);
			if (there.isEmpty()) return;
			what = " already holds " + String.join(", ", there);
		}
		else if (Files.isDirectory(out)) {
			if (isEmpty(out)) return;
			what = " already exists and is not empty";
		}
		else what = " already exists";
		throw new CommandLine.ParameterException(cli, option + " " + out + what
			+ "; add --force to replace it, or choose another " + option);
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
