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
package org.mubench.eval.compare;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;

import org.mubench.base.Cancellation;
import org.mubench.base.ProgressListener;
import org.mubench.eval.Prediction;
import org.mubench.eval.score.Bootstrap;
import org.mubench.eval.score.GroupResult;
import org.mubench.eval.score.Scorer;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Compares benchmark runs question by question: the Table-1 view of every run, paired differences in accuracy with a
 * paired basic-bootstrap CI, an exact McNemar p-value and Holm's correction for every pair and pooled group, and the
 * confusion matrices of each run. The CLI {@code compare}, Fiji's Compare Runs… and {@code sweep} call this.
 * <p>
 * Pairing: a question is in a pair when both runs answered it (same row and question key) and counts in the group by
 * the scorer's own membership rule ({@link Scorer#pooledGroupsOf}); questions one run skipped or did not reach are
 * left out and counted per pair. Each pair and group draws from its own stream {@code (seed, "paired/<group>/<a>/<b>")}
 * of the scorer's bootstrap, so results do not depend on which other pairs were compared.
 */
public final class RunComparison {
	private RunComparison() {}

	/** The paper's totals, shown first in the table when present. */
	public static final List<String> HEADLINE_GROUPS = Arrays.asList("coarse_paper", "coarse", "fine_paper", "fine",
		"cognition");

	public static final class Options {
		public List<Path> runs = new ArrayList<>();
		public int resamples = Bootstrap.DEFAULT_RESAMPLES;
		public long seed = 0;
		public double confidence = Bootstrap.DEFAULT_CONFIDENCE;
		/**
		 * When not empty, only pairs that include one of these runs (indices into {@link #runs}) are compared (the
		 * sweep compares every α with the base and the fine-tuned model only); empty: every pair.
		 */
		public Set<Integer> references = new LinkedHashSet<>();
		/** Display names, one per run (empty: the model names, made unique by the folder names). */
		public List<String> labels = new ArrayList<>();
	}

	/** One paired difference; {@code diff} = accuracy of b − accuracy of a, over the shared questions. */
	@JsonPropertyOrder({ "a", "b", "group", "n", "diff", "ci_low", "ci_high", "p_value", "p_holm", "only_a_correct",
		"only_b_correct", "accuracy_a", "accuracy_b" })
	public static final class Pair {
		@JsonProperty("a")
		public String a;
		@JsonProperty("b")
		public String b;
		@JsonProperty("group")
		public String group;
		@JsonProperty("n")
		public long n;
		@JsonProperty("diff")
		public double diff;
		@JsonProperty("ci_low")
		public double ciLow;
		@JsonProperty("ci_high")
		public double ciHigh;
		@JsonProperty("p_value")
		public double pValue;
		@JsonProperty("p_holm")
		public double pHolm;
		@JsonProperty("only_a_correct")
		public long onlyA;
		@JsonProperty("only_b_correct")
		public long onlyB;
		/** Accuracies of a and b on the shared questions (their difference is {@code diff}). */
		@JsonProperty("accuracy_a")
		public double accuracyA;
		@JsonProperty("accuracy_b")
		public double accuracyB;
	}

	/** How much two runs share. */
	@JsonPropertyOrder({ "a", "b", "shared", "only_in_a", "only_in_b" })
	public static final class Overlap {
		@JsonProperty("a")
		public String a;
		@JsonProperty("b")
		public String b;
		@JsonProperty("shared")
		public long shared;
		@JsonProperty("only_in_a")
		public long onlyInA;
		@JsonProperty("only_in_b")
		public long onlyInB;
	}

	public static final class Result {
		public final List<ComparedRun> runs = new ArrayList<>();
		/** Groups with an accuracy in any run, headline groups first. */
		public final List<String> tableGroups = new ArrayList<>();
		public final List<Pair> pairs = new ArrayList<>();
		public final List<Overlap> overlaps = new ArrayList<>();
		public final List<Confusion> confusions = new ArrayList<>();
		/** Things the user should know (different datasets, skipped questions, unshared questions). */
		public final List<String> notes = new ArrayList<>();
		public int resamples;
		public long seed;
		public double confidence;

		public GroupResult cell(ComparedRun r, String group) {
			return r.summary.group(group);
		}
	}

	public static Result compare(Options o, ProgressListener progress, Cancellation cancel) throws IOException {
		if (o.runs.size() < 2)
			throw new IllegalArgumentException("compare needs at least two runs, got " + o.runs.size());
		ProgressListener l = progress == null ? ProgressListener.SILENT : progress;
		Cancellation c = cancel == null ? Cancellation.NEVER : cancel;
		Result r = new Result();
		r.resamples = o.resamples;
		r.seed = o.seed;
		r.confidence = o.confidence;
		Scorer scorer = new Scorer(o.resamples, o.seed, o.confidence);
		for (int i = 0; i < o.runs.size(); i++) {
			check(c);
			l.log("reading " + o.runs.get(i));
			r.runs.add(ComparedRun.read(o.runs.get(i), scorer, msg -> l.log("warning: " + msg)));
		}
		if (!o.labels.isEmpty()) {
			if (o.labels.size() != r.runs.size())
				throw new IllegalArgumentException(o.labels.size() + " labels for " + r.runs.size() + " runs");
			for (int i = 0; i < r.runs.size(); i++)
				r.runs.get(i).label = o.labels.get(i);
		}
		uniqueLabels(r.runs);
		datasetNotes(r);
		tableGroups(r);

		List<int[]> pairs = new ArrayList<>();
		for (int i = 0; i < r.runs.size(); i++)
			for (int j = i + 1; j < r.runs.size(); j++)
				if (o.references.isEmpty() || o.references.contains(i) || o.references.contains(j))
					pairs.add(o.references.contains(j) && !o.references.contains(i) ? new int[] { j, i }
						: new int[] { i, j });
		// Per pair: the shared questions, each with its pooled groups.
		Map<String, List<Pair>> byGroup = new LinkedHashMap<>();
		for (String g : pooledGroups(r))
			byGroup.put(g, new ArrayList<>());
		int done = 0;
		for (int[] ij : pairs) {
			check(c);
			ComparedRun a = r.runs.get(ij[0]), b = r.runs.get(ij[1]);
			l.progress(done++, pairs.size(), "comparing " + a.label + " and " + b.label);
			Map<String, long[]> counts = new LinkedHashMap<>(); // group → {onlyA, same, onlyB, correctA}
			Overlap ov = new Overlap();
			ov.a = a.label;
			ov.b = b.label;
			for (Map.Entry<String, Prediction> e : a.answered.entrySet()) {
				Prediction pb = b.answered.get(e.getKey());
				if (pb == null) {
					ov.onlyInA++;
					continue;
				}
				ov.shared++;
				Prediction pa = e.getValue();
				// The harness's groups too, where both runs' questions count in them (a generative and a contrastive
				// run count different classification keys in fine_paper).
				List<String> groups = new ArrayList<>(Scorer.pooledGroupsOf(pa));
				List<String> paper = new ArrayList<>(Scorer.paperGroupsOf(pa));
				paper.retainAll(Scorer.paperGroupsOf(pb));
				groups.addAll(paper);
				for (String g : groups) {
					long[] k = counts.computeIfAbsent(g, x -> new long[4]);
					if (pa.correct && !pb.correct) k[0]++;
					else if (pb.correct && !pa.correct) k[2]++;
					else k[1]++;
					if (pa.correct) k[3]++;
				}
			}
			ov.onlyInB = b.answered.size() - ov.shared;
			r.overlaps.add(ov);
			if (ov.shared == 0)
				throw new IllegalArgumentException(a.dir + " and " + b.dir + " share no answered question; compare " +
					"runs over the same dataset");
			if (ov.onlyInA > 0 || ov.onlyInB > 0)
				r.notes.add(a.label + " and " + b.label + " share " + ov.shared + " answered questions; " + ov.onlyInA +
					" answered only by " + a.label + " and " + ov.onlyInB + " only by " + b.label +
					" are left out of their paired differences");
			for (Map.Entry<String, List<Pair>> e : byGroup.entrySet()) {
				long[] k = counts.get(e.getKey());
				if (k == null) continue;
				e.getValue().add(pair(a.label, b.label, e.getKey(), k, o));
			}
		}
		for (List<Pair> group : byGroup.values()) {
			double[] p = new double[group.size()];
			for (int i = 0; i < p.length; i++)
				p[i] = group.get(i).pValue;
			double[] adj = PairedTests.holm(p);
			for (int i = 0; i < p.length; i++)
				group.get(i).pHolm = adj[i];
			r.pairs.addAll(group);
		}
		for (ComparedRun run : r.runs)
			r.confusions.addAll(Confusion.of(run.label, run.answered.values()));
		l.progress(pairs.size(), pairs.size(), "compared " + r.runs.size() + " runs");
		return r;
	}

	static Pair pair(String a, String b, String group, long[] k, Options o) {
		long n = k[0] + k[1] + k[2];
		Bootstrap.Interval ci = Bootstrap.pairedDifference(k[0], k[1], k[2], o.resamples, o.confidence,
			Bootstrap.stream(o.seed, "paired/" + group + "/" + a + "/" + b));
		Pair p = new Pair();
		p.a = a;
		p.b = b;
		p.group = group;
		p.n = n;
		p.onlyA = k[0];
		p.onlyB = k[2];
		p.diff = ci.mean;
		p.ciLow = ci.low;
		p.ciHigh = ci.high;
		p.pValue = PairedTests.exactMcNemar(k[0], k[2]);
		p.accuracyA = (double) k[3] / n;
		p.accuracyB = (double) (k[3] - k[0] + k[2]) / n;
		return p;
	}

	/** The pooled groups (those with a count of correct answers) of any run, in the first run's order. */
	static List<String> pooledGroups(Result r) {
		Set<String> out = new LinkedHashSet<>();
		for (ComparedRun run : r.runs)
			for (GroupResult g : run.summary.groups)
				if (g.correct != null && plain(g.group)) out.add(g.group);
		return new ArrayList<>(out);
	}

	/** Groups of the plain template and not the per-template pools. */
	private static boolean plain(String group) {
		return group.indexOf('@') < 0 && !group.startsWith("template/");
	}

	private static void tableGroups(Result r) {
		Set<String> all = new LinkedHashSet<>();
		for (String g : HEADLINE_GROUPS)
			for (ComparedRun run : r.runs)
				if (run.summary.group(g) != null && run.summary.group(g).hasAccuracy()) all.add(g);
		for (ComparedRun run : r.runs)
			for (GroupResult g : run.summary.groups)
				if (g.hasAccuracy() && plain(g.group)) all.add(g.group);
		r.tableGroups.addAll(all);
	}

	private static void uniqueLabels(List<ComparedRun> runs) {
		Map<String, Integer> count = new LinkedHashMap<>();
		for (ComparedRun r : runs)
			count.merge(r.label, 1, Integer::sum);
		Set<String> used = new HashSet<>();
		for (ComparedRun r : runs) {
			if (count.get(r.label) > 1) r.label = r.label + " (" + r.folderName() + ")";
			String base = r.label;
			for (int k = 2; !used.add(r.label); k++)
				r.label = base + " #" + k;
		}
	}

	private static void datasetNotes(Result r) {
		Set<String> paths = new LinkedHashSet<>(), fingerprints = new LinkedHashSet<>();
		boolean allFingerprinted = true;
		for (ComparedRun run : r.runs) {
			if (run.dataset != null) paths.add(normalise(run.dataset));
			if (run.datasetFingerprint != null) fingerprints.add(run.datasetFingerprint);
			else allFingerprinted = false;
			if (run.skipped > 0)
				r.notes.add(run.label + " skipped " + run.skipped + " questions (left out of its accuracies and of " +
					"every pair)");
		}
		// Fingerprints (run identity) decide when every run has one; otherwise the recorded paths.
		boolean different = allFingerprinted ? fingerprints.size() > 1 : paths.size() > 1;
		if (different)
			r.notes.add("warning: the runs read different datasets (" + String.join(", ", paths) + "); only " +
				"questions with the same row and question key are paired — check that the rows mean the same images");
	}

	private static String normalise(String path) {
		try {
			return Paths.get(path).toAbsolutePath().normalize().toString();
		}
		catch (RuntimeException e) {
			return path;
		}
	}

	private static void check(Cancellation c) {
		if (c.isCancelled()) throw new CancellationException("comparison cancelled");
	}
}
