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
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;

import org.mubench.base.Json;
import org.mubench.base.Cancellation;
import org.mubench.data.Dataset;
import org.mubench.data.DatasetSummary;
import org.mubench.base.ProgressListener;
import org.mubench.data.arrow.ArrowDataset;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mubench info --dataset DIR [--json]}: rows, rows per dataset, questions per type, captions per key. */
@Command(name = "info", mixinStandardHelpOptions = true,
	description = { "Count the rows of a dataset, its rows per source dataset, and its non-null questions and captions "
		+ "per type.", "DIR holds the release's *.arrow shards (or perception/0.1.0/ with them), or images with a "
		+ "manifest.jsonl / manifest.csv." })
final class InfoCommand implements Callable<Integer> {
	@Option(names = "--dataset", required = true, paramLabel = "DIR", description = "The dataset folder.")
	Path dataset;

	@Option(names = "--json", description = "Print one JSON object with keys rows, datasets, questions, captions.")
	boolean json;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() throws Exception {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		Dataset d = Dataset.open(dataset);
		OptionalLong declared = d instanceof ArrowDataset ? ((ArrowDataset) d).declaredRows() : OptionalLong.empty();
		TerminalProgress progress = TerminalProgress.forTerminal(err, false, "rows");
		DatasetSummary s;
		try {
			s = DatasetSummary.of(d, declared.orElse(-1), new ProgressListener() {
				@Override
				public void progress(long done, long total, String message) {
					progress.progress(done, total, message);
				}

				@Override
				public void log(String message) {
					progress.log("warning: " + message);
				}
			}, Cancellation.NEVER);
		}
		finally {
			progress.finish();
		}
		if (declared.isPresent() && declared.getAsLong() != s.rows)
			err.println("warning: " + d.location().resolve("dataset_info.json") + " declares " + declared.getAsLong() +
				" rows but the shards hold " + s.rows + "; a shard may be missing or cut short");
		if (s.missingImages > 0) err.println("warning: " + s.missingImages + " row(s) have no image bytes");
		err.flush();
		if (json) out.println(toJson(s));
		else print(out, d, s);
		out.flush();
		return 0;
	}

	static String toJson(DatasetSummary s) throws Exception {
		ObjectMapper m = Json.MAPPER;
		ObjectNode o = m.createObjectNode();
		o.put("rows", s.rows);
		o.set("datasets", m.valueToTree(s.datasets));
		o.set("questions", m.valueToTree(s.questions));
		o.set("captions", m.valueToTree(s.captions));
		return m.writeValueAsString(o);
	}

	private static void print(PrintWriter out, Dataset d, DatasetSummary s) {
		out.println("dataset: " + d.location());
		out.println("rows: " + s.rows);
		if (!d.labelNames().isEmpty()) out.println("label classes: " + d.labelNames().size());
		table(out, "datasets (" + s.datasets.size() + ")", s.datasets);
		table(out, "questions", s.questions);
		table(out, "captions", s.captions);
	}

	private static void table(PrintWriter out, String title, Map<String, Long> counts) {
		out.println(title + ":");
		int w = 0;
		for (String k : counts.keySet()) w = Math.max(w, k.length());
		for (Map.Entry<String, Long> e : counts.entrySet())
			out.println(String.format("  %-" + w + "s  %d", e.getKey(), e.getValue()));
		if (counts.isEmpty()) out.println("  (none)");
	}
}
