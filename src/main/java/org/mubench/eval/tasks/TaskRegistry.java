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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.mubench.eval.Prediction;

/**
 * The μ-Bench task list (MICROBENCH.md §1): which question of which row belongs to which task and group.
 * <p>
 * Question keys come in three shapes: generative questions ({@code modality}), caption questions of a template
 * ({@code modality_1}) and cognition questions ({@code cognition_3}). The <em>question type</em> is the key without
 * the template suffix. Coarse tasks are the five coarse types; a {@code classification} question is a fine-grained
 * task chosen by the row's {@code dataset}; rows of datasets the paper did not score (opencell, GlaS, …) keep the
 * task {@link #UNSCORED_CLASSIFICATION} and are reported per dataset only.
 * <p>
 * Task ids are snake_case so they can be used in group names ({@code fine/cell_cycle_phase}) and on command lines;
 * {@link FineTask#displayName} is the paper's wording for reports.
 */
public final class TaskRegistry {
	private TaskRegistry() {}

	public static final String DOMAIN = "domain", SUBDOMAIN = "subdomain", MODALITY = "modality",
		SUBMODALITY = "submodality", STAIN = "stain", CLASSIFICATION = "classification", COGNITION = "cognition";

	/** The five coarse question types, in the paper's order. */
	public static final List<String> COARSE_TYPES =
		Collections.unmodifiableList(Arrays.asList(DOMAIN, SUBDOMAIN, MODALITY, SUBMODALITY, STAIN));

	/** Group names. */
	public static final String GROUP_COARSE = "coarse", GROUP_FINE = "fine", GROUP_COGNITION = "cognition",
		GROUP_PATHOLOGY = "pathology";

	/** Task of a classification question whose dataset feeds no fine-grained task (scored per dataset only). */
	public static final String UNSCORED_CLASSIFICATION = "classification";

	/** The task of cognition questions. */
	public static final String COGNITION_TASK = "cognition";

	/** The {@code domain} value that selects the pathology slice (compared case-insensitively). */
	public static final String PATHOLOGY_DOMAIN = "pathology";

	/** A fine-grained classification (or localisation) task and the {@code dataset} values that feed it. */
	public static final class FineTask {
		public final String id;
		public final String displayName;
		public final List<String> datasets;

		FineTask(String id, String displayName, String... datasets) {
			this.id = id;
			this.displayName = displayName;
			this.datasets = Collections.unmodifiableList(Arrays.asList(datasets));
		}

		@Override
		public String toString() {
			return id;
		}
	}

	private static final List<FineTask> FINE_TASKS = Collections.unmodifiableList(Arrays.asList(
		new FineTask("colorectal_tissue_types", "colorectal tissue types", "kather_et_al_2018",
			"kather_et_al_2018_val7k"),
		new FineTask("white_blood_cell_types", "white blood cell types", "acevedo_et_al_2020", "jung_et_al_2022"),
		new FineTask("amyloid_beta_pathology", "amyloid-beta pathology", "tang_et_al_2019", "wong_et_al_2022"),
		new FineTask("colorectal_cancer_texture", "colorectal cancer texture", "kather_et_al_2016"),
		new FineTask("heart_failure", "heart failure (cardiac H&E)", "nirschl_et_al_2018"),
		new FineTask("cervical_lesions", "cervical lesions (Pap smear)", "hussain_et_al_2019"),
		new FineTask("cell_cycle_phase", "cell cycle phase", "eulenberg_et_al_2017_brightfield",
			"eulenberg_et_al_2017_darkfield", "eulenberg_et_al_2017_epifluorescence", "held_et_al_2010_h2b"),
		new FineTask("synthetic_cell_phenotypes", "synthetic cell phenotypes", "burgess_et_al_2024_contour",
			"burgess_et_al_2024_eccentricity", "burgess_et_al_2024_texture"),
		new FineTask("subcellular_structures", "subcellular structures", "held_et_al_2010_galt",
			"held_et_al_2010_mt"),
		new FineTask("organisms_fluorescence", "organisms/structures, fluorescence", "nirschl_unpub_fluorescence"),
		new FineTask("organisms_electron", "organisms/structures, electron", "empiar_sbfsem", "wu_et_al_2023"),
		new FineTask("pollen_grains", "pollen grains", "icpr2020_pollen"),
		new FineTask("colocalization_patterns", "colocalisation patterns", "colocalization_benchmark")));

	/**
	 * The four localisation tasks (scored with GRIT by the detection code, not by accuracy) and the datasets that feed
	 * them. The paper names the tasks but not the datasets; the datasets are our reading of it: those whose rows carry
	 * boxes or polygons and whose subject matches the task (docs/detection.md).
	 */
	private static final List<FineTask> LOCALISATION = Collections.unmodifiableList(Arrays.asList(
		new FineTask("white_blood_cell_localization", "white blood cells", "acevedo_et_al_2020", "jung_et_al_2022"),
		new FineTask("subcellular_structure_localization", "subcellular structures", "held_et_al_2010_h2b",
			"held_et_al_2010_galt", "held_et_al_2010_mt"),
		new FineTask("synthetic_cell_localization", "cells in synthetic images", "burgess_et_al_2024_contour",
			"burgess_et_al_2024_eccentricity", "burgess_et_al_2024_texture"),
		new FineTask("cryoet_mitochondria_localization", "mitochondria in cryo-ET", "wu_et_al_2023")));

	/** The ids of the four localisation tasks. */
	public static final List<String> LOCALIZATION_TASKS;
	static {
		List<String> ids = new ArrayList<>();
		for (FineTask t : LOCALISATION) ids.add(t.id);
		LOCALIZATION_TASKS = Collections.unmodifiableList(ids);
	}

	private static final Map<String, FineTask> BY_DATASET = new LinkedHashMap<>();
	private static final Map<String, FineTask> BY_ID = new LinkedHashMap<>();
	private static final Map<String, FineTask> LOCALISATION_BY_DATASET = new LinkedHashMap<>();
	private static final Map<String, FineTask> LOCALISATION_BY_ID = new LinkedHashMap<>();
	static {
		for (FineTask t : FINE_TASKS) {
			BY_ID.put(t.id, t);
			for (String d : t.datasets)
				BY_DATASET.put(d, t);
		}
		for (FineTask t : LOCALISATION) {
			LOCALISATION_BY_ID.put(t.id, t);
			for (String d : t.datasets)
				LOCALISATION_BY_DATASET.put(d, t);
		}
	}

	/** The four localisation tasks in the paper's order (a {@link FineTask} holds id, wording and datasets). */
	public static List<FineTask> localisationTasks() {
		return LOCALISATION;
	}

	/** The localisation task with this id, or null. */
	public static FineTask localisationTask(String id) {
		return id == null ? null : LOCALISATION_BY_ID.get(id);
	}

	/** The localisation-task id a dataset feeds, or null when it feeds none. */
	public static String localisationTaskOf(String dataset) {
		if (dataset == null) return null;
		FineTask t = LOCALISATION_BY_DATASET.get(dataset.trim().toLowerCase(Locale.ROOT));
		return t == null ? null : t.id;
	}

	/** The 13 fine-grained classification tasks in the paper's order. */
	public static List<FineTask> fineTasks() {
		return FINE_TASKS;
	}

	/** The fine task with this id, or null. */
	public static FineTask fineTask(String id) {
		return id == null ? null : BY_ID.get(id);
	}

	/** The fine-task id a dataset feeds, or null when the paper did not score it (opencell, GlaS, unknown). */
	public static String fineTaskOf(String dataset) {
		if (dataset == null) return null;
		FineTask t = BY_DATASET.get(dataset.trim().toLowerCase(Locale.ROOT));
		return t == null ? null : t.id;
	}

	/** True for cognition keys ({@code cognition_0}, …). */
	public static boolean isCognitionKey(String questionKey) {
		return questionKey != null && (questionKey.equals(COGNITION) || questionKey.startsWith(COGNITION + "_"));
	}

	/**
	 * The question type of a key: {@code modality_1} → {@code modality}, {@code classification} →
	 * {@code classification}, {@code cognition_7} → {@code cognition}.
	 */
	public static String questionType(String questionKey) {
		if (questionKey == null) return null;
		if (isCognitionKey(questionKey)) return COGNITION;
		int u = questionKey.lastIndexOf('_');
		if (u > 0 && u < questionKey.length() - 1 && isDigits(questionKey.substring(u + 1)))
			return questionKey.substring(0, u);
		return questionKey;
	}

	/** The caption template of a key ({@code modality_1} → 1), or -1 for generative and cognition keys. */
	public static int templateOf(String questionKey) {
		if (questionKey == null || isCognitionKey(questionKey)) return -1;
		int u = questionKey.lastIndexOf('_');
		if (u > 0 && u < questionKey.length() - 1 && isDigits(questionKey.substring(u + 1)))
			return Integer.parseInt(questionKey.substring(u + 1));
		return -1;
	}

	private static boolean isDigits(String s) {
		for (int i = 0; i < s.length(); i++)
			if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
		return !s.isEmpty() && s.length() < 9;
	}

	/** True when the key is one of the five coarse question types (any template). */
	public static boolean isCoarse(String questionKey) {
		return COARSE_TYPES.contains(questionType(questionKey));
	}

	/** True when the question is a classification question of a dataset that feeds a fine-grained task. */
	public static boolean isFine(String questionKey, String dataset) {
		return CLASSIFICATION.equals(questionType(questionKey)) && fineTaskOf(dataset) != null;
	}

	public static boolean isCoarse(Prediction p) {
		return isCoarse(p.questionKey);
	}

	public static boolean isFine(Prediction p) {
		return isFine(p.questionKey, p.dataset);
	}

	public static boolean isCognition(Prediction p) {
		return isCognitionKey(p.questionKey);
	}

	/** True for rows whose {@code domain} is pathology (the {@code domain_pathology} slice, not the paper's table). */
	public static boolean isPathologyDomain(String domain) {
		return domain != null && PATHOLOGY_DOMAIN.equalsIgnoreCase(domain.trim());
	}

	/**
	 * The task of a question: the coarse type, the fine task id, {@link #COGNITION_TASK}, or
	 * {@link #UNSCORED_CLASSIFICATION} for classification questions of unscored datasets. Any other key returns its
	 * question type (so new question kinds are still reported under their own name).
	 */
	public static String taskOf(String questionKey, String dataset) {
		String type = questionType(questionKey);
		if (type == null) return null;
		if (COGNITION.equals(type)) return COGNITION_TASK;
		if (CLASSIFICATION.equals(type)) {
			String fine = fineTaskOf(dataset);
			return fine != null ? fine : UNSCORED_CLASSIFICATION;
		}
		return type;
	}

	/** {@link #taskOf(String, String)} of the prediction's key and dataset. */
	public static String taskOf(Prediction p) {
		return taskOf(p.questionKey, p.dataset);
	}

	/**
	 * The top-level groups a question belongs to: coarse / fine / cognition, and pathology when its dataset is one of
	 * the harness's pathology table ({@link HarnessProtocol#PATHOLOGY_DATASETS}).
	 */
	public static List<String> groupsOf(Prediction p) {
		List<String> groups = new ArrayList<>(2);
		if (isCoarse(p)) groups.add(GROUP_COARSE);
		else if (isFine(p)) groups.add(GROUP_FINE);
		else if (isCognition(p)) groups.add(GROUP_COGNITION);
		if (HarnessProtocol.isPathologyDataset(p.dataset)) groups.add(GROUP_PATHOLOGY);
		return groups;
	}
}
