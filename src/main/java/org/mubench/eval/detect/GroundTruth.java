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
import java.util.Map;

import org.mubench.data.Annotation;
import org.mubench.data.Sample;
import org.mubench.eval.tasks.HarnessProtocol;

/**
 * Ground-truth boxes of a sample per class.
 * <p>
 * {@link #harness}: what the authors' harness scored ({@code generative_inference_detection.py}): the {@code bbox}
 * annotations only, keyed by their raw {@code className} (which is also what its prompt names), and only for the
 * datasets of {@link HarnessProtocol#isDetectionDataset}.
 * <p>
 * {@link #of} (our extension, opt-in): {@code bbox} annotations when there are any, else boxes spanning each
 * {@code polygon} (min/max of its flat x, y list), with readable class names ({@code nucleus} for the Held et al. 2010
 * rows, {@code mitochondria} for wu_et_al_2023, else the annotation's own), for any dataset.
 */
public final class GroundTruth {
	private GroundTruth() {}

	/** The harness's ground truth: bbox annotations of its detection datasets per raw className; else empty. */
	public static Map<String, List<Box>> harness(Sample sample) {
		Map<String, List<Box>> byClass = new LinkedHashMap<>();
		if (!HarnessProtocol.isDetectionDataset(sample.dataset)) return byClass;
		for (Annotation a : sample.boxes) {
			if (a == null || a.points == null || a.points.length != 4 || a.className == null) continue;
			add(byClass, a.className, new Box(a.points[0], a.points[1], a.points[2], a.points[3]));
		}
		return byClass;
	}

	/** Boxes per class in order of first appearance; empty when the sample has no usable annotation. */
	public static Map<String, List<Box>> of(Sample sample) {
		Map<String, List<Box>> byClass = new LinkedHashMap<>();
		boolean fromBoxes = false;
		for (Annotation a : sample.boxes) {
			if (a == null || a.points == null || a.points.length != 4) continue;
			add(byClass, className(sample, a), new Box(a.points[0], a.points[1], a.points[2], a.points[3]));
			fromBoxes = true;
		}
		if (fromBoxes) return byClass;
		for (Annotation a : sample.polygons) {
			Box b = a == null ? null : polygonBounds(a.points);
			if (b != null) add(byClass, className(sample, a), b);
		}
		return byClass;
	}

	/** True when the sample carries a box or polygon annotation (a localisation sample). */
	public static boolean hasAnnotations(Sample sample) {
		return !of(sample).isEmpty();
	}

	/** The bounding box of a flat {@code [x0, y0, x1, y1, …]} list, or null when it holds no complete point. */
	public static Box polygonBounds(double[] points) {
		if (points == null || points.length < 2) return null;
		double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY;
		double maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
		for (int i = 0; i + 1 < points.length; i += 2) {
			double x = points[i], y = points[i + 1];
			if (!Double.isFinite(x) || !Double.isFinite(y)) continue;
			minX = Math.min(minX, x);
			maxX = Math.max(maxX, x);
			minY = Math.min(minY, y);
			maxY = Math.max(maxY, y);
		}
		if (minX > maxX) return null;
		return new Box(minX, minY, maxX, maxY);
	}

	/** The class name used in prompts and per-class scores. */
	public static String className(Sample sample, Annotation a) {
		String dataset = sample.dataset == null ? "" : sample.dataset;
		if (dataset.startsWith("held_et_al_2010")) return "nucleus";
		if (dataset.equals("wu_et_al_2023")) return "mitochondria";
		if (a != null && a.className != null && !a.className.trim().isEmpty()) return a.className.trim();
		if (sample.labelName != null && !sample.labelName.trim().isEmpty()) return sample.labelName.trim();
		return "object";
	}

	private static void add(Map<String, List<Box>> byClass, String cls, Box b) {
		List<Box> list = byClass.get(cls);
		if (list == null) {
			list = new ArrayList<>();
			byClass.put(cls, list);
		}
		list.add(b);
	}
}
