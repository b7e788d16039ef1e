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

import org.mubench.data.Question;
import org.mubench.data.Sample;
import org.mubench.eval.Prediction;
import org.mubench.eval.tasks.TaskRegistry;

/**
 * One sample on its way through a run: the questions still to answer, and what {@link QuestionAnswerer#prepare}
 * made of its image (on a worker thread) or why that failed.
 */
public final class WorkItem {
	public final Sample sample;
	/** Questions to answer for this sample, in order (already-answered ones removed on resume). */
	public final List<Question> questions;
	private final String modelName;
	private volatile Object prepared;
	private volatile String skipReason;
	private volatile String skipDetail;

	WorkItem(Sample sample, List<Question> questions, String modelName) {
		this.sample = sample;
		this.questions = questions;
		this.modelName = modelName;
	}

	/** What {@link QuestionAnswerer#prepare} returned for this sample (a preprocessed tensor, …), or null. */
	public Object prepared() {
		return prepared;
	}

	void prepared(Object value) {
		prepared = value;
	}

	void fail(String reason, String detail) {
		skipReason = reason;
		skipDetail = detail;
	}

	String skipReason() {
		return skipReason;
	}

	String skipDetail() {
		return skipDetail;
	}

	/**
	 * A prediction for {@code q} with everything known before answering filled in (row, ids, task, key, template,
	 * options, answer, model); the answerer sets {@code scores}, {@code pred_idx}, {@code correct}, {@code response}.
	 */
	public Prediction newPrediction(Question q) {
		Prediction p = new Prediction();
		p.row = sample.row;
		p.imageId = sample.imageId;
		p.dataset = sample.dataset;
		p.domain = sample.domain;
		p.task = TaskRegistry.taskOf(q.key, sample.dataset);
		p.questionKey = q.key;
		p.template = q.template();
		p.options = q.options;
		p.answerIdx = q.answerIdx;
		p.model = modelName;
		return p;
	}

	/** A prediction for {@code q} recording that it could not be answered. */
	public Prediction skipped(Question q, String reason) {
		Prediction p = newPrediction(q);
		p.predIdx = -1;
		p.correct = false;
		p.skipped = reason;
		return p;
	}
}
