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

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One row of {@code summary.json} / {@code summary.csv}: a group of questions with its pooled accuracy and basic-
 * bootstrap 95% CI. Count-only rows ({@code skipped/<reason>}, {@code unparseable}) carry just {@code group} and
 * {@code n}. Accuracy and CI are fractions in [0, 1].
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "group", "n", "correct", "accuracy", "ci_low", "ci_high", "half_width", "chance" })
public final class GroupResult {
	@JsonProperty("group")
	public String group;
	/** Questions in the group (for macro groups: the questions of all averaged parts). */
	@JsonProperty("n")
	public long n;
	/** Correct answers (pooled groups only; null for macro and count-only rows). */
	@JsonProperty("correct")
	public Long correct;
	@JsonProperty("accuracy")
	public Double accuracy;
	@JsonProperty("ci_low")
	public Double ciLow;
	@JsonProperty("ci_high")
	public Double ciHigh;
	/** The paper's "±": accuracy − (2.5th percentile of the bootstrap means). */
	@JsonProperty("half_width")
	public Double halfWidth;
	/** Expected accuracy of guessing uniformly: mean over questions of 1 / number of options. */
	@JsonProperty("chance")
	public Double chance;

	public GroupResult() {}

	static GroupResult countOnly(String group, long n) {
		GroupResult g = new GroupResult();
		g.group = group;
		g.n = n;
		return g;
	}

	/** True for rows that carry an accuracy. */
	public boolean hasAccuracy() {
		return accuracy != null;
	}

	@Override
	public String toString() {
		return group + " n=" + n + (accuracy == null ? "" : " acc=" + accuracy + " ±" + halfWidth);
	}
}
