package org.mubench.eval.detect;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which of μ-Bench's 4 localisation tasks a dataset feeds. The paper names the tasks but not the datasets; this table
 * is our reading of it (the datasets whose rows carry boxes or polygons and whose subject matches the task name):
 * <ul>
 * <li>white blood cells — acevedo_et_al_2020, jung_et_al_2022 (blood smears)</li>
 * <li>subcellular structures — held_et_al_2010_h2b, _galt, _mt (nuclei in HeLa time-lapse)</li>
 * <li>cells in synthetic images — burgess_et_al_2024_contour, _eccentricity, _texture</li>
 * <li>mitochondria in cryo-ET — wu_et_al_2023</li>
 * </ul>
 * Any other dataset with annotations is reported under its own name.
 */
public final class LocalisationTasks {
	private LocalisationTasks() {}

	public static final String WHITE_BLOOD_CELLS = "white blood cells";
	public static final String SUBCELLULAR = "subcellular structures";
	public static final String SYNTHETIC_CELLS = "cells in synthetic images";
	public static final String MITOCHONDRIA = "mitochondria in cryo-ET";

	private static final Map<String, String> TABLE;
	static {
		Map<String, String> t = new LinkedHashMap<>();
		t.put("acevedo_et_al_2020", WHITE_BLOOD_CELLS);
		t.put("jung_et_al_2022", WHITE_BLOOD_CELLS);
		t.put("held_et_al_2010_h2b", SUBCELLULAR);
		t.put("held_et_al_2010_galt", SUBCELLULAR);
		t.put("held_et_al_2010_mt", SUBCELLULAR);
		t.put("burgess_et_al_2024_contour", SYNTHETIC_CELLS);
		t.put("burgess_et_al_2024_eccentricity", SYNTHETIC_CELLS);
		t.put("burgess_et_al_2024_texture", SYNTHETIC_CELLS);
		t.put("wu_et_al_2023", MITOCHONDRIA);
		TABLE = Collections.unmodifiableMap(t);
	}

	/** dataset → task, in the order above. */
	public static Map<String, String> table() {
		return TABLE;
	}

	/** The task of a dataset, or {@code dataset} itself (or {@code unknown}) when it is not in the table. */
	public static String taskOf(String dataset) {
		if (dataset == null) return "unknown";
		String t = TABLE.get(dataset);
		return t != null ? t : dataset;
	}
}
