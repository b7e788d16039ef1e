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
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mubench.data.Annotation;
import org.mubench.data.Sample;

class GroundTruthTest {
	private static Sample sample(String dataset, String stain, List<Annotation> boxes, List<Annotation> polygons) {
		Sample.Builder b = Sample.builder(3);
		b.dataset = dataset;
		b.stain = stain;
		b.boxes = boxes;
		b.polygons = polygons;
		return b.build();
	}

	private static List<Annotation> list(Annotation... a) {
		return new ArrayList<>(Arrays.asList(a));
	}

	@Test
	void boxesWinOverPolygonsAndClassesSplit() {
		Map<String, List<Box>> gt = GroundTruth.of(sample("acevedo_et_al_2020", null,
			list(new Annotation("neutrophil", new double[] { 1, 2, 3, 4 }), new Annotation("platelet", new double[] { 5, 6, 7, 8 }),
				new Annotation("neutrophil", new double[] { 0, 0, 9, 9 }), new Annotation("bad", new double[] { 1, 2 })),
			list(new Annotation("neutrophil", new double[] { 100, 100, 200, 200 }))));
		assertEquals(Arrays.asList("neutrophil", "platelet"), new ArrayList<>(gt.keySet()));
		assertEquals(2, gt.get("neutrophil").size());
		assertEquals(new Box(0, 0, 9, 9), gt.get("neutrophil").get(1));
	}

	@Test
	void polygonsGiveMinMaxBoxesAndPaperClassNames() {
		// Held row with a null dataset (derived from the stain): class nucleus whatever the annotation says.
		Map<String, List<Box>> held = GroundTruth.of(sample(null, "H2B-mCherry", null,
			list(new Annotation("cell", new double[] { 5, 7, 1, 9, 3, 2 }))));
		assertEquals(new Box(1, 2, 5, 9), held.get("nucleus").get(0));
		Map<String, List<Box>> wu = GroundTruth.of(sample("wu_et_al_2023", null, list(new Annotation("mito", new double[] { 0, 0, 1, 1 })), null));
		assertTrue(wu.containsKey("mitochondria"));
		assertTrue(GroundTruth.of(sample("kather_et_al_2016", null, null, null)).isEmpty());
		assertNull(GroundTruth.polygonBounds(new double[] { 1 }));
		assertEquals("synthetic_cell_localization", DetectionRunner.taskOf("burgess_et_al_2024_eccentricity"));
		assertEquals("opencell", DetectionRunner.taskOf("opencell"));
	}
}
