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

import java.util.List;

import org.mubench.data.Sample;
import org.mubench.eval.Prediction;

/**
 * How one kind of model answers μ-Bench questions inside {@link BenchmarkRunner}. The runner owns everything else:
 * row selection, sharding, resume, batching, the predictions file, progress and cancellation.
 *
 * <p>The contract, in the order the runner uses it:
 * <ol>
 * <li>{@link #defaultQuestionSet()} picks the questions when the user did not: {@code CAPTIONS} for contrastive
 * models (template {@code _1} by default), {@code QUESTIONS} for generative ones.</li>
 * <li>{@link #prepare(Sample)} runs on decode worker threads, concurrently, once per sample that has questions to
 * answer: decode and preprocess the image here so it overlaps inference. Throw a
 * {@link org.mubench.data.DatasetException} for an unreadable image: the runner then records every question of the
 * sample as skipped with reason {@code unreadable_image}, logs it once, and goes on. The returned object reaches
 * {@link #answer} as {@link WorkItem#prepared()}.</li>
 * <li>{@link #answer(List, AnswerContext)} runs on one thread, batch after batch, with at most
 * {@link RunOptions#batchSize} items whose preparation succeeded. Return one {@link Prediction} per question of every
 * item, made with {@link WorkItem#newPrediction} and completed ({@code pred_idx}, {@code correct}, and {@code scores}
 * or {@code response}). A question that failed (e.g. a request that failed after its last retry) is returned from
 * {@link WorkItem#skipped} with a short reason such as {@code request_failed}; log its one-line cause through
 * {@link AnswerContext#log}. A thrown exception fails the batch: if no batch of the run has been answered yet, the run
 * stops with that exception (a model that never answered is misconfigured; make its message one line naming the fix);
 * later, the runner retries the batch's items one by one and records the questions of items that still fail as
 * skipped with reason {@code model_error}.</li>
 * </ol>
 * Answerers for a model kind are found through {@link AnswererFactory} plugins.
 */
public interface QuestionAnswerer extends AutoCloseable {
	QuestionSet defaultQuestionSet();

	Object prepare(Sample sample);

	List<Prediction> answer(List<WorkItem> batch, AnswerContext context);

	/**
	 * True when answering a batch keeps every CPU core busy, so preparing images at the same time would compete with
	 * it: the runner then prepares images only between batches (see {@link RunOptions#overlapInference}).
	 */
	default boolean saturatesCpu() {
		return false;
	}

	/** A short description for run.json and logs (e.g. the model's name and the path it takes). */
	default String describe() {
		return getClass().getSimpleName();
	}

	/**
	 * What the run's records (run.json, summary.json) should keep about how this answerer asked its model: request
	 * parameters, token usage, reply counts. JSON-friendly values only; never credentials. Read after the last batch.
	 */
	default java.util.Map<String, Object> runInfo() {
		return java.util.Collections.emptyMap();
	}

	@Override
	default void close() {}
}
