package org.mubench.eval.run;

import java.util.HashMap;
import java.util.Map;

import org.mubench.data.Question;
import org.mubench.data.Sample;

/**
 * The task name written into each prediction. Coarse questions are named by their type, cognition items
 * {@code cognition}, and classification questions by the fine-grained task of the sample's source dataset (the
 * table of MICROBENCH.md §1); a dataset outside that table keeps {@code classification}.
 */
final class TaskNames {
	private TaskNames() {}

	private static final Map<String, String> FINE = new HashMap<>();

	private static void fine(String task, String... datasets) {
		for (String d : datasets) FINE.put(d, task);
	}

	static {
		fine("colorectal tissue types", "kather_et_al_2018", "kather_et_al_2018_val7k");
		fine("white blood cell types", "acevedo_et_al_2020", "jung_et_al_2022");
		fine("amyloid-beta pathology", "tang_et_al_2019", "wong_et_al_2022");
		fine("colorectal cancer texture", "kather_et_al_2016");
		fine("heart failure", "nirschl_et_al_2018");
		fine("cervical lesions", "hussain_et_al_2019");
		fine("cell cycle phase", "eulenberg_et_al_2017_brightfield", "eulenberg_et_al_2017_darkfield",
			"eulenberg_et_al_2017_epifluorescence", "held_et_al_2010_h2b");
		fine("synthetic cell phenotypes", "burgess_et_al_2024_contour", "burgess_et_al_2024_eccentricity",
			"burgess_et_al_2024_texture");
		fine("subcellular structures", "held_et_al_2010_galt", "held_et_al_2010_mt");
		fine("organisms and structures, fluorescence", "nirschl_unpub_fluorescence");
		fine("organisms and structures, electron", "empiar_sbfsem", "wu_et_al_2023");
		fine("pollen grains", "icpr2020_pollen");
		fine("colocalisation patterns", "colocalization_benchmark");
	}

	static String taskOf(Sample s, Question q) {
		if (QuestionSelector.isCognition(q)) return "cognition";
		String type = QuestionSelector.typeOf(q);
		if (!"classification".equals(type)) return type;
		String task = s.dataset == null ? null : FINE.get(s.dataset);
		return task == null ? type : task;
	}
}
