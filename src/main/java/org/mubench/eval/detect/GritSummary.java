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
package org.mubench.eval.detect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mubench.eval.score.Bootstrap;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Mean GRIT over scored (image, class) questions, overall and per class, dataset and localisation task, each with the
 * 95 % basic-bootstrap interval (9,999 resamples; {@link Bootstrap#basic}). Skipped questions (failed requests, unreadable images) are counted, not averaged;
 * unparseable replies are averaged (as empty predictions) and counted.
 */
@JsonPropertyOrder({ "protocol", "overall", "by_class", "by_dataset", "by_task" })
public final class GritSummary {
	@JsonPropertyOrder({ "n", "mean", "ci_low", "ci_high", "ci_half_width", "unparseable", "skipped" })
	public static final class Entry {
		/** Scored questions. */
		@JsonProperty("n")
		public int n;
		@JsonProperty("mean")
		public Double mean;
		@JsonProperty("ci_low")
		public Double ciLow;
		@JsonProperty("ci_high")
		public Double ciHigh;
		/** m − q_lo, the ± the paper's table shows. */
		@JsonProperty("ci_half_width")
		public Double ciHalfWidth;
		@JsonProperty("unparseable")
		public int unparseable;
		@JsonProperty("skipped")
		public int skipped;

		final List<Double> scores = new ArrayList<>();

		void finish(int resamples, long seed, String streamName) {
			n = scores.size();
			if (n == 0) return;
			double[] v = new double[n];
			for (int i = 0; i < n; i++)
				v[i] = scores.get(i);
			// GRIT scores are real-valued: the score package's bootstrap of a mean of values, basic interval; each
			// group has its own seeded stream.
			Bootstrap.Interval ci = Bootstrap.mean(v, resamples, Bootstrap.DEFAULT_CONFIDENCE,
				Bootstrap.stream(seed, streamName));
			double m = ci.mean;
			mean = m;
			ciLow = ci.low;
			ciHigh = ci.high;
			ciHalfWidth = ci.halfWidth;
		}

		@Override
		public String toString() {
			if (mean == null) return String.format(Locale.ROOT, "n=0 (skipped %d)", skipped);
			return String.format(Locale.ROOT, "GRIT %.4f [%.4f, %.4f] n=%d unparseable=%d skipped=%d", mean, ciLow, ciHigh, n,
				unparseable, skipped);
		}
	}

	/** {@code harness} (the authors' datasets, bbox-only ground truth, raw class names) or {@code extended}. */
	@JsonProperty("protocol")
	public String protocol = "harness";
	@JsonProperty("overall")
	public final Entry overall = new Entry();
	@JsonProperty("by_class")
	public final Map<String, Entry> byClass = new LinkedHashMap<>();
	@JsonProperty("by_dataset")
	public final Map<String, Entry> byDataset = new LinkedHashMap<>();
	@JsonProperty("by_task")
	public final Map<String, Entry> byTask = new LinkedHashMap<>();

	public static GritSummary of(List<DetectionResult> results, int resamples, long seed) {
		GritSummary s = new GritSummary();
		for (DetectionResult r : results) {
			s.add(s.overall, r);
			s.add(entry(s.byClass, r.className), r);
			s.add(entry(s.byDataset, String.valueOf(r.dataset)), r);
			s.add(entry(s.byTask, String.valueOf(r.task)), r);
		}
		s.overall.finish(resamples, seed, "grit/overall");
		for (Map.Entry<String, Entry> e : s.byClass.entrySet())
			e.getValue().finish(resamples, seed, "grit/class/" + e.getKey());
		for (Map.Entry<String, Entry> e : s.byDataset.entrySet())
			e.getValue().finish(resamples, seed, "grit/dataset/" + e.getKey());
		for (Map.Entry<String, Entry> e : s.byTask.entrySet())
			e.getValue().finish(resamples, seed, "grit/task/" + e.getKey());
		return s;
	}

	private void add(Entry e, DetectionResult r) {
		if (r.skipped != null || r.score == null) {
			e.skipped++;
			return;
		}
		e.scores.add(r.score);
		if (r.unparseable) e.unparseable++;
	}

	private static Entry entry(Map<String, Entry> map, String key) {
		Entry e = map.get(key);
		if (e == null) {
			e = new Entry();
			map.put(key, e);
		}
		return e;
	}
}
