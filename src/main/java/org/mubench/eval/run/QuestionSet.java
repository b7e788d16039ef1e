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
