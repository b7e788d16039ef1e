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

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.mubench.base.Json;
import org.mubench.base.Messages;
import org.mubench.eval.detect.Box;
import org.mubench.eval.detect.Grit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mubench grit --input FILE.jsonl}: the GRIT localisation metric on its own. */
@Command(name = "grit", mixinStandardHelpOptions = true,
	description = { "Score box lists with μ-Bench's GRIT localisation metric.",
		"Each input line: {\"id\": …, \"pred\": [[x1,y1,x2,y2],…], \"gt\": [[x1,y1,x2,y2],…]} (pixels).",
		"Prints {\"id\": …, \"score\": …} per line, then {\"mean\": …, \"n\": …}. Bad lines are reported on stderr "
			+ "and skipped; the exit code is then 1." })
public final class GritCommand implements Callable<Integer> {
	@Option(names = "--input", required = true, paramLabel = "FILE", description = "JSON-lines file ('-' = standard input).")
	String input;

	@Spec
	CommandSpec spec;

	private static final ObjectMapper JSON = Json.MAPPER;

	@Override
	public Integer call() throws IOException {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		BufferedReader reader;
		if (input.equals("-")) reader = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		else {
			try {
				reader = Files.newBufferedReader(Path.of(input), StandardCharsets.UTF_8);
			}
			catch (NoSuchFileException e) {
				throw new IllegalArgumentException(input + ": no such file; give a JSON-lines file of {\"id\", \"pred\", \"gt\"}");
			}
		}
		int bad = 0, n = 0, lineNo = 0;
		double sum = 0;
		try (BufferedReader r = reader) {
			String line;
			while ((line = r.readLine()) != null) {
				lineNo++;
				if (line.trim().isEmpty()) continue;
				try {
					JsonNode node = JSON.readTree(line);
					if (node == null || !node.isObject()) throw new IllegalArgumentException("not a JSON object");
					double score = Grit.score(boxes(node, "pred"), boxes(node, "gt"));
					ObjectNode o = JSON.createObjectNode();
					o.set("id", node.has("id") ? node.get("id") : JSON.nullNode());
					o.put("score", score);
					out.println(JSON.writeValueAsString(o));
					sum += score;
					n++;
				}
				catch (IllegalArgumentException | IOException e) {
					bad++;
					err.println(input + " line " + lineNo + ": " + Messages.firstLine(e) + " (skipped)");
				}
			}
		}
		ObjectNode total = JSON.createObjectNode();
		if (n > 0) total.put("mean", sum / n);
		else total.putNull("mean");
		total.put("n", n);
		total.put("bad_lines", bad);
		out.println(JSON.writeValueAsString(total));
		out.flush();
		err.flush();
		if (bad > 0) throw new IllegalArgumentException(bad + " of " + (n + bad) + " lines of " + input
			+ " could not be scored; fix them (see the messages above)");
		return 0;
	}

	private static List<Box> boxes(JsonNode node, String key) {
		JsonNode list = node.get(key);
		if (list == null || list.isNull())
			throw new IllegalArgumentException("\"" + key + "\" is missing: give a list of [x1,y1,x2,y2] boxes ([] for none)");
		if (!list.isArray()) throw new IllegalArgumentException("\"" + key + "\" is not a list of boxes");
		List<Box> out = new ArrayList<>();
		int i = 0;
		for (JsonNode b : list) {
			if (!b.isArray() || b.size() != 4)
				throw new IllegalArgumentException("\"" + key + "\"[" + i + "] is not a box of 4 numbers [x1,y1,x2,y2]");
			double[] v = new double[4];
			for (int k = 0; k < 4; k++) {
				if (!b.get(k).isNumber() || !Double.isFinite(b.get(k).asDouble()))
					throw new IllegalArgumentException("\"" + key + "\"[" + i + "] holds a value that is not a finite number");
				v[k] = b.get(k).asDouble();
			}
			out.add(Box.of(v));
			i++;
		}
		return out;
	}
}
