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

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.mubench.eval.score.Bootstrap;
import org.mubench.eval.sweep.WeightSweep;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sweep}: merge a fine-tuned model with its base at several α and benchmark each (the forgetting analysis). */
@Command(name = "sweep", mixinStandardHelpOptions = true,
	description = { "Merge base and fine-tuned weights at each alpha, benchmark every merged model, and report coarse, fine",
		"and pathology accuracy with 95%% CIs per alpha (OUT/sweep.csv, sweep.json, sweep.png) and the alpha with the best",
		"Micro-Bench mean (mean of coarse and fine accuracy). Re-running the same command continues an interrupted sweep." })
public final class SweepCommand implements Callable<Integer> {
	@Spec
	CommandSpec spec;

	@Option(names = "--base", required = true, description = "Base model folder.")
	Path base;

	@Option(names = "--finetuned", required = true, description = "Fine-tuned model folder (same architecture).")
	Path finetuned;

	@Option(names = "--alphas", required = true,
		description = "Comma-separated alphas; 'a,b,...,z' expands the progression (e.g. 0,0.2,...,1).")
	String alphas;

	@Option(names = "--dataset", required = true, description = "Dataset folder (uBench release shards).")
	Path dataset;

	@Option(names = "--out", required = true, description = "Output folder.")
	Path out;

	@Option(names = "--tasks", split = ",", description = "Task selectors: coarse, fine, cognition or task names (default: all).")
	List<String> tasks = new ArrayList<>();

	@Option(names = "--datasets", split = ",", description = "Source datasets to keep (default: all).")
	List<String> datasets = new ArrayList<>();

	@Option(names = "--limit", defaultValue = "0", description = "At most this many rows per alpha (default: all).")
	long limit;

	@Option(names = "--batch-size", defaultValue = "16", description = "Images per batch (default: ${DEFAULT-VALUE}).")
	int batchSize;

	@Option(names = "--device", defaultValue = "auto", description = "auto, cpu, gpu or gpu:N (default: ${DEFAULT-VALUE}).")
	String device;

	@Option(names = "--threads", defaultValue = "0", description = "Inference threads; 0 = all cores.")
	int threads;

	@Option(names = "--resamples", defaultValue = "" + Bootstrap.DEFAULT_RESAMPLES, description = "Bootstrap resamples for the CIs (default: ${DEFAULT-VALUE}).")
	int resamples;

	@Option(names = "--seed", defaultValue = "0", description = "Bootstrap seed (default: ${DEFAULT-VALUE}).")
	long seed;

	@Option(names = "--allow-extrapolation", description = "Allow alphas outside [0, 1].")
	boolean allowExtrapolation;

	@Option(names = "--delete-models", description = "Delete each merged model after its run (saves disk space).")
	boolean deleteModels;

	@Override
	public Integer call() throws Exception {
		PrintWriter err = spec.commandLine().getErr();
		RunCommand.checkTaskSelectors(spec.commandLine(), tasks);
		RunCommand.checkSourceDatasets(spec.commandLine(), dataset, datasets);
		WeightSweep.Options o = new WeightSweep.Options();
		o.base = base;
		o.finetuned = finetuned;
		o.dataset = dataset;
		o.out = out;
		o.alphas = WeightSweep.parseAlphas(alphas);
		o.allowExtrapolation = allowExtrapolation;
		o.run.tasks = tasks;
		o.run.datasets = datasets;
		o.run.limit = limit;
		o.run.batchSize = batchSize;
		o.model.batchSize = batchSize;
		o.model.device = device;
		o.model.threads = threads;
		o.resamples = resamples;
		o.seed = seed;
		o.deleteModels = deleteModels;
		TerminalProgress progress = TerminalProgress.forTerminal(err, false, "images");
		o.model.listener = progress;
		WeightSweep.Result r;
		try {
			r = WeightSweep.run(o, progress, null);
		} finally {
			progress.finish();
		}
		PrintWriter w = spec.commandLine().getOut();
		// The columns are the paper totals when the sweep has them, and their headers say which group they show.
		String coarse = column(r, "coarse_paper", "coarse");
		String fine = column(r, "fine_paper", "fine");
		w.println(String.format(Locale.ROOT, "%-8s %-13s %-11s %-10s %s", "alpha", coarse, fine, "pathology", "mubench-mean"));
		for (WeightSweep.Point p : r.points)
			w.println(String.format(Locale.ROOT, "%-8s %-13s %-11s %-10s %s", WeightSweep.folderName(p.alpha).substring(6),
				pct(p, coarse), pct(p, fine), pct(p, "pathology"),
				Double.isNaN(p.mubenchMean) ? "-" : String.format(Locale.ROOT, "%.2f", 100 * p.mubenchMean)));
		if (r.bestAlpha != null)
			w.println(String.format(Locale.ROOT, "best alpha: %s (mubench mean %.2f%%)", WeightSweep.folderName(r.bestAlpha).substring(6),
				100 * r.bestMean));
		w.println("wrote " + r.csv + ", " + r.json + ", " + r.png);
		if (r.comparisonHtml != null)
			w.println("paired comparison of each alpha with the base and the fine-tuned model: " + r.comparisonHtml);
		return 0;
	}

	private static String pct(WeightSweep.Point p, String group) {
		return p.groups.containsKey(group) ? String.format(Locale.ROOT, "%.2f", 100 * p.groups.get(group).accuracy) : "-";
	}

	/** {@code paper} when any point of the sweep has that group, else the all-rows group {@code plain}. */
	private static String column(WeightSweep.Result r, String paper, String plain) {
		for (WeightSweep.Point p : r.points)
			if (p.groups.containsKey(paper)) return paper;
		return plain;
	}
}
