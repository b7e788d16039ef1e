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
package org.mubench.eval.score;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.mubench.base.Json;

/** The content of {@code summary.json}: every number the reports show. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "model", "run", "resamples", "seed", "confidence_level", "templates", "default_template",
	"unparseable", "groups" })
public final class Summary {
	private static final ObjectMapper MAPPER = Json.LENIENT;

	@JsonProperty("model")
	public String model;
	/** Free-form information from the runner (request parameters, token usage, timings…). */
	@JsonProperty("run")
	public Map<String, Object> run = new LinkedHashMap<>();
	@JsonProperty("resamples")
	public int resamples;
	@JsonProperty("seed")
	public long seed;
	@JsonProperty("confidence_level")
	public double confidenceLevel;
	/** Caption templates found in the predictions (empty for generative runs). */
	@JsonProperty("templates")
	public List<Integer> templates = new ArrayList<>();
	/** The template reported without a suffix when several are present (1, the paper's), else null. */
	@JsonProperty("default_template")
	public Integer defaultTemplate;
	/** Generative answers in which no option could be read ({@code pred_idx} −1 with a reply); counted as wrong. */
	@JsonProperty("unparseable")
	public long unparseable;
	@JsonProperty("groups")
	public List<GroupResult> groups = new ArrayList<>();

	/** The row of a group, or null. */
	public GroupResult group(String name) {
		for (GroupResult g : groups)
			if (g.group.equals(name)) return g;
		return null;
	}

	/** Accuracy of a group in [0, 1], or NaN when the group is absent or count-only. */
	public double accuracy(String name) {
		GroupResult g = group(name);
		return g == null || g.accuracy == null ? Double.NaN : g.accuracy;
	}

	public static Summary read(Path summaryJson) throws IOException {
		if (!Files.isRegularFile(summaryJson))
			throw new IOException(summaryJson + ": no such summary; run `mubench score` to create it");
		try {
			return MAPPER.readValue(summaryJson.toFile(), Summary.class);
		}
		catch (IOException e) {
			throw new IOException(summaryJson + ": not a valid summary.json (" + e.getMessage().split("\n")[0] + ")", e);
		}
	}

	public void write(Path summaryJson) throws IOException {
		MAPPER.writerWithDefaultPrettyPrinter().writeValue(summaryJson.toFile(), this);
	}

	public String toJson() throws IOException {
		return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(this);
	}
}
