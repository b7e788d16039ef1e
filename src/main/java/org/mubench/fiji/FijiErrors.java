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

import java.awt.GraphicsEnvironment;
import java.lang.reflect.Field;

import org.mubench.base.Fix;
import org.mubench.base.FixableException;
import org.mubench.base.Messages;
import org.mubench.base.PipelineError;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;

import ij.IJ;
import ij.macro.Interpreter;

/**
 * How a Fiji user hears about a failure: one line, the fix in the words of the dialog (its field labels, read from the
 * commands' {@code @Parameter}s) or of the macro functions; in the GUI a dialog, in a macro or headless one log line
 * after which the macro stops — never a stack trace or an Exception window.
 */
public final class FijiErrors {
	static final String TITLE = "Micro-Bench";

	private FijiErrors() {}

	/** The label of a command's {@code @Parameter} field, so that messages name the field the user sees. */
	static String label(Class<?> command, String field) {
		try {
			Field f = command.getDeclaredField(field);
			Parameter p = f.getAnnotation(Parameter.class);
			return p != null && !p.label().isEmpty() ? p.label() : field;
		}
		catch (NoSuchFieldException e) {
			throw new IllegalStateException(command.getSimpleName() + " has no parameter " + field, e);
		}
	}

	/** A fix in Fiji's words: dialog fields (with their macro keys) or, for the macro extensions, Ext.setOption. */
	static String phrase(Fix fix, boolean macroExtension) {
		switch (fix) {
			case RESUME_OR_OTHER_OUTPUT:
				return macroExtension
					? "call Ext.setOption(\"resume\", \"true\") to continue that run, or give another output folder"
					: "tick \"" + label(RunBenchmarkCommand.class, "resume") + "\" (resume in a macro) to continue that run, "
						+ "or choose another \"" + label(RunBenchmarkCommand.class, "out") + "\"";
			case RESUME_TO_CONTINUE:
				return macroExtension ? "call Ext.setOption(\"resume\", \"true\") and run again to continue"
					: "run again with \"" + label(RunBenchmarkCommand.class, "resume") + "\" ticked (resume in a macro) "
						+ "to continue";
			case OPEN_JAVA_NIO:
				return "start Fiji with the Java option --add-opens=java.base/java.nio=ALL-UNNAMED (Fiji's launcher: "
					+ "ImageJ-linux64 --add-opens=java.base/java.nio=ALL-UNNAMED --, or a newer Fiji, which adds it)";
			case UPDATE_INSTALLATION:
				return "update Fiji and the Micro-Bench site (Help > Update...)";
			default:
				return fix.neutral;
		}
	}

	/** The one line for {@code t}: a fixable problem's reason and fix, else the deepest message. */
	public static String line(Throwable t, boolean macroExtension) {
		FixableException f = FixableException.find(t);
		if (f != null) return TITLE + ": " + f.reason().replace('\n', ' ') + ": " + phrase(f.fix(), macroExtension);
		Throwable c = t;
		// Skip wrappers that only repeat their cause (ExecutionException, RuntimeException(cause), …).
		while (c.getCause() != null && c.getCause() != c && (c.getMessage() == null || c.getMessage().isEmpty()
			|| c.getMessage().equals(c.getCause().toString())))
			c = c.getCause();
		// A bare Error (a class missing from this Fiji, no memory) is not self-explanatory by its message alone.
		String text = c instanceof Error && !(c instanceof PipelineError) ? PipelineError.describe(c) : Messages.oneLine(c);
		return TITLE + ": " + text;
	}

	/**
	 * Runs a command's body after the first-use check; any failure becomes one line (a dialog, or a log line that
	 * stops the macro), never an Exception window.
	 */
	static void run(Object command, Runnable body) {
		try {
			FijiEnvironment.check();
			body.run();
		}
		catch (Throwable t) {
			report(t, command);
		}
	}

	/**
	 * Reports a failure of a command: a dialog in the GUI; else one log line, and a running macro stops (as ImageJ's own
	 * commands stop it, through {@link Interpreter#abort()}); a {@link ContextCommand} is also cancelled with the line
	 * as reason, so scripts that run it see why.
	 */
	static void report(Throwable t, Object command) {
		String line = line(t, false);
		if (command instanceof ContextCommand) ((ContextCommand) command).cancel(line);
		show(line);
	}

	/** One line: a dialog in the GUI without a macro, else the log and the macro stops. */
	static void show(String line) {
		boolean macro = Interpreter.getInstance() != null;
		if (!macro && !GraphicsEnvironment.isHeadless() && IJ.getInstance() != null) {
			IJ.error(TITLE, line.startsWith(TITLE + ": ") ? line.substring(TITLE.length() + 2) : line);
			return;
		}
		IJ.log(line);
		if (macro) stopMacro();
	}

	/**
	 * Stops the running macro before its next statement, silently. Not {@link Interpreter#abort()}: called from any
	 * thread but the macro's it waits 2 s and then Thread.stop()s the macro threads, which prints a ThreadDeath trace
	 * in Fiji 2.3.0. The interpreter's own end-of-macro flag does what a user expects: the macro ends after this call.
	 */
	static void stopMacro() {
		Interpreter interp = Interpreter.getInstance();
		if (interp == null) return;
		try {
			Field done = Interpreter.class.getDeclaredField("done");
			done.setAccessible(true);
			done.setBoolean(interp, true);
		}
		catch (ReflectiveOperationException | RuntimeException e) {
			// An ImageJ without that flag: the line is logged, the macro goes on.
		}
	}
}
