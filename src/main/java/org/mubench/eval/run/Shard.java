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

/**
 * Shard K of N for cluster job arrays: row {@code r} belongs to shard K iff {@code r % N == K - 1}. Interleaving by row
 * (rather than contiguous ranges) keeps shards balanced across the release's per-dataset ordering and needs no row count.
 */
public final class Shard {
	public static final Shard ALL = new Shard(1, 1);

	/** 1-based shard number. */
	public final int index;
	public final int count;

	public Shard(int index, int count) {
		if (count < 1 || index < 1 || index > count) {
			throw new IllegalArgumentException("Shard " + index + "/" + count + " is invalid: use K/N with 1 <= K <= N");
		}
		this.index = index;
		this.count = count;
	}

	/** Parses {@code K/N} (e.g. {@code 3/8}). */
	public static Shard parse(String text) {
		String t = text.trim();
		int slash = t.indexOf('/');
		if (slash < 0) throw new IllegalArgumentException("Shard '" + text + "' is not K/N (e.g. --shard 1/4)");
		try {
			return new Shard(Integer.parseInt(t.substring(0, slash).trim()), Integer.parseInt(t.substring(slash + 1).trim()));
		}
		catch (NumberFormatException e) {
			throw new IllegalArgumentException("Shard '" + text + "' is not K/N with whole numbers (e.g. --shard 1/4)");
		}
	}

	public boolean contains(long row) {
		return row % count == index - 1;
	}

	/** How many of the rows {@code 0 … rows-1} fall into this shard. */
	public long rowsOf(long rows) {
		if (rows <= 0) return 0;
		long full = rows / count;
		return full + (rows % count > index - 1 ? 1 : 0);
	}

	@Override
	public String toString() {
		return index + "/" + count;
	}
}
