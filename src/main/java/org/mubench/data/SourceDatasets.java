package org.mubench.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks names given to select source datasets ({@code dataset} values, e.g. {@code kather_et_al_2016}) against the
 * dataset itself. Reads the rows' {@code dataset} field only until every name was seen, so valid names cost a partial
 * read and only a name that is not there costs a full pass (which also yields the list of names to offer).
 */
public final class SourceDatasets {
	private SourceDatasets() {}

	/** The names the dataset lacks (in the order given) and every name it has (sorted). */
	public static final class Check {
		public final List<String> unknown;
		public final Set<String> known;

		Check(List<String> unknown, Set<String> known) {
			this.unknown = unknown;
			this.known = known;
		}

		/** "'x' is not a source dataset of DIR, which has: a, b, c" (front-end-neutral). */
		public String describe(Dataset dataset) {
			return (unknown.size() == 1 ? "'" + unknown.get(0) + "' is not a source dataset" : unknown + " are not source datasets")
				+ " of " + dataset.location() + ", which has: " + (known.isEmpty() ? "none" : String.join(", ", known));
		}
	}

	public static Check check(Dataset dataset, Collection<String> names) {
		Set<String> wanted = new LinkedHashSet<>();
		for (String n : names) if (n != null && !n.trim().isEmpty()) wanted.add(n.trim());
		Set<String> seen = new TreeSet<>();
		if (wanted.isEmpty()) return new Check(new ArrayList<>(), seen);
		try (SampleStream s = dataset.samples()) {
			while (s.hasNext() && !seen.containsAll(wanted)) {
				Sample sample = s.next();
				if (sample.dataset != null) seen.add(sample.dataset);
			}
		}
		catch (Exception e) {
			throw e instanceof RuntimeException ? (RuntimeException) e
				: new DatasetException(dataset.location() + ": cannot read (" + Messages.oneLine(e) + ")", e);
		}
		List<String> unknown = new ArrayList<>();
		for (String w : wanted) if (!seen.contains(w)) unknown.add(w);
		return new Check(unknown, seen);
	}
}
