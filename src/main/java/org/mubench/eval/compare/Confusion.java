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

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.mubench.eval.Prediction;
import org.mubench.eval.tasks.TaskRegistry;

/**
 * Which option a model chose against the right one, by class name, for one scope (a coarse question type or a
 * fine-grained task) of one run. A reply without a readable option counts as {@value #NO_ANSWER}.
 */
public final class Confusion {
	public static final String NO_ANSWER = "(no option)";

	public final String run, scope;
	/** counts.get(gold).get(chosen). */
	public final Map<String, Map<String, Long>> counts = new TreeMap<>();
	public long total;

	public Confusion(String run, String scope) {
		this.run = run;
		this.scope = scope;
	}

	void add(String gold, String chosen) {
		counts.computeIfAbsent(gold, k -> new TreeMap<>()).merge(chosen, 1L, Long::sum);
		total++;
	}

	public long count(String gold, String chosen) {
		Map<String, Long> row = counts.get(gold);
		return row == null ? 0 : row.getOrDefault(chosen, 0L);
	}

	public long goldTotal(String gold) {
		long n = 0;
		for (long v : counts.getOrDefault(gold, java.util.Collections.emptyMap()).values())
			n += v;
		return n;
	}

	/** Every class name seen as gold or chosen, the most frequent gold classes first. */
	public List<String> classes() {
		Map<String, Long> freq = new LinkedHashMap<>();
		for (String g : counts.keySet())
			freq.put(g, goldTotal(g));
		for (Map<String, Long> row : counts.values())
			for (String c : row.keySet())
				freq.putIfAbsent(c, 0L);
		List<String> out = new ArrayList<>(freq.keySet());
		out.sort(Comparator.comparingLong((String c) -> -freq.get(c)).thenComparing(c -> c));
		return out;
	}

	/** A confused pair: gold shown as chosen {@code count} times, {@code share} of all questions of that gold class. */
	public static final class Pair {
		public final String run, scope, gold, chosen;
		public final long count;
		public final double share;

		Pair(String run, String scope, String gold, String chosen, long count, double share) {
			this.run = run;
			this.scope = scope;
			this.gold = gold;
			this.chosen = chosen;
			this.count = count;
			this.share = share;
		}
	}

	/** The off-diagonal cells, most frequent first (ties: by gold, then chosen name). */
	public List<Pair> confusedPairs() {
		List<Pair> out = new ArrayList<>();
		for (Map.Entry<String, Map<String, Long>> g : counts.entrySet()) {
			long n = goldTotal(g.getKey());
			for (Map.Entry<String, Long> c : g.getValue().entrySet())
				if (!c.getKey().equals(g.getKey()))
					out.add(new Pair(run, scope, g.getKey(), c.getKey(), c.getValue(), (double) c.getValue() / n));
		}
		out.sort(Comparator.comparingLong((Pair p) -> -p.count).thenComparing(p -> p.gold).thenComparing(p -> p.chosen));
		return out;
	}

	/**
	 * The confusion matrices of one run: one per coarse question type ({@code coarse/<type>}) and per fine-grained task
	 * ({@code fine/<task>}), in that order. Questions without options are left out.
	 */
	public static List<Confusion> of(String run, Collection<Prediction> answered) {
		Map<String, Confusion> coarse = new TreeMap<>(), fine = new TreeMap<>();
		for (Prediction p : answered) {
			if (p.options == null || p.answerIdx < 0 || p.answerIdx >= p.options.size()) continue;
			String scope;
			Map<String, Confusion> into;
			if (TaskRegistry.isCoarse(p)) {
				scope = "coarse/" + TaskRegistry.questionType(p.questionKey);
				into = coarse;
			}
			else if (TaskRegistry.isFine(p)) {
				scope = "fine/" + TaskRegistry.fineTaskOf(p.dataset);
				into = fine;
			}
			else continue;
			String gold = p.options.get(p.answerIdx);
			String chosen = p.predIdx >= 0 && p.predIdx < p.options.size() ? p.options.get(p.predIdx) : NO_ANSWER;
			into.computeIfAbsent(scope, k -> new Confusion(run, k)).add(gold, chosen);
		}
		List<Confusion> out = new ArrayList<>();
		for (String t : TaskRegistry.COARSE_TYPES)
			if (coarse.containsKey("coarse/" + t)) out.add(coarse.remove("coarse/" + t));
		out.addAll(coarse.values());
		out.addAll(fine.values());
		return out;
	}
}
