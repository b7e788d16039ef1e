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
package org.mubench.eval;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One answered question: a line of {@code predictions.jsonl}. Field names are the file's keys. A question that could
 * not be answered (unreadable image, failed request) is recorded with {@code pred_idx = -1}, {@code correct = false} and
 * a {@code skipped} reason, and scoring counts it under {@code skipped/<reason>} rather than in accuracy.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({ "row", "image_id", "dataset", "domain", "task", "question_key", "template", "options", "answer_idx",
	"scores", "pred_idx", "correct", "response", "model", "skipped" })
public final class Prediction {
	/** Global row index in shard order. */
	@JsonProperty("row")
	public long row;
	@JsonProperty("image_id")
	public String imageId;
	@JsonProperty("dataset")
	public String dataset;
	/** The sample's {@code domain} (pathology, biology, …): selects the pathology slice. */
	@JsonProperty("domain")
	public String domain;
	/** Task name from the task registry ({@code modality}, {@code colorectal tissue types}, …). */
	@JsonProperty("task")
	public String task;
	/** {@code modality_1} for caption questions, {@code modality} for generative ones. */
	@JsonProperty("question_key")
	public String questionKey;
	/** Caption template (0 or 1), or -1 for generative questions. */
	@JsonProperty("template")
	public int template = -1;
	@JsonProperty("options")
	public List<String> options;
	@JsonProperty("answer_idx")
	public int answerIdx;
	/** Contrastive: the raw similarity of each option; null otherwise. */
	@JsonProperty("scores")
	public double[] scores;
	/** Index of the chosen option, -1 when none could be read. */
	@JsonProperty("pred_idx")
	public int predIdx = -1;
	@JsonProperty("correct")
	public boolean correct;
	/** Generative: the raw reply; null otherwise. */
	@JsonProperty("response")
	public String response;
	@JsonProperty("model")
	public String model;
	/** Why the question was not answered ({@code unreadable_image}, {@code request_failed}, …), or null. */
	@JsonProperty("skipped")
	public String skipped;

	/** The unique key of a question within a run: row and question key. */
	public String key() {
		return row + "/" + questionKey;
	}
}
