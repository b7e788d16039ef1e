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
import java.util.List;

/**
 * One closed multiple-choice item of a sample: a generative question (key {@code modality}) or a caption question for
 * contrastive models (key {@code modality_1}). Captions store {@code answer_idx} as a string in the release; it is
 * parsed to an int here so both kinds look the same downstream.
 */
public final class Question {
	/** Struct key in the release: {@code modality}, {@code classification_1}, {@code cognition_3}, … */
	public final String key;
	public final String id;
	/** The question type ({@code modality}, {@code classification}, …). */
	public final String name;
	/** The question text, or for captions the template such as "A microscopy image obtained through {class}." */
	public final String text;
	/** The answer text, or null (captions carry none). */
	public final String answer;
	public final int answerIdx;
	public final List<String> options;
	public final List<String> tags;

	public Question(String key, String id, String name, String text, String answer, int answerIdx,
		List<String> options, List<String> tags)
	{
		this.key = key;
		this.id = id;
		this.name = name;
		this.text = text;
		this.answer = answer;
		this.answerIdx = answerIdx;
		this.options = Collections.unmodifiableList(options);
		this.tags = tags == null ? Collections.emptyList() : Collections.unmodifiableList(tags);
	}

	/** True for caption keys ({@code <type>_<template>}). */
	public boolean isCaption() {
		return key.matches(".*_\\d+$") && !key.startsWith("cognition_");
	}

	/** The template number of a caption key ({@code modality_1} → 1), or -1 for a plain question. */
	public int template() {
		if (!isCaption()) return -1;
		return Integer.parseInt(key.substring(key.lastIndexOf('_') + 1));
	}

	@Override
	public String toString() {
		return key + "[" + answerIdx + "/" + options.size() + "]";
	}
}
