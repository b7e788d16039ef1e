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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.mubench.eval.Prediction;
import org.mubench.eval.tasks.TaskRegistry;

/** Builds benchmark-shaped predictions for tests: rows of several datasets, 5 coarse + 1 classification each. */
public final class SyntheticPredictions {
	private SyntheticPredictions() {}

	public static final String[][] DATASETS = { { "acevedo_et_al_2020", "pathology" },
		{ "eulenberg_et_al_2017_darkfield", "biology" }, { "eulenberg_et_al_2017_brightfield", "biology" },
		{ "held_et_al_2010_h2b", "biology" }, { "icpr2020_pollen", "biology" }, { "nirschl_et_al_2018", "pathology" },
		{ "opencell", "biology" } };

	/** {@code rows} rows, caption templates as given (e.g. {1} or {0, 1}); correctness drawn with a per-type rate. */
	public static List<Prediction> make(int rows, long seed, int... templates) {
		SplittableRandom rng = new SplittableRandom(seed);
		List<Prediction> out = new ArrayList<>();
		for (int r = 0; r < rows; r++) {
			String[] ds = DATASETS[r % DATASETS.length];
			List<String> types = new ArrayList<>(TaskRegistry.COARSE_TYPES);
			types.add("classification");
			for (int t : templates) {
				for (int i = 0; i < types.size(); i++) {
					String type = types.get(i);
					Prediction p = new Prediction();
					p.row = r;
					p.imageId = "img" + (r / 2);
					p.dataset = ds[0];
					p.domain = ds[1];
					p.questionKey = type + "_" + t;
					p.template = t;
					p.task = TaskRegistry.taskOf(p.questionKey, p.dataset);
					int nOpt = type.equals("modality") ? 4 : 6;
					p.options = new ArrayList<>();
					for (int o = 0; o < nOpt - 1; o++)
						p.options.add(type + " option " + o);
					p.options.add("none of the above");
					p.answerIdx = rng.nextInt(nOpt - 1);
					double rate = 0.2 + 0.1 * i + 0.05 * t;
					boolean ok = rng.nextDouble() < rate;
					p.predIdx = ok ? p.answerIdx : (p.answerIdx + 1) % nOpt;
					p.correct = ok;
					p.scores = new double[nOpt];
					for (int o = 0; o < nOpt; o++)
						p.scores[o] = o == p.predIdx ? 0.3 : 0.1;
					p.model = "synthetic";
					out.add(p);
				}
			}
		}
		return out;
	}

	public static List<String> list(String... s) {
		return new ArrayList<>(Arrays.asList(s));
	}
}
