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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mubench.eval.Prediction;
import org.mubench.eval.journal.PredictionsFile;
import org.mubench.eval.report.ReportOptions;
import org.mubench.eval.report.RunReports;
import org.mubench.eval.score.SyntheticPredictions;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

/** Compare Runs… through a real SciJava context, headless as in a macro on a cluster. */
class CompareRunsCommandTest {
	@TempDir
	Path tmp;

	private Path run(String name, long seed) throws IOException {
		List<Prediction> p = SyntheticPredictions.make(21, seed, 1);
		Path dir = tmp.resolve(name);
		Files.createDirectories(dir);
		PredictionsFile.write(dir.resolve(PredictionsFile.FILE_NAME), p);
		ReportOptions o = new ReportOptions();
		o.resamples = 99;
		o.chart = false;
		o.model = name;
		RunReports.write(p, dir, o);
		return dir;
	}

	@Test
	void comparesFoldersGivenOnePerLine() throws Exception {
		Path a = run("a", 1), b = run("b", 2);
		Path out = tmp.resolve("cmp");
		try (Context context = new Context()) {
			CommandService commands = context.service(CommandService.class);
			CommandInfo info = commands.getCommand(CompareRunsCommand.class.getName());
			assertEquals("Plugins > Micro-Bench > Compare Runs...", info.getMenuPath().getMenuString());
			info.inputs().forEach(i -> assertEquals(i.getName().toLowerCase(), i.getName(), "snake_case macro keys"));
			CommandModule m = commands.run(CompareRunsCommand.class, true, "run_folders", a + "\n" + b + "\n",
				"out", out.toFile(), "resamples", 199, "seed", 0L).get();
			assertFalse(m.isCanceled(), () -> m.getCancelReason());
			assertTrue(Files.isRegularFile(out.resolve("comparison.html")));
			assertTrue(Files.isRegularFile(out.resolve("comparison.json")));
			CommandModule one = commands.run(CompareRunsCommand.class, true, "run_folders", a.toString(), "out",
				out.toFile(), "resamples", 199, "seed", 0L).get();
			assertTrue(one.isCanceled());
			assertTrue(one.getCancelReason().contains("Run folders: give at least two"), one.getCancelReason());
			CommandModule missing = commands.run(CompareRunsCommand.class, true, "run_folders",
				a + ";" + tmp.resolve("nope"), "out", out.toFile(), "resamples", 199, "seed", 0L).get();
			assertTrue(missing.isCanceled());
			assertTrue(missing.getCancelReason().contains("nope"), missing.getCancelReason());
		}
	}

	@Test
	void foldersFieldSplitsOnLinesAndSemicolons() {
		assertEquals(3, CompareRunsCommand.folders(" /x/a ;/x/b\r\n\n/x/c ").size());
		assertEquals(0, CompareRunsCommand.folders("  ").size());
	}
}
