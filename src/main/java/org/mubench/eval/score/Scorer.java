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

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.mubench.eval.Prediction;
import org.mubench.eval.tasks.HarnessProtocol;
import org.mubench.eval.tasks.TaskRegistry;

/**
 * Computes every group of {@code summary.json} from predictions (see docs/scoring.md for the list).
 * <p>
 * Pooled groups: accuracy = correct / answered questions, with the basic-bootstrap CI of {@link Bootstrap}. Macro
 * groups ({@code macro/coarse}, {@code macro/fine}): the unweighted mean of the per-type (per-task) accuracies, its CI
 * from resampling the questions of each part independently and averaging the part means. Skipped questions are left
 * out of every accuracy and counted under {@code skipped/<reason>}.
 * <p>
 * Templates: when the caption questions use more than one template, every group is computed per template; the
 * default template (1, the paper's; else the lowest) keeps the plain names together with non-caption questions, other
 * templates get a suffix ({@code coarse@t0}). {@code template/<k>} rows pool all questions of template k.
 * <p>
 * Scores do not depend on the order of the predictions: they are sorted by (row, question key) first, and each group
 * draws from its own random stream derived from (seed, group name).
 */
public final class Scorer {
	/** The harness's coarse total (and {@code coarse_paper/<type>}): {@link HarnessProtocol} decides membership. */
	public static final String COARSE_PAPER = "coarse_paper";
	/** The harness's fine total. */
	public static final String FINE_PAPER = "fine_paper";
	/** Every question of rows whose {@code domain} is pathology (not the paper's seven-dataset table). */
	public static final String DOMAIN_PATHOLOGY = "domain_pathology";

	private final int resamples;
	private final long seed;
	private final double confidence;

	public Scorer(int resamples, long seed) {
		this(resamples, seed, Bootstrap.DEFAULT_CONFIDENCE);
	}

	public Scorer(int resamples, long seed, double confidence) {
		if (resamples < 1) throw new IllegalArgumentException("resamples must be at least 1, got " + resamples);
		if (!(confidence > 0 && confidence < 1))
			throw new IllegalArgumentException("confidence level must be in (0, 1), got " + confidence);
		this.resamples = resamples;
		this.seed = seed;
		this.confidence = confidence;
	}

	/** Counts of one group. */
	private static final class Acc {
		long n, k, withOptions;
		/** Questions per number of options: the chance level is summed from it exactly and order-free. */
		final TreeMap<Integer, Long> optionCounts = new TreeMap<>();

		void add(Prediction p) {
			n++;
			if (p.correct) k++;
			if (p.options != null && !p.options.isEmpty()) {
				withOptions++;
				optionCounts.merge(p.options.size(), 1L, Long::sum);
			}
		}

		Double chance() {
			if (withOptions == 0) return null;
			double sum = 0;
			for (Map.Entry<Integer, Long> e : optionCounts.entrySet())
				sum += (double) e.getValue() / e.getKey();
			return sum / withOptions;
		}
	}

	/** The template of a prediction: its field, else the key's suffix; -1 for non-caption questions. */
	public static int templateOf(Prediction p) {
		return p.template >= 0 ? p.template : TaskRegistry.templateOf(p.questionKey);
	}

	public Summary score(List<Prediction> predictions, String model, Map<String, Object> run) {
		List<Prediction> sorted = new ArrayList<>(predictions);
		sorted.sort(Comparator.comparingLong((Prediction p) -> p.row).thenComparing(p -> String.valueOf(p.questionKey)));

		Summary s = new Summary();
		s.model = model;
		if (run != null) s.run.putAll(run);
		s.resamples = resamples;
		s.seed = seed;
		s.confidenceLevel = confidence;

		Map<String, Long> skipped = new TreeMap<>();
		List<Prediction> answered = new ArrayList<>();
		boolean generative = false;
		for (Prediction p : sorted) {
			if (p.response != null) generative = true;
			if (p.skipped != null) {
				skipped.merge(p.skipped, 1L, Long::sum);
				continue;
			}
			answered.add(p);
			if (p.predIdx == -1 && p.response != null) s.unparseable++;
		}

		TreeSet<Integer> templates = new TreeSet<>();
		for (Prediction p : answered) {
			int t = templateOf(p);
			if (t >= 0) templates.add(t);
		}
		s.templates.addAll(templates);
		if (templates.size() <= 1) {
			addGroups(s, answered, "", answered);
		}
		else {
			int def = defaultTemplate(answered);
			s.defaultTemplate = def;
			List<Prediction> main = new ArrayList<>();
			for (Prediction p : answered) {
				int t = templateOf(p);
				if (t < 0 || t == def) main.add(p);
			}
			addGroups(s, main, "", answered);
			for (int t : templates) {
				if (t == def) continue;
				List<Prediction> part = new ArrayList<>();
				for (Prediction p : answered)
					if (templateOf(p) == t) part.add(p);
				addGroups(s, part, "@t" + t, null);
			}
			for (int t : templates) {
				Acc a = new Acc();
				for (Prediction p : answered)
					if (templateOf(p) == t) a.add(p);
				s.groups.add(pooled("template/" + t, a));
			}
		}
		for (Map.Entry<String, Long> e : skipped.entrySet())
			s.groups.add(GroupResult.countOnly("skipped/" + e.getKey(), e.getValue()));
		if (generative) s.groups.add(GroupResult.countOnly("unparseable", s.unparseable));
		return s;
	}

	private void addGroups(Summary s, List<Prediction> preds, String suffix, List<Prediction> paperPreds) {
		Map<String, Acc> acc = new LinkedHashMap<>();
		// Canonical order: groups are created here in the order the report lists them.
		for (String name : canonicalOrder())
			acc.put(name, new Acc());
		Map<String, Acc> datasets = new TreeMap<>();
		Map<String, Acc> datasetClassification = new TreeMap<>();
		Map<String, Acc> other = new TreeMap<>();
		for (Prediction p : preds) {
			for (String name : pooledGroupsOf(p)) {
				Acc a = acc.get(name);
				if (a != null) a.add(p);
				else if (name.startsWith(DATASET_PREFIX) && name.endsWith(CLASSIFICATION_SUFFIX))
					datasetClassification.computeIfAbsent(
						name.substring(DATASET_PREFIX.length(), name.length() - CLASSIFICATION_SUFFIX.length()),
						k -> new Acc()).add(p);
				else if (name.startsWith(DATASET_PREFIX))
					datasets.computeIfAbsent(name.substring(DATASET_PREFIX.length()), k -> new Acc()).add(p);
				else other.computeIfAbsent(name, k -> new Acc()).add(p);
			}
		}
		// The harness's own groups: its question-class filters over all answered questions, whatever the template.
		if (paperPreds != null) {
			for (Prediction p : paperPreds)
				for (String name : paperGroupsOf(p))
					acc.get(name).add(p);
		}
		for (Map.Entry<String, Acc> e : acc.entrySet()) {
			if (e.getKey().startsWith("macro/")) {
				String prefix = e.getKey().equals("macro/coarse") ? "coarse/" : "fine/";
				List<String> parts = new ArrayList<>();
				for (String name : acc.keySet())
					if (name.startsWith(prefix) && acc.get(name).n > 0) parts.add(name);
				if (!parts.isEmpty()) s.groups.add(macro(e.getKey() + suffix, parts, acc));
			}
			else if (e.getValue().n > 0) {
				s.groups.add(pooled(e.getKey() + suffix, e.getValue()));
			}
		}
		for (Map.Entry<String, Acc> e : other.entrySet())
			s.groups.add(pooled(e.getKey() + suffix, e.getValue()));
		for (Map.Entry<String, Acc> e : datasets.entrySet()) {
			s.groups.add(pooled("dataset/" + e.getKey() + suffix, e.getValue()));
			Acc c = datasetClassification.get(e.getKey());
			if (c != null) s.groups.add(pooled("dataset/" + e.getKey() + "/classification" + suffix, c));
		}
	}

	private static final String DATASET_PREFIX = "dataset/", CLASSIFICATION_SUFFIX = "/classification";

	/**
	 * The pooled groups one answered question counts in (names without a template suffix): the one membership rule,
	 * used by the scorer and by paired comparisons of runs.
	 */
	public static List<String> pooledGroupsOf(Prediction p) {
		List<String> groups = new ArrayList<>(6);
		String type = TaskRegistry.questionType(p.questionKey);
		if (TaskRegistry.isCoarse(p)) {
			groups.add("coarse");
			groups.add("coarse/" + type);
		}
		else if (TaskRegistry.isFine(p)) {
			groups.add("fine");
			groups.add("fine/" + TaskRegistry.fineTaskOf(p.dataset));
		}
		else if (TaskRegistry.isCognition(p)) {
			groups.add("cognition");
		}
		else if (type != null && !TaskRegistry.CLASSIFICATION.equals(type)) {
			// A question kind the registry does not know: still reported under its own name.
			groups.add("other/" + type);
		}
		if (TaskRegistry.isPathologyDomain(p.domain)) groups.add(DOMAIN_PATHOLOGY);
		String ds = p.dataset == null ? "unknown" : p.dataset;
		groups.add(DATASET_PREFIX + ds);
		if (TaskRegistry.CLASSIFICATION.equals(type)) groups.add(DATASET_PREFIX + ds + CLASSIFICATION_SUFFIX);
		return groups;
	}

	/**
	 * The harness's groups a question counts in (coarse_paper, coarse_paper/type, fine_paper, pathology/…): the
	 * question-class and dataset filters of the authors' final scripts, held in {@link HarnessProtocol}.
	 */
	public static List<String> paperGroupsOf(Prediction p) {
		List<String> groups = new ArrayList<>(5);
		boolean generative = p.response != null;
		String paperType = HarnessProtocol.coarsePaperType(p.questionKey, p.dataset);
		if (paperType != null) {
			groups.add(COARSE_PAPER);
			groups.add(COARSE_PAPER + "/" + paperType);
		}
		if (HarnessProtocol.isFinePaper(p.questionKey, p.dataset, generative)) groups.add(FINE_PAPER);
		boolean pc = HarnessProtocol.isPathologyCoarse(p.questionKey, p.dataset);
		boolean pf = HarnessProtocol.isPathologyFine(p.questionKey, p.dataset, generative);
		if (pc) groups.add("pathology/coarse");
		if (pf) groups.add("pathology/fine");
		if (pc || pf) groups.add("pathology");
		return groups;
	}

	/**
	 * The caption template reported without a suffix: 1 (the paper's) when present, else the lowest; -1 when the
	 * questions use at most one template (then every question is in the plain groups).
	 */
	public static int defaultTemplate(List<Prediction> answered) {
		TreeSet<Integer> templates = new TreeSet<>();
		for (Prediction p : answered) {
			int t = templateOf(p);
			if (t >= 0) templates.add(t);
		}
		if (templates.size() <= 1) return -1;
		return templates.contains(1) ? 1 : templates.first();
	}

	/** True when the question counts in the plain (unsuffixed) groups under {@link #defaultTemplate}. */
	public static boolean inPlainGroups(Prediction p, int defaultTemplate) {
		int t = templateOf(p);
		return defaultTemplate < 0 || t < 0 || t == defaultTemplate;
	}

	/** The fixed groups in report order (empty ones are dropped). */
	public static List<String> canonicalOrder() {
		List<String> names = new ArrayList<>();
		names.add(COARSE_PAPER);
		for (String t : TaskRegistry.COARSE_TYPES)
			names.add(COARSE_PAPER + "/" + t);
		names.add(FINE_PAPER);
		names.add("coarse");
		for (String t : TaskRegistry.COARSE_TYPES)
			names.add("coarse/" + t);
		names.add("fine");
		for (TaskRegistry.FineTask t : TaskRegistry.fineTasks())
			names.add("fine/" + t.id);
		names.add("cognition");
		names.add("pathology");
		names.add("pathology/coarse");
		names.add("pathology/fine");
		names.add(DOMAIN_PATHOLOGY);
		names.add("macro/coarse");
		names.add("macro/fine");
		return names;
	}

	private GroupResult pooled(String name, Acc a) {
		Bootstrap.Interval ci = Bootstrap.proportion(a.k, a.n, resamples, confidence, Bootstrap.stream(seed, name));
		GroupResult g = new GroupResult();
		g.group = name;
		g.n = a.n;
		g.correct = a.k;
		g.accuracy = ci.mean;
		g.ciLow = ci.low;
		g.ciHigh = ci.high;
		g.halfWidth = ci.halfWidth;
		g.chance = a.chance();
		return g;
	}

	private GroupResult macro(String name, List<String> parts, Map<String, Acc> acc) {
		long[] k = new long[parts.size()], n = new long[parts.size()];
		long total = 0;
		double chance = 0;
		int chanceParts = 0;
		for (int i = 0; i < parts.size(); i++) {
			Acc a = acc.get(parts.get(i));
			k[i] = a.k;
			n[i] = a.n;
			total += a.n;
			if (a.chance() != null) {
				chance += a.chance();
				chanceParts++;
			}
		}
		Bootstrap.Interval ci = Bootstrap.meanOfProportions(k, n, resamples, confidence,
			Bootstrap.stream(seed, name));
		GroupResult g = new GroupResult();
		g.group = name;
		g.n = total;
		g.accuracy = ci.mean;
		g.ciLow = ci.low;
		g.ciHigh = ci.high;
		g.halfWidth = ci.halfWidth;
		g.chance = chanceParts == 0 ? null : chance / chanceParts;
		return g;
	}
}
