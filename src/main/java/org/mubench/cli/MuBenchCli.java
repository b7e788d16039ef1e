package org.mubench.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.mubench.data.Messages;

/**
 * The {@code mubench} command line: {@code java -jar mubench.jar <command> …}. Exit codes: 0 success, 2 bad usage,
 * 1 failure. Failures print one line (the exception's message) unless {@code --debug} is given.
 */
@Command(name = "mubench", mixinStandardHelpOptions = true, versionProvider = MuBenchCli.Version.class,
	description = "Micro-Bench: benchmark vision-language models on microscopy images.",
	subcommands = { CommandLine.HelpCommand.class, GritCommand.class, DetectCommand.class, InfoCommand.class, MakeTinyModelCommand.class, MergeCommand.class, SweepCommand.class, ClassifyCommand.class, ScoreCommand.class, MergeRunsCommand.class, RunCommand.class, DownloadCommand.class, BenchCommand.class })
public final class MuBenchCli implements Callable<Integer> {

	@Option(names = "--debug", description = "Print stack traces on failure.", scope = CommandLine.ScopeType.INHERIT)
	boolean debug;

	@Override
	public Integer call() {
		new CommandLine(this).usage(System.out);
		return 2;
	}

	public static void main(String[] args) {
		System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
	}

	/** Runs the command line and returns its exit code; used by {@link #main} and by tests. */
	public static int execute(String[] args, PrintWriter out, PrintWriter err) {
		Runtime.configure();
		boolean debug = java.util.Arrays.asList(args).contains("--debug");
		CommandLine cli = new CommandLine(new MuBenchCli());
		cli.setOut(out);
		cli.setErr(err);
		cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
			if (debug) e.printStackTrace(err);
			else err.println("error: " + oneLine(e));
			err.flush();
			return 1;
		});
		// A usage error: its one line and where the options are, not the whole help (which would scroll the error away).
		cli.setParameterExceptionHandler((e, arguments) -> {
			CommandLine c = e.getCommandLine();
			PrintWriter w = c.getErr();
			if (debug) e.printStackTrace(w);
			w.println("error: " + Messages.oneLine(e));
			CommandLine.UnmatchedArgumentException.printSuggestions(e, w);
			w.println("See '" + c.getCommandSpec().qualifiedName() + " --help' for the options.");
			w.flush();
			return 2;
		});
		return cli.execute(args);
	}

	/** The message of the deepest cause that has one, on one line. */
	static String oneLine(Throwable e) {
		Throwable t = e;
		String message = t.getMessage();
		while ((message == null || message.isEmpty()) && t.getCause() != null) {
			t = t.getCause();
			message = t.getMessage();
		}
		return Messages.oneLine(t);
	}

	static final class Version implements CommandLine.IVersionProvider {
		@Override
		public String[] getVersion() {
			String v = MuBenchCli.class.getPackage().getImplementationVersion();
			return new String[] { "mubench " + (v == null ? "dev" : v) };
		}
	}
}
