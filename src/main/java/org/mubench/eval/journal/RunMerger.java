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
package org.mubench.eval.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mubench.eval.Prediction;

/**
 * Joins the predictions of shard runs ({@code run --shard K/N}) into one run. A question (row + question key) seen in
 * several shards must be recorded identically; the merged list is sorted by row, then question key. Because scoring
 * is order-independent and seeded per group, the merged run's summary equals an unsharded run's.
 */
public final class RunMerger {
	private RunMerger() {}

	/** The predictions file of a run folder, or the path itself when it is a file. */
	public static Path predictionsOf(Path run) {
		return Files.isDirectory(run) ? run.resolve(PredictionsFile.FILE_NAME) : run;
	}

	/** Reads and joins the runs; warnings (torn last lines) go to {@code warnings}. */
	public static List<Prediction> merge(List<Path> runs, java.util.function.Consumer<String> warnings)
		throws IOException
	{
		Map<String, Prediction> byKey = new LinkedHashMap<>();
		Map<String, Path> source = new LinkedHashMap<>();
		for (Path run : runs) {
			Path file = predictionsOf(run);
			if (!Files.isRegularFile(file))
				throw new IOException(run + ": no " + PredictionsFile.FILE_NAME + " here; pass the --out folder of " +
					"each shard run");
			for (Prediction p : PredictionsFile.read(file, warnings)) {
				String key = p.key();
				Prediction old = byKey.get(key);
				if (old == null) {
					byKey.put(key, p);
					source.put(key, file);
				}
				else if (!PredictionsFile.toLine(old).equals(PredictionsFile.toLine(p))) {
					throw new IOException("row " + p.row + " question " + p.questionKey + " differs between " +
						source.get(key) + " and " + file + "; the shards come from different runs — re-run one of them");
				}
			}
		}
		List<Prediction> out = new ArrayList<>(byKey.values());
		out.sort(Comparator.comparingLong((Prediction p) -> p.row).thenComparing(p -> String.valueOf(p.questionKey)));
		return out;
	}
}
