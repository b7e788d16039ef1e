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
package org.mubench.eval.sweep;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mubench.base.Json;
import org.mubench.eval.score.GroupResult;


/** Writes {@code sweep.csv}, {@code sweep.json}, {@code sweep.png} and {@code sweep.svg} of a weight sweep. */
final class SweepReport {
	private SweepReport() {}

	static void write(WeightSweep.Options o, WeightSweep.Result r) throws IOException {
		r.csv = o.out.resolve("sweep.csv");
		try (Writer w = Files.newBufferedWriter(r.csv, StandardCharsets.UTF_8)) {
			w.write("alpha,group,n,correct,accuracy,ci_low,ci_high,half_width\n");
			for (WeightSweep.Point p : r.points) {
				for (GroupResult g : p.groups.values())
					w.write(WeightSweep.plain(p.alpha) + "," + g.group + "," + g.n + "," + (g.correct == null ? "" : g.correct)
						+ "," + num(g.accuracy) + "," + num(g.ciLow) + "," + num(g.ciHigh) + "," + num(g.halfWidth) + "\n");
				if (!Double.isNaN(p.mubenchMean))
					w.write(WeightSweep.plain(p.alpha) + "," + WeightSweep.MEAN + ",,," + num(p.mubenchMean) + ",,,\n");
			}
		}
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("base", o.base.toString());
		json.put("finetuned", o.finetuned.toString());
		json.put("dataset", o.dataset.toString());
		json.put("mubench_mean", "mean of the coarse and fine (fine_paper when present) pooled accuracies");
		json.put("best_alpha", r.bestAlpha);
		json.put("best_mubench_mean", Double.isNaN(r.bestMean) ? null : r.bestMean);
		List<Object> points = new ArrayList<>();
		for (WeightSweep.Point p : r.points) {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("alpha", p.alpha);
			m.put("folder", o.out.relativize(p.folder).toString());
			m.put("mubench_mean", Double.isNaN(p.mubenchMean) ? null : p.mubenchMean);
			m.put("groups", new ArrayList<>(p.groups.values()));
			points.add(m);
		}
		json.put("points", points);
		r.json = o.out.resolve("sweep.json");
		Json.PRETTY.writeValue(r.json.toFile(), json);
		r.png = o.out.resolve("sweep.png");
		SweepPlot.write(r, r.png);
	}

	static String num(Double v) {
		return v == null || v.isNaN() ? "" : String.format(Locale.ROOT, "%.6f", v);
	}
}
