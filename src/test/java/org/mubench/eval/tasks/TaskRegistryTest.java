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
package org.mubench.eval.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mubench.data.DatasetNames;
import org.mubench.eval.Prediction;

class TaskRegistryTest {
	@Test
	void countsMatchThePaper() {
		assertEquals(5, TaskRegistry.COARSE_TYPES.size());
		assertEquals(13, TaskRegistry.fineTasks().size());
		assertEquals(4, TaskRegistry.LOCALIZATION_TASKS.size());
		// 5 coarse + 13 classification + 4 localisation = 22 tasks (MICROBENCH §1).
		assertEquals(22, TaskRegistry.COARSE_TYPES.size() + TaskRegistry.fineTasks().size() +
			TaskRegistry.LOCALIZATION_TASKS.size());
		assertEquals("white_blood_cell_localization", TaskRegistry.localisationTaskOf("jung_et_al_2022"));
		assertEquals("subcellular_structure_localization", TaskRegistry.localisationTaskOf("held_et_al_2010_h2b"));
		assertEquals("cryoet_mitochondria_localization", TaskRegistry.localisationTaskOf("wu_et_al_2023"));
		assertEquals(null, TaskRegistry.localisationTaskOf("kather_et_al_2016"));
		assertEquals("cells in synthetic images",
			TaskRegistry.localisationTask("synthetic_cell_localization").displayName);
		Set<String> datasets = new HashSet<>();
		for (TaskRegistry.FineTask t : TaskRegistry.fineTasks())
			for (String d : t.datasets)
				assertTrue(datasets.add(d), "dataset in two tasks: " + d);
		// The §1 table lists 23 dataset values (Held split into h2b, galt, mt).
		assertEquals(23, datasets.size());
	}

	@Test
	void questionKeys() {
		assertEquals("modality", TaskRegistry.questionType("modality_1"));
		assertEquals("modality", TaskRegistry.questionType("modality"));
		assertEquals("classification", TaskRegistry.questionType("classification_0"));
		assertEquals("cognition", TaskRegistry.questionType("cognition_12"));
		assertEquals(1, TaskRegistry.templateOf("stain_1"));
		assertEquals(0, TaskRegistry.templateOf("stain_0"));
		assertEquals(-1, TaskRegistry.templateOf("stain"));
		assertEquals(-1, TaskRegistry.templateOf("cognition_3"));
		assertTrue(TaskRegistry.isCoarse("submodality_0"));
		assertFalse(TaskRegistry.isCoarse("classification_1"));
		assertFalse(TaskRegistry.isCoarse("cognition_1"));
	}

	@Test
	void fineTasksByDatasetIncludingHeldByStain() {
		assertEquals("colorectal_tissue_types", TaskRegistry.fineTaskOf("kather_et_al_2018_val7k"));
		assertEquals("white_blood_cell_types", TaskRegistry.fineTaskOf("jung_et_al_2022"));
		assertEquals("cell_cycle_phase", TaskRegistry.fineTaskOf("eulenberg_et_al_2017_darkfield"));
		// Held rows have a null dataset; Sample derives it from the stain, which must land in the right tasks.
		assertEquals("cell_cycle_phase", TaskRegistry.fineTaskOf(DatasetNames.deriveHeld("H2B-mCherry")));
		assertEquals("subcellular_structures", TaskRegistry.fineTaskOf(DatasetNames.deriveHeld("GalT-YFP")));
		assertNull(TaskRegistry.fineTaskOf("opencell"));
		assertNull(TaskRegistry.fineTaskOf("sirinukunwattana_et_al_2016"));
		assertNull(TaskRegistry.fineTaskOf(null));
		assertTrue(TaskRegistry.isFine("classification_1", "icpr2020_pollen"));
		assertFalse(TaskRegistry.isFine("classification_1", "opencell"));
		assertFalse(TaskRegistry.isFine("modality_1", "icpr2020_pollen"));
		assertEquals("pollen_grains", TaskRegistry.taskOf("classification", "icpr2020_pollen"));
		assertEquals(TaskRegistry.UNSCORED_CLASSIFICATION, TaskRegistry.taskOf("classification_1", "opencell"));
		assertEquals("stain", TaskRegistry.taskOf("stain_1", "opencell"));
		assertEquals("cognition", TaskRegistry.taskOf("cognition_0", null));
	}

	@Test
	void groupsAndPaperExclusion() {
		Prediction p = new Prediction();
		p.questionKey = "classification_1";
		p.dataset = "eulenberg_et_al_2017_epifluorescence";
		p.domain = "biology";
		assertEquals(Arrays.asList("fine"), TaskRegistry.groupsOf(p));
		assertFalse(HarnessProtocol.isFinePaper(p.questionKey, p.dataset, false));
		p.dataset = "eulenberg_et_al_2017_brightfield";
		assertTrue(HarnessProtocol.isFinePaper(p.questionKey, p.dataset, false));
		assertFalse(HarnessProtocol.isFinePaper(p.questionKey, p.dataset, true));
		p.questionKey = "domain_1";
		p.domain = "biology";
		p.dataset = "kather_et_al_2016";
		assertEquals(Arrays.asList("coarse", "pathology"), TaskRegistry.groupsOf(p));
		p.questionKey = "cognition_4";
		assertEquals(Arrays.asList("cognition", "pathology"), TaskRegistry.groupsOf(p));
	}
}
