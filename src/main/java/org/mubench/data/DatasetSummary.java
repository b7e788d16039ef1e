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
package org.mubench.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.mubench.base.Cancellation;
import org.mubench.base.ProgressListener;

/** Counts over a whole dataset: rows, rows per source dataset, non-null questions per type, captions per key. */
public final class DatasetSummary {
	/** Key used in {@link #datasets} for rows whose dataset is null and cannot be derived. */
	public static final String NO_DATASET = "(none)";

	public final long rows;
	/** Rows per {@code dataset} (Held rows under their derived name), sorted by name. */
	public final Map<String, Long> datasets;
	/** Non-null questions per key ({@code classification}, {@code domain}, …), in first-seen order. */
	public final Map<String, Long> questions;
	/** Non-null captions per key ({@code modality_0}, …), in first-seen order. */
	public final Map<String, Long> captions;
	/** Rows whose image cell is empty. */
	public final long missingImages;

	private DatasetSummary(long rows, Map<String, Long> datasets, Map<String, Long> questions,
		Map<String, Long> captions, long missingImages)
	{
		this.rows = rows;
		this.datasets = Collections.unmodifiableMap(datasets);
		this.questions = Collections.unmodifiableMap(questions);
		this.captions = Collections.unmodifiableMap(captions);
		this.missingImages = missingImages;
	}

	/**
	 * Reads every sample once (one batch in memory at a time). Reports progress every 100 rows with {@code total} as the
	 * expected row count (or -1). Throws the stream's {@link DatasetException} when the data cannot be read to the end.
	 */
	public static DatasetSummary of(Dataset dataset, long total, ProgressListener progress, Cancellation cancel) {
		long rows = 0, missing = 0;
		Map<String, Long> datasets = new TreeMap<>(), questions = new LinkedHashMap<>(),
			captions = new LinkedHashMap<>();
		try (SampleStream s = dataset.samples(progress)) {
			while (s.hasNext()) {
				if (cancel.isCancelled()) throw new DatasetException(dataset.location() + ": cancelled after " + rows +
					" rows");
				Sample x = s.next();
				rows++;
				if (x.imageBytes == null || x.imageBytes.length == 0) missing++;
				datasets.merge(x.dataset == null ? NO_DATASET : x.dataset, 1L, Long::sum);
				for (String k : x.questions.keySet()) questions.merge(k, 1L, Long::sum);
				for (String k : x.captions.keySet()) captions.merge(k, 1L, Long::sum);
				if (rows % 100 == 0) progress.progress(rows, total, "reading rows");
			}
		}
		progress.progress(rows, total < 0 ? rows : total, "read " + rows + " rows");
		return new DatasetSummary(rows, datasets, questions, captions, missing);
	}
}
