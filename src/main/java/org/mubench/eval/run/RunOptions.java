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

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** What a benchmark run covers and how it runs; the fields the {@code run} command and the Fiji dialog fill in. */
public final class RunOptions {
	/** Task selectors: {@code coarse}, {@code fine}, {@code cognition}, or task names; empty means all. */
	public List<String> tasks = new ArrayList<>();
	/** Source datasets to keep ({@code dataset} values); empty means all. */
	public List<String> datasets = new ArrayList<>();
	/** At most this many rows of the selection (after dataset and shard filters); 0 or less means no limit. */
	public long limit = 0;
	/** Images per inference batch; predictions are flushed to disk after each batch. */
	public int batchSize = 16;
	/** Caption templates answered by contrastive (and random) models; the paper's final numbers use template 1. */
	public List<Integer> templates = new ArrayList<>(Arrays.asList(1));
	/** Which question set to answer; AUTO lets the model's answerer choose. */
	public QuestionSet questionSet = QuestionSet.AUTO;
	/** Seed for anything random (the random model). */
	public long seed = 0;
	public Shard shard = Shard.ALL;
	/** Continue an interrupted run in {@link #out}, skipping questions already in its predictions file. */
	public boolean resume = false;
	/** The model SPEC as the user gave it (recorded in run.json). */
	public String modelSpec;
	/** Output folder: predictions.jsonl, run.json and the reports. */
	public Path out;
	/** Threads decoding and preprocessing images; 0 picks from the core count ({@link #decodeThreads(boolean)}). */
	public int decodeThreads = 0;
	/** Preprocessed batches waiting for the model at most (bounds memory). */
	public int queueBatches = 4;
	/**
	 * Whether images are decoded while the model answers a batch. Null (default) decides per model: yes, unless the
	 * answerer says inference already uses every core ({@link QuestionAnswerer#saturatesCpu()}, e.g. an ONNX model on
	 * the CPU with intra-op threads = cores), in which case decoding runs only between batches, on as many threads as
	 * there are cores: on 2 cores, overlapping cost ONNX Runtime ~17 % while decoding between batches costs ~5 %.
	 */
	public Boolean overlapInference;
	/** When set, the runner and the contrastive answerer add their per-stage times here ({@code mubench bench}). */
	public StageTimes stageTimes;

	/**
	 * The decode threads of a run, the one rule for it: the explicit {@link #decodeThreads}, else one core left to
	 * the model while decoding overlaps inference, else every core (decoding then runs only between batches).
	 */
	public int decodeThreads(boolean overlapsInference) {
		if (decodeThreads > 0) return decodeThreads;
		int cores = java.lang.Runtime.getRuntime().availableProcessors();
		return overlapsInference ? Math.max(1, cores - 1) : cores;
	}
}
