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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class GritSummaryTest {
	private static DetectionResult result(String cls, String dataset, Double score, boolean unparseable, String skipped) {
		DetectionResult r = new DetectionResult();
		r.className = cls;
		r.dataset = dataset;
		r.task = DetectionRunner.taskOf(dataset);
		r.score = score;
		r.unparseable = unparseable;
		r.skipped = skipped;
		return r;
	}

	@Test
	void groupsAndCounts() {
		List<DetectionResult> rs = new ArrayList<>();
		rs.add(result("nucleus", "held_et_al_2010_h2b", 0.5, false, null));
		rs.add(result("nucleus", "burgess_et_al_2024_texture", 0.25, true, null));
		rs.add(result("mitochondria", "wu_et_al_2023", null, false, "request_failed: x"));
		rs.add(result("mitochondria", "wu_et_al_2023", 0.0, false, null));
		GritSummary s = GritSummary.of(rs, 999, 1);
		assertEquals(3, s.overall.n);
		assertEquals(0.25, s.overall.mean, 1e-15);
		assertEquals(1, s.overall.unparseable);
		assertEquals(1, s.overall.skipped);
		assertEquals(0.375, s.byClass.get("nucleus").mean, 1e-15);
		// one scored value: a zero-width interval
		GritSummary.Entry wu = s.byDataset.get("wu_et_al_2023");
		assertEquals(1, wu.n);
		assertEquals(0.0, wu.ciLow, 0);
		assertEquals(0.0, wu.ciHigh, 0);
		assertEquals(0.5, s.byTask.get("subcellular_structure_localization").mean, 1e-15);
		GritSummary none = GritSummary.of(new ArrayList<>(), 999, 1);
		assertNull(none.overall.mean);
	}

	@Test
	void basicIntervalAgreesWithScipy() {
		// x_i = ((37 i mod 200) / 199)^2 for i = 0..199. scipy.stats.bootstrap((x,), np.mean, method='basic',
		// n_resamples=9999, random_state=0..3) gives mean 0.33417085427135673 and intervals (0.2929, 0.3748),
		// (0.2916, 0.3757), (0.2925, 0.3754), (0.2923, 0.3751): their spread from the random draws is ~0.001, so a
		// correct implementation with its own random stream lands within 0.003.
		List<DetectionResult> rs = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			double v = (i * 37 % 200) / 199.0;
			rs.add(result("c", "d", v * v, false, null));
		}
		GritSummary.Entry e = GritSummary.of(rs, 9999, 0).overall;
		assertEquals(0.33417085427135673, e.mean, 1e-12);
		assertEquals(0.2925, e.ciLow, 0.003);
		assertEquals(0.3752, e.ciHigh, 0.003);
		assertEquals(e.ciHigh - e.mean, e.ciHalfWidth, 1e-12);
		// reproducible under the same seed
		assertEquals(e.ciLow, GritSummary.of(rs, 9999, 0).overall.ciLow, 0);
	}
}
