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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mubench.base.Fix;
import org.mubench.base.FixableException;
import org.mubench.base.PipelineError;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

/** Errors in Fiji's words: the dialog's field labels (or the macro functions), one line, no flags of the CLI. */
class FijiErrorsTest {
	@Test
	void everyFixIsWordedWithoutCommandLineFlags() {
		for (Fix fix : Fix.values()) {
			for (boolean ext : new boolean[] { false, true }) {
				String line = FijiErrors.line(new FixableException("something", fix), ext);
				assertTrue(line.startsWith("Micro-Bench: something: "), line);
				assertFalse(line.contains("--resume") || line.contains("--out"), line);
			}
		}
		String dialog = FijiErrors.line(new FixableException("/x/predictions.jsonl already holds predictions",
			Fix.RESUME_OR_OTHER_OUTPUT), false);
		assertTrue(dialog.contains("tick \"" + FijiErrors.label(RunBenchmarkCommand.class, "resume") + "\""), dialog);
		assertTrue(dialog.contains("\"" + FijiErrors.label(RunBenchmarkCommand.class, "out") + "\""), dialog);
		assertTrue(FijiErrors.line(new FixableException("x", Fix.RESUME_OR_OTHER_OUTPUT), true)
			.contains("Ext.setOption(\"resume\", \"true\")"));
	}

	@Test
	void bareErrorsNameTheirClassAndWrappedOnesTheirCause() {
		assertEquals("Micro-Bench: NoClassDefFoundError: a/B", FijiErrors.line(new NoClassDefFoundError("a/B"), false));
		assertEquals("Micro-Bench: The reader thread failed: OutOfMemoryError",
			FijiErrors.line(new RuntimeException(PipelineError.of("The reader thread", new OutOfMemoryError())), false));
	}

	@Test
	void runIntoAFolderWithPredictionsCancelsWithOneLineNamingIt(@TempDir Path out) throws Exception {
		try (Context context = new Context()) {
			CommandService commands = context.service(CommandService.class);
			Object[] inputs = { "api_key_file", null, "dataset", new File("demo/ubench-demo"), "model", "random",
				"tasks", "coarse,fine", "device", "cpu", "out", out.toFile(), "resume", false, "limit", 4L };
			CommandModule first = commands.run(RunBenchmarkCommand.class, true, inputs).get();
			assertFalse(first.isCanceled(), first.getCancelReason());
			CommandModule again = commands.run(RunBenchmarkCommand.class, true, inputs).get();
			assertTrue(again.isCanceled());
			String reason = again.getCancelReason();
			assertFalse(reason.contains("\n"), reason);
			assertTrue(reason.contains(out.resolve("predictions.jsonl").toString()), reason);
			assertTrue(reason.contains("tick \"Resume an interrupted run\""), reason);
		}
	}

	@Test
	void versionsCompareAsImageJAndMavenNumberThem() {
		assertTrue(FijiEnvironment.compare("1.53f", "1.53f") == 0);
		assertTrue(FijiEnvironment.compare("1.53e", "1.53f") < 0);
		assertTrue(FijiEnvironment.compare("1.54g", "1.53f") > 0);
		assertTrue(FijiEnvironment.compare("1.52", "1.53f") < 0);
		assertTrue(FijiEnvironment.compare("2.12.5", "2.12") > 0);
		assertTrue(FijiEnvironment.compare("2.9.10", "2.12") < 0);
		FijiEnvironment.check(); // the build's own libraries pass
	}
}
