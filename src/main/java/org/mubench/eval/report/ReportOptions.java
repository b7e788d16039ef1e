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
