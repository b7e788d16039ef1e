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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.mubench.eval.Prediction;

class ScorerTest {
	private static Prediction p(long row, String key, String dataset, String domain, boolean correct, int nOpt) {
		Prediction p = new Prediction();
		p.row = row;
		p.questionKey = key;
		p.dataset = dataset;
		p.domain = domain;
		p.correct = correct;
		p.options = new ArrayList<>();
		for (int i = 0; i < nOpt; i++)
			p.options.add("o" + i);
		p.answerIdx = 0;
		p.predIdx = correct ? 0 : 1;
		p.model = "m";
		return p;
	}

	/** A hand-checked run: every count below is worked out from the list. */
	@Test
	void groupsOnAHandMadeRun() {
		List<Prediction> l = new ArrayList<>();
		// row 0: pathology, WBC; domain right, modality wrong, classification right
		l.add(p(0, "domain", "acevedo_et_al_2020", "pathology", true, 6));
		l.add(p(0, "modality", "acevedo_et_al_2020", "pathology", false, 4));
		l.add(p(0, "classification", "acevedo_et_al_2020", "pathology", true, 6));
		// row 1: eulenberg darkfield (fine but not fine_paper); classification wrong
		l.add(p(1, "domain", "eulenberg_et_al_2017_darkfield", "biology", true, 6));
		l.add(p(1, "classification", "eulenberg_et_al_2017_darkfield", "biology", false, 6));
		// row 2: opencell: not a fine task; classification right counts only per dataset
		l.add(p(2, "domain", "opencell", "biology", false, 6));
		l.add(p(2, "classification", "opencell", "biology", true, 6));
		// row 3: skipped questions
		Prediction s1 = p(3, "domain", "opencell", "biology", false, 6);
		s1.skipped = "unreadable_image";
		Prediction s2 = p(3, "modality", "opencell", "biology", false, 4);
		s2.skipped = "unreadable_image";
		l.add(s1);
		l.add(s2);
		// row 4: cognition
		l.add(p(4, "cognition_0", null, "pathology", true, 5));

		Summary s = new Scorer(999, 1).score(l, "m", null);
		check(s, "coarse", 4, 2);
		check(s, "coarse/domain", 3, 2);
		check(s, "coarse/modality", 1, 0);
		assertNull(s.group("coarse/stain"));
		check(s, "fine", 2, 1);
		// Contrastive predictions: the harness's fine table counts classification_1 only, so nothing here.
		assertNull(s.group("fine_paper"));
		// Its coarse table: bare or template-1 keys of its 21 datasets (not darkfield, not opencell).
		check(s, "coarse_paper", 2, 1);
		check(s, "coarse_paper/domain", 1, 1);
		check(s, "fine/white_blood_cell_types", 1, 1);
		check(s, "fine/cell_cycle_phase", 1, 0);
		check(s, "cognition", 1, 1);
		// pathology: the harness's seven datasets (acevedo here), its coarse and fine filters.
		check(s, "pathology", 2, 1);
		check(s, "pathology/coarse", 2, 1);
		assertNull(s.group("pathology/fine"));
		check(s, "domain_pathology", 4, 3);
		check(s, "dataset/opencell", 2, 1);
		check(s, "dataset/opencell/classification", 1, 1);
		assertNull(s.group("fine/classification"));
		assertEquals(2, s.group("skipped/unreadable_image").n);
		assertNull(s.group("skipped/unreadable_image").accuracy);
		// macro/coarse = mean(domain 2/3, modality 0/1) = 1/3; macro/fine = mean(1, 0) = 0.5
		assertEquals((2.0 / 3 + 0) / 2, s.accuracy("macro/coarse"), 1e-15);
		assertEquals(0.5, s.accuracy("macro/fine"), 1e-15);
		// chance of coarse: three 6-option and one 4-option question
		assertEquals((3.0 / 6 + 1.0 / 4) / 4, s.group("coarse").chance, 1e-15);
		assertTrue(s.templates.isEmpty());
		assertNull(s.group("unparseable"), "no generative replies, no unparseable row");
	}

	/** The harness's filters: which keys, datasets and model kinds count in coarse_paper and fine_paper. */
	@Test
	void paperGroupsFollowTheHarnessFilters() {
		List<Prediction> contrastive = new ArrayList<>();
		contrastive.add(p(0, "domain_1", "kather_et_al_2016", "pathology", true, 6));
		contrastive.add(p(0, "domain_0", "kather_et_al_2016", "pathology", true, 6)); // template 0: never counted
		contrastive.add(p(0, "classification_1", "kather_et_al_2016", "pathology", false, 6));
		contrastive.add(p(0, "classification_0", "kather_et_al_2016", "pathology", true, 6));
		contrastive.add(p(1, "stain_1", "eulenberg_et_al_2017_epifluorescence", "biology", true, 6)); // dropped
		contrastive.add(p(2, "classification_1", "sirinukunwattana_et_al_2016", "pathology", true, 6)); // unread
		contrastive.add(p(3, "modality_1", "held_et_al_2010_mt", "biology", false, 4));
		Summary c = new Scorer(99, 1).score(contrastive, "m", null);
		check(c, "coarse_paper", 2, 1);
		check(c, "coarse_paper/domain", 1, 1);
		check(c, "coarse_paper/modality", 1, 0);
		check(c, "fine_paper", 1, 0);
		check(c, "pathology/fine", 1, 0);

		List<Prediction> generative = new ArrayList<>();
		for (Prediction p : new Prediction[] { p(0, "subdomain", "wu_et_al_2023", "biology", true, 6),
			p(0, "classification", "wu_et_al_2023", "biology", true, 6),
			p(0, "classification_1", "wu_et_al_2023", "biology", false, 6),
			p(1, "classification", "opencell", "biology", false, 6) })
		{
			p.response = p.correct ? "A" : "B";
			generative.add(p);
		}
		Summary g = new Scorer(99, 1).score(generative, "m", null);
		check(g, "coarse_paper", 1, 1);
		check(g, "coarse_paper/subdomain", 1, 1);
		check(g, "fine_paper", 1, 1);
	}

	private static void check(Summary s, String group, long n, long correct) {
		GroupResult g = s.group(group);
		assertNotNull(g, group);
		assertEquals(n, g.n, group);
		assertEquals(correct, (long) g.correct, group);
		assertEquals((double) correct / n, g.accuracy, 0.0, group);
		assertTrue(g.ciLow <= g.accuracy + 1e-12 && g.accuracy <= g.ciHigh + 1e-12, group);
		assertEquals(g.accuracy - g.halfWidth, 2 * g.accuracy - g.ciHigh, 1e-12, group);
	}

	@Test
	void unparseableGenerativeAnswers() {
		List<Prediction> l = new ArrayList<>();
		Prediction a = p(0, "domain", "opencell", "biology", false, 6);
		a.predIdx = -1;
		a.response = "I cannot tell";
		Prediction b = p(0, "stain", "opencell", "biology", true, 6);
		b.response = "B";
		l.add(a);
		l.add(b);
		Summary s = new Scorer(99, 1).score(l, "gpt", null);
		assertEquals(1, s.unparseable);
		assertEquals(1, s.group("unparseable").n);
		// Unparseable replies are wrong answers, not skipped ones.
		assertEquals(2, s.group("coarse").n);
	}

	@Test
	void macroCiIsTheStratifiedBootstrap() {
		List<Prediction> l = SyntheticPredictions.make(140, 3, 1);
		Summary s = new Scorer(2000, 42).score(l, "m", null);
		long[] k = new long[5], n = new long[5];
		int i = 0;
		for (String t : org.mubench.eval.tasks.TaskRegistry.COARSE_TYPES) {
			GroupResult g = s.group("coarse/" + t);
			k[i] = g.correct;
			n[i++] = g.n;
		}
		Bootstrap.Interval ci = Bootstrap.meanOfProportions(k, n, 2000, 0.95, Bootstrap.stream(42, "macro/coarse"));
		GroupResult m = s.group("macro/coarse");
		assertEquals(ci.mean, m.accuracy, 0.0);
		assertEquals(ci.low, m.ciLow, 0.0);
		assertEquals(ci.high, m.ciHigh, 0.0);
		assertEquals(ci.halfWidth, m.halfWidth, 0.0);
	}

	@Test
	void templatesReportedSeparately() {
		List<Prediction> l = SyntheticPredictions.make(70, 5, 0, 1);
		Summary s = new Scorer(500, 1).score(l, "m", null);
		assertEquals(Arrays.asList(0, 1), s.templates);
		assertEquals(1, (int) s.defaultTemplate);
		// 70 rows × 5 coarse questions per template
		assertEquals(350, s.group("coarse").n);
		assertEquals(350, s.group("coarse@t0").n);
		assertEquals(420, s.group("template/0").n);
		assertEquals(420, s.group("template/1").n);
		assertNotNull(s.group("macro/fine@t0"));
		// Plain groups hold only template 1: equal to scoring template 1 alone.
		List<Prediction> t1 = new ArrayList<>();
		for (Prediction p : l)
			if (p.template == 1) t1.add(p);
		Summary only1 = new Scorer(500, 1).score(t1, "m", null);
		assertEquals(only1.group("coarse").toString(), s.group("coarse").toString());
		assertEquals(only1.group("fine/cell_cycle_phase").ciLow, s.group("fine/cell_cycle_phase").ciLow, 0.0);
		assertNull(only1.defaultTemplate);
		assertNull(only1.group("coarse@t1"));
	}

	@Test
	void orderIndependentAndSeeded() throws Exception {
		List<Prediction> l = SyntheticPredictions.make(200, 9, 1);
		String a = new Scorer(999, 7).score(l, "m", null).toJson();
		List<Prediction> shuffled = new ArrayList<>(l);
		Collections.shuffle(shuffled, new Random(1));
		assertEquals(a, new Scorer(999, 7).score(shuffled, "m", null).toJson());
		assertNotEquals(a, new Scorer(999, 8).score(l, "m", null).toJson());
	}
}
