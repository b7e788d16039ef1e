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
package org.mubench.eval.run;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.mubench.data.Question;
import org.mubench.data.Sample;
import org.mubench.eval.tasks.HarnessProtocol;
import org.mubench.eval.tasks.TaskRegistry;

/**
 * Which questions of a sample a run answers: the question set (captions of the chosen templates, or the generative
 * questions), narrowed by the task selectors. Cognition items ({@code cognition_*}) are answered in either set, as they
 * have no caption variant.
 */
final class QuestionSelector {
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
		String type = TaskRegistry.questionType(q.key);
		String group = groupOf(s, q);
		String task = normalise(TaskRegistry.taskOf(q.key, s.dataset));
		boolean hit = false;
		for (String sel : selectors) {
			if ((group != null && sel.equals(group)) || sel.equals(task) || sel.equals(normalise(type))
				|| (sel.equals(TaskRegistry.GROUP_PATHOLOGY) && HarnessProtocol.isPathologyDataset(s.dataset))) {
				matchedSelectors.add(sel);
				hit = true;
			}
		}
		return hit;
	}

	/** The selectors of {@code tasks} that name no group, question type or task. */
	static List<String> unknown(List<String> tasks) {
		Set<String> known = new HashSet<>();
		for (String g : new String[] { TaskRegistry.GROUP_COARSE, TaskRegistry.GROUP_FINE, TaskRegistry.GROUP_COGNITION,
			TaskRegistry.GROUP_PATHOLOGY, TaskRegistry.CLASSIFICATION })
		{
			known.add(normalise(g));
		}
		for (String t : TaskRegistry.COARSE_TYPES) known.add(normalise(t));
		for (TaskRegistry.FineTask t : TaskRegistry.fineTasks()) known.add(normalise(t.id));
		List<String> out = new ArrayList<>();
		for (String t : tasks) {
			if (!t.trim().isEmpty() && !known.contains(normalise(t))) out.add(t.trim());
		}
		return out;
	}

	static boolean isCognition(Question q) {
		return TaskRegistry.isCognitionKey(q.key);
	}

	/** {@code coarse}, {@code fine}, {@code cognition}, or null (classification of a dataset the paper did not score). */
	static String groupOf(Sample s, Question q) {
		if (isCognition(q)) return TaskRegistry.GROUP_COGNITION;
		if (TaskRegistry.isCoarse(q.key)) return TaskRegistry.GROUP_COARSE;
		if (TaskRegistry.isFine(q.key, s.dataset)) return TaskRegistry.GROUP_FINE;
		return null;
	}

	static String normalise(String s) {
		return s.trim().toLowerCase(Locale.ROOT).replaceAll("[-_\\s]+", " ");
	}
}
