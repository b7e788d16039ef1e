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
package org.mubench.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.mubench.eval.compare.ComparisonReport;
import org.mubench.eval.compare.RunComparison;
import org.mubench.eval.score.Bootstrap;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code mubench compare}: the paper's table for several runs, paired significance and error analysis. */
@Command(name = "compare", mixinStandardHelpOptions = true,
	description = { "Compare runs question by question: Table 1 across runs, paired differences in accuracy with a " +
		"paired bootstrap CI, exact McNemar p-values and Holm's correction, and confusion matrices per task.",
		"Writes OUT/comparison.json, comparison.csv, table.csv, confusion.csv, most_confused.csv, charts/ and " +
			"comparison.html (self-contained)." })
final class CompareCommand implements Callable<Integer> {
	@Spec
	CommandSpec spec;

	@Option(names = "--runs", required = true, arity = "2..*", paramLabel = "DIR",
		description = "Two or more run folders (each with predictions.jsonl; summary.json is used when present).")
	List<Path> runs;

	@Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the comparison.")
	Path out;

	@Option(names = "--resamples", defaultValue = "" + Bootstrap.DEFAULT_RESAMPLES,
		description = "Bootstrap resamples of the paired CIs (default: ${DEFAULT-VALUE}, as the scorer).")
	int resamples;

	@Option(names = "--seed", defaultValue = "0", description = "Bootstrap seed (default: ${DEFAULT-VALUE}).")
	long seed;

	@Override
	public Integer call() throws IOException {
		if (resamples < 1)
			throw new ParameterException(spec.commandLine(), "--resamples must be at least 1, got " + resamples);
		RunComparison.Options o = new RunComparison.Options();
		o.runs.addAll(runs);
		o.resamples = resamples;
		o.seed = seed;
		TerminalProgress progress = TerminalProgress.forTerminal(spec.commandLine().getErr(), false, "pairs");
		RunComparison.Result r = RunComparison.compare(o, progress, null);
		ComparisonReport.write(r, out);
		java.io.PrintWriter w = spec.commandLine().getOut();
		for (String n : r.notes)
			spec.commandLine().getErr().println("note: " + n);
		for (RunComparison.Pair p : r.pairs)
			if (RunComparison.HEADLINE_GROUPS.contains(p.group))
				w.println(String.format(Locale.ROOT, "%s: %s − %s = %+.2f pp [%+.2f, %+.2f], p = %.3g, Holm %.3g (n = %d)",
					p.group, p.b, p.a, 100 * p.diff, 100 * p.ciLow, 100 * p.ciHigh, p.pValue, p.pHolm, p.n));
		w.println("report: " + out.resolve(ComparisonReport.HTML));
		w.flush();
		return 0;
	}
}
