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
package org.mubench.eval.report;

import java.util.LinkedHashMap;
import java.util.Map;

import org.mubench.eval.score.Bootstrap;

/** What {@link RunReports#write} needs besides the predictions. Fields are public; chain the setters. */
public final class ReportOptions {
	/** Model name for the reports; null takes the most frequent {@code model} of the predictions. */
	public String model;
	/** Bootstrap seed; the same seed gives the same intervals to the last digit. */
	public long seed = 0;
	public int resamples = Bootstrap.DEFAULT_RESAMPLES;
	public double confidence = Bootstrap.DEFAULT_CONFIDENCE;
	/** Free-form run information copied to {@code summary.json} under {@code run}. */
	public final Map<String, Object> run = new LinkedHashMap<>();
	/** Whether to draw {@code accuracy.png}. */
	public boolean chart = true;

	public ReportOptions model(String model) {
		this.model = model;
		return this;
	}

	public ReportOptions seed(long seed) {
		this.seed = seed;
		return this;
	}

	public ReportOptions resamples(int resamples) {
		this.resamples = resamples;
		return this;
	}

	public ReportOptions run(String key, Object value) {
		run.put(key, value);
		return this;
	}
}
