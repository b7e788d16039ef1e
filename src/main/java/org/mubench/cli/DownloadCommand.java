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
import java.util.concurrent.Callable;

import org.mubench.base.Cancellation;
import org.mubench.data.download.DownloadPlan;
import org.mubench.data.download.HttpDownloader;
import org.mubench.data.download.UbenchRelease;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code mubench download --dataset ubench --to DIR} or {@code mubench download --model hf:OWNER/NAME --to DIR}:
 * resumable, checksum-verified downloads with a progress bar. The only command that uses the network.
 */
@Command(name = "download", mixinStandardHelpOptions = true,
	description = { "Download the μ-Bench release (7 shards + dataset_info.json of the pinned revision, SHA-256 "
		+ "verified) or the files of a CLIP-style ONNX export from the Hugging Face hub.",
		"Interrupted downloads resume where they stopped when the command is run again." })
final class DownloadCommand implements Callable<Integer> {
	static final class What {
		@Option(names = "--dataset", paramLabel = "NAME", description = "Dataset to fetch: ubench.")
		String dataset;

		@Option(names = "--model", paramLabel = "hf:OWNER/NAME",
			description = "ONNX export to fetch (onnx/vision_model.onnx, onnx/text_model.onnx, tokenizer and configs).")
		String model;
	}

	@ArgGroup(exclusive = true, multiplicity = "1")
	What what;

	@Option(names = "--to", required = true, paramLabel = "DIR", description = "Folder to download into.")
	Path to;

	@Option(names = "--revision", paramLabel = "R", defaultValue = "main",
		description = "Model revision (branch, tag or commit); default ${DEFAULT-VALUE}. The dataset revision is pinned.")
	String revision;

	@Option(names = "--base-url", paramLabel = "URL", defaultValue = UbenchRelease.DEFAULT_BASE_URL,
		description = "Hub address (a mirror with the same paths); default ${DEFAULT-VALUE}.")
	String baseUrl;

	@Spec
	CommandSpec spec;

	/** Tests shorten retry pauses. */
	static long retryDelayMillis = 2000;

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		HttpDownloader http = new HttpDownloader().retryDelayMillis(retryDelayMillis);
		DownloadPlan plan;
		if (what.dataset != null) {
			if (!what.dataset.equalsIgnoreCase("ubench"))
				throw new ParameterException(spec.commandLine(), "unknown dataset '" + what.dataset + "' (known: ubench)");
			plan = DownloadPlan.ubench(baseUrl);
		}
		else {
			try {
				plan = DownloadPlan.hfModel(what.model, revision, baseUrl);
			}
			catch (IllegalArgumentException e) {
				throw new ParameterException(spec.commandLine(), e.getMessage());
			}
		}
		DownloadPlan.Estimate estimate = plan.estimate(http, to, out::println);
		String amount = estimate.totalBytes >= 0 ? TerminalProgress.amountOfBytes(estimate.totalBytes) : "an unknown amount";
		out.println("fetching " + estimate.files + " files (" + amount + ") into " + to
			+ (estimate.presentBytes > 0 ? "; " + TerminalProgress.amountOfBytes(estimate.presentBytes) + " already there" : ""));
		out.flush();
		TerminalProgress[] bar = new TerminalProgress[1];
		int fetched = plan.fetch(http, to, () -> {
			if (bar[0] != null) bar[0].finish();
			bar[0] = TerminalProgress.forTerminal(err, true, null);
			return bar[0];
		}, line -> {
			if (bar[0] != null) bar[0].finish();
			out.println(line);
			out.flush();
		}, message -> err.println("error: " + message), Cancellation.NEVER);
		if (bar[0] != null) bar[0].finish();
		out.println("done: " + fetched + " files in " + to);
		return 0;
	}
}
