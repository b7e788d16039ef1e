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

/** Which questions of a sample a run answers. */
public enum QuestionSet {
	/** Whatever the model's answerer prefers: captions for contrastive and random models, questions for generative. */
	AUTO,
	/** The caption questions {@code <type>_<template>} of the chosen templates (the paper's contrastive protocol). */
	CAPTIONS,
	/** The plain {@code questions} ({@code modality}, {@code classification}, …): the paper's generative protocol. */
	QUESTIONS
}
