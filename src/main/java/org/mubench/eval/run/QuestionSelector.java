package org.mubench.eval.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.mubench.data.Question;
import org.mubench.data.Sample;

/**
 * Which questions of a sample a run answers: the question set (captions of the chosen templates, or the generative
 * questions), narrowed by the task selectors. Cognition items ({@code cognition_*}) are answered in either set, as they
 * have no caption variant.
 */
final class QuestionSelector {
	static final Set<String> COARSE = new HashSet<>(Arrays.asList("domain", "subdomain", "modality", "submodality", "stain"));

	private final QuestionSet set;
	private final Set<Integer> templates;
	private final Set<String> selectors = new LinkedHashSet<>();
	private final Set<String> datasets = new HashSet<>();
	private final Set<String> matchedSelectors = new HashSet<>();

	QuestionSelector(RunOptions options, QuestionSet set) {
		this.set = set;
		this.templates = new HashSet<>(options.templates);
		for (String t : options.tasks) {
			if (!t.trim().isEmpty()) selectors.add(normalise(t));
		}
		for (String d : options.datasets) {
			if (!d.trim().isEmpty()) datasets.add(d.trim());
		}
	}

	boolean keepsDataset(Sample s) {
		return datasets.isEmpty() || (s.dataset != null && datasets.contains(s.dataset));
	}

	/** The questions to answer for {@code s}, in the sample's order (captions, then questions). */
	List<Question> select(Sample s) {
		List<Question> out = new ArrayList<>();
		if (set == QuestionSet.CAPTIONS) {
			for (Question q : s.captions.values()) {
				if (templates.contains(q.template()) && wanted(s, q)) out.add(q);
			}
			for (Question q : s.questions.values()) {
				if (isCognition(q) && wanted(s, q)) out.add(q);
			}
		}
		else {
			for (Question q : s.questions.values()) {
				if (!q.isCaption() && wanted(s, q)) out.add(q);
			}
		}
		return out;
	}

	/** Selectors that matched no question so far (to warn about typos at the end of a run). */
	List<String> unmatchedSelectors() {
		List<String> out = new ArrayList<>();
		for (String s : selectors) {
			if (!matchedSelectors.contains(s)) out.add(s);
		}
		return out;
	}

	private boolean wanted(Sample s, Question q) {
		if (q.options == null || q.options.isEmpty()) return false;
		if (selectors.isEmpty()) return true;
		String type = typeOf(q);
		String group = groupOf(q);
		String task = normalise(TaskNames.taskOf(s, q));
		boolean hit = false;
		for (String sel : selectors) {
			if (sel.equals(group) || sel.equals(task) || sel.equals(normalise(type))) {
				matchedSelectors.add(sel);
				hit = true;
			}
		}
		return hit;
	}

	static boolean isCognition(Question q) {
		return q.key.startsWith("cognition_");
	}

	/** The question type: the key without its template suffix ({@code modality_1} → {@code modality}). */
	static String typeOf(Question q) {
		if (q.isCaption()) return q.key.substring(0, q.key.lastIndexOf('_'));
		return q.key;
	}

	/** {@code coarse}, {@code fine} or {@code cognition}. */
	static String groupOf(Question q) {
		if (isCognition(q)) return "cognition";
		return COARSE.contains(typeOf(q)) ? "coarse" : "fine";
	}

	static String normalise(String s) {
		return s.trim().toLowerCase(Locale.ROOT).replaceAll("[-_\\s]+", " ");
	}
}
