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

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the authors' harness (GitHub {@code Ale9806/eVLLM}) counts: the one home of its dataset lists and question
 * filters. Every paper group of {@code summary.json} ({@code coarse_paper}, {@code fine_paper}, {@code pathology}) is
 * defined here; docs/scoring.md has the side-by-side table.
 */
public final class HarnessProtocol {
	private HarnessProtocol() {}

	/**
	 * The keys of {@code tasks_metadata} in {@code src/evlm/eval/eval_utils.py}, in its order: the only result files
	 * ({@code outputs/<model>/<dataset>.csv}) its final scripts read. opencell and sirinukunwattana_et_al_2016 (GlaS) are
	 * not among them.
	 */
	public static final List<String> TASKS_METADATA_DATASETS = Collections.unmodifiableList(Arrays.asList(
		"acevedo_et_al_2020", "burgess_et_al_2024_contour", "burgess_et_al_2024_eccentricity",
		"burgess_et_al_2024_texture", "empiar_sbfsem", "colocalization_benchmark", "eulenberg_et_al_2017_brightfield",
		"eulenberg_et_al_2017_darkfield", "eulenberg_et_al_2017_epifluorescence", "held_et_al_2010_galt",
		"held_et_al_2010_h2b", "held_et_al_2010_mt", "hussain_et_al_2019", "icpr2020_pollen", "jung_et_al_2022",
		"kather_et_al_2016", "kather_et_al_2018", "kather_et_al_2018_val7k", "nirschl_et_al_2018",
		"nirschl_unpub_fluorescence", "tang_et_al_2019", "wong_et_al_2022", "wu_et_al_2023"));

	/**
	 * Removed from the dataset list by both final scripts ({@code eval_posthoc_rebutall.py} and
	 * {@code eval_posthoc_rebutall_finegrained.py}), so they count in neither the coarse nor the fine total.
	 */
	public static final Set<String> FINAL_EXCLUDED = Collections.unmodifiableSet(new LinkedHashSet<>(
		Arrays.asList("eulenberg_et_al_2017_darkfield", "eulenberg_et_al_2017_epifluorescence")));

	/** The 21 datasets behind the paper's coarse and fine totals. */
	public static final Set<String> PAPER_DATASETS;
	static {
		Set<String> s = new LinkedHashSet<>(TASKS_METADATA_DATASETS);
		s.removeAll(FINAL_EXCLUDED);
		PAPER_DATASETS = Collections.unmodifiableSet(s);
	}

	/** The pathology table's seven datasets ({@code eval_posthoc.py}, its {@code _pathology} outputs). */
	public static final Set<String> PATHOLOGY_DATASETS = Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(
		"hussain_et_al_2019", "acevedo_et_al_2020", "jung_et_al_2022", "kather_et_al_2016", "kather_et_al_2018",
		"kather_et_al_2018_val7k", "nirschl_et_al_2018")));

	/**
	 * Template of the caption questions the harness scores ({@code domain_1}, {@code classification_1}); template 0
	 * is never counted. Generative questions carry no suffix ({@code domain}).
	 */
	public static final int PAPER_TEMPLATE = 1;

	/**
	 * The {@code question_class} values of the coarse "total" group in {@code eval_posthoc_rebutall.py}: the five
	 * types bare (generative) or with the paper template. The per-type groups there are the pairs of one type.
	 */
	public static final Set<String> COARSE_QUESTION_CLASSES;
	static {
		Set<String> s = new LinkedHashSet<>();
		for (String t : TaskRegistry.COARSE_TYPES) {
			s.add(t);
			s.add(t + "_" + PAPER_TEMPLATE);
		}
		COARSE_QUESTION_CLASSES = Collections.unmodifiableSet(s);
	}

	/**
	 * The {@code question_class} the fine script keeps: {@code classification} for generative models,
	 * {@code classification_1} for the models of its {@code CLIP_MODELS} list (contrastive ones and Random_model).
	 */
	public static String fineQuestionClass(boolean generative) {
		return generative ? TaskRegistry.CLASSIFICATION : TaskRegistry.CLASSIFICATION + "_" + PAPER_TEMPLATE;
	}

	/** Dataset names are compared exactly, as the harness builds file names from them. */
	private static String norm(String dataset) {
		return dataset;
	}

	/** True for a dataset the final scripts read. */
	public static boolean isPaperDataset(String dataset) {
		return dataset != null && PAPER_DATASETS.contains(norm(dataset));
	}

	/** True for a dataset of the harness's task list (all 23, the two excluded Eulenberg subsets included). */
	public static boolean isHarnessDataset(String dataset) {
		return dataset != null && TASKS_METADATA_DATASETS.contains(norm(dataset));
	}

	public static boolean isPathologyDataset(String dataset) {
		return dataset != null && PATHOLOGY_DATASETS.contains(norm(dataset));
	}

	/** The coarse type a question counts under in the harness's coarse table, or null when it is not counted. */
	public static String coarsePaperType(String questionKey, String dataset) {
		if (questionKey == null || !isPaperDataset(dataset) || !COARSE_QUESTION_CLASSES.contains(questionKey))
			return null;
		return TaskRegistry.questionType(questionKey);
	}

	/** True when the fine script counts this question (its model generative or not). */
	public static boolean isFinePaper(String questionKey, String dataset, boolean generative) {
		return isPaperDataset(dataset) && fineQuestionClass(generative).equals(questionKey);
	}

	/** The coarse question of a pathology-table dataset, by the same key rule as the coarse table. */
	public static boolean isPathologyCoarse(String questionKey, String dataset) {
		return isPathologyDataset(dataset) && COARSE_QUESTION_CLASSES.contains(questionKey);
	}

	/** The fine question of a pathology-table dataset, by the same key rule as the fine table. */
	public static boolean isPathologyFine(String questionKey, String dataset, boolean generative) {
		return isPathologyDataset(dataset) && fineQuestionClass(generative).equals(questionKey);
	}

	/**
	 * The harness's detection datasets ({@code eval_detection.py}): the three Burgess synthetic sets, the three Held
	 * sets and wu_et_al_2023.
	 */
	public static boolean isDetectionDataset(String dataset) {
		String d = norm(dataset);
		return d != null && (d.startsWith("burgess_et_al_2024_") || d.startsWith("held_et_al_2010_")
			|| d.equals("wu_et_al_2023"));
	}
}
