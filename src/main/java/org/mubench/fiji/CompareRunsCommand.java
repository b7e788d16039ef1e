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

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import org.mubench.base.Cancellation;
import org.mubench.eval.compare.ComparisonReport;
import org.mubench.eval.compare.RunComparison;
import org.mubench.eval.score.Bootstrap;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.ui.UIService;

import ij.IJ;
import ij.ImagePlus;
import ij.measure.ResultsTable;

/**
 * Plugins › Micro-Bench › Compare Runs…: the comparison of {@code mubench compare} (paired differences, Table 1,
 * confusion matrices, comparison.html) for run folders given one per line or separated by {@code ;}. In the GUI the
 * paired differences open as a table and the difference chart as an image; headless, only the files are written.
 */
@Plugin(type = Command.class, menuPath = "Plugins>Micro-Bench>Compare Runs...", headless = true)
public class CompareRunsCommand extends ContextCommand {
	@Parameter(label = "Run folders (one per line, or separated by ;)", style = "text area")
	private String run_folders;

	@Parameter(label = "Output folder", style = "directory")
	private File out;

	@Parameter(label = "Bootstrap resamples", min = "1")
	private int resamples = Bootstrap.DEFAULT_RESAMPLES;

	@Parameter(label = "Seed")
	private long seed = 0;

	@Parameter
	private StatusService status;

	@Parameter
	private LogService log;

	@Parameter(required = false)
	private UIService ui;

	private final Cancellation cancellation = new Cancellation();

	/** The folders named in the Run folders field. */
	static List<Path> folders(String field) {
		List<Path> out = new ArrayList<>();
		if (field == null) return out;
		for (String part : field.split("[;\\r\\n]+")) {
			String t = part.trim();
			if (!t.isEmpty()) out.add(Paths.get(t));
		}
		return out;
	}

	@Override
	public void run() {
		FijiErrors.run(this, this::execute);
	}

	private void execute() {
		RunComparison.Options o = new RunComparison.Options();
		o.runs.addAll(folders(run_folders));
		if (o.runs.size() < 2)
			throw new IllegalArgumentException("Run folders: give at least two run folders (one per line), got " + o.runs.size());
		o.resamples = resamples;
		o.seed = seed;
		RunComparison.Result r;
		try {
			r = RunComparison.compare(o, new FijiProgress(status, log), cancellation);
			ComparisonReport.write(r, out.toPath());
		}
		catch (CancellationException e) {
			cancel("Comparison cancelled");
			return;
		}
		catch (IOException | IllegalArgumentException e) {
			// One line naming the dialog field (FijiErrors shows it as a dialog, or a log line that stops the macro).
			throw new IllegalArgumentException("Run folders: " + e.getMessage(), e);
		}
		for (String n : r.notes)
			log.warn(n);
		// The path goes to the log and status bar, not into an output window (as the other Micro-Bench commands).
		String report = out.toPath().resolve(ComparisonReport.HTML).toString();
		log.info("Micro-Bench comparison: " + report);
		status.showStatus("Micro-Bench comparison: " + report);
		if (Results.headless(ui)) return;
		ResultsTable t = new ResultsTable();
		for (RunComparison.Pair p : r.pairs) {
			if (!RunComparison.HEADLINE_GROUPS.contains(p.group)) continue;
			t.incrementCounter();
			t.addValue("group", p.group);
			t.addValue("a", p.a);
			t.addValue("b", p.b);
			t.addValue("n", p.n);
			t.addValue("diff_pp", 100 * p.diff);
			t.addValue("ci_low_pp", 100 * p.ciLow);
			t.addValue("ci_high_pp", 100 * p.ciHigh);
			t.addValue("p_value", p.pValue);
			t.addValue("p_holm", p.pHolm);
		}
		t.show("Micro-Bench paired differences");
		ImagePlus chart = IJ.openImage(out.toPath().resolve("charts").resolve("differences.png").toString());
		if (chart != null) chart.show();
	}
}
