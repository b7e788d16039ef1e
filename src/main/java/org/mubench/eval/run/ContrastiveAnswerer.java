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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mubench.data.DatasetException;
import org.mubench.data.Question;
import org.mubench.data.Sample;
import org.mubench.eval.Prediction;
import org.mubench.image.PreprocessConfig;
import org.mubench.model.ContrastiveModel;
import org.mubench.model.ModelException;
import org.mubench.model.Similarity;

/**
 * The paper's contrastive protocol: embed the image once for all its questions and every option sentence, score each
 * option by the logit-scaled dot product of the L2-normalised embeddings, predict the argmax (ties go to the lowest
 * index), correct iff it equals {@code answer_idx}. Softmax is skipped: it does not change the argmax, and the raw
 * similarities are what predictions.jsonl records.
 *
 * <p>Texts are embedded once per distinct string over the whole run: each batch sends all of its option strings not
 * seen before in one {@link ContrastiveModel#embedTexts} call.
 */
public final class ContrastiveAnswerer implements QuestionAnswerer {
	/** Decodes and preprocesses one encoded image into the model's C-order [3, H, W] tensor. */
	public interface ImagePreparer {
		float[] prepare(byte[] encoded, String itemName, PreprocessConfig config);
	}

	/** Past this many distinct texts the cache starts over, bounding memory on unusual datasets. */
	private static final int MAX_CACHED_TEXTS = 200_000;

	private final ContrastiveModel model;
	private final ImagePreparer preparer;
	private final PreprocessConfig config;
	private final Map<String, float[]> textCache = new HashMap<>();
	private long textsEmbedded;
	/** Per-stage times for the benchmark, or null. */
	private final StageTimes times;

	public ContrastiveAnswerer(ContrastiveModel model, ImagePreparer preparer) {
		this(model, preparer, null);
	}

	/** @param times where to add image inference, text inference and scoring times, or null */
	public ContrastiveAnswerer(ContrastiveModel model, ImagePreparer preparer, StageTimes times) {
		this.model = model;
		this.preparer = preparer;
		this.config = model.preprocessing();
		this.times = times;
	}

	@Override
	public QuestionSet defaultQuestionSet() {
		return QuestionSet.CAPTIONS;
	}

	@Override
	public Object prepare(Sample sample) {
		return preparer.prepare(sample.requireImage(), sample.describe(), config);
	}

	@Override
	public List<Prediction> answer(List<WorkItem> batch, AnswerContext context) {
		List<float[]> pixels = new ArrayList<>(batch.size());
		for (WorkItem item : batch) pixels.add((float[]) item.prepared());
		long t0 = System.nanoTime();
		float[][] images = model.embedImages(pixels);
		long t1 = System.nanoTime();
		if (images == null || images.length != batch.size()) {
			throw new ModelException(model.name() + ": embedImages returned " + (images == null ? "nothing" : images.length
				+ " rows") + " for " + batch.size() + " images");
		}
		int texts = embedNewTexts(batch);
		long t2 = System.nanoTime();
		float scale = model.logitScale();
		List<Prediction> out = new ArrayList<>();
		for (int b = 0; b < batch.size(); b++) {
			WorkItem item = batch.get(b);
			for (Question q : item.questions) {
				Prediction p = item.newPrediction(q);
				double[] scores = new double[q.options.size()];
				for (int i = 0; i < scores.length; i++) scores[i] = score(images[b], textCache.get(q.options.get(i)), scale, item, q);
				int best = Similarity.argmax(scores);
				p.scores = scores;
				p.predIdx = best;
				p.correct = best == q.answerIdx;
				out.add(p);
			}
		}
		if (times != null) {
			times.imageInferenceNanos.add(t1 - t0);
			times.imagesEmbedded.add(batch.size());
			times.textInferenceNanos.add(t2 - t1);
			times.textsEmbedded.add(texts);
			times.scoringNanos.add(System.nanoTime() - t2);
			times.questionsScored.add(out.size());
		}
		return out;
	}

	/** Embeds the batch's option texts not seen before; returns how many were sent to the model. */
	private int embedNewTexts(List<WorkItem> batch) {
		Set<String> fresh = new LinkedHashSet<>();
		for (WorkItem item : batch) {
			for (Question q : item.questions) {
				for (String option : q.options) {
					if (!textCache.containsKey(option)) fresh.add(option);
				}
			}
		}
		if (fresh.isEmpty()) return 0;
		if (textCache.size() + fresh.size() > MAX_CACHED_TEXTS) {
			textCache.clear();
			for (WorkItem item : batch) {
				for (Question q : item.questions) fresh.addAll(q.options);
			}
		}
		List<String> texts = new ArrayList<>(fresh);
		float[][] embedded = model.embedTexts(texts);
		if (embedded == null || embedded.length != texts.size()) {
			throw new ModelException(model.name() + ": embedTexts returned " + (embedded == null ? "nothing"
				: embedded.length + " rows") + " for " + texts.size() + " texts");
		}
		for (int i = 0; i < texts.size(); i++) textCache.put(texts.get(i), embedded[i]);
		textsEmbedded += texts.size();
		return texts.size();
	}

	private static double score(float[] image, float[] text, float scale, WorkItem item, Question q) {
		try {
			return Similarity.score(image, text, scale);
		}
		catch (IllegalArgumentException e) {
			throw new ModelException(e.getMessage() + " (at " + item.sample.describe() + ", " + q.key + ")", e);
		}
	}

	/** Distinct texts sent to the model so far. */
	public long textsEmbedded() {
		return textsEmbedded;
	}

	@Override
	public boolean saturatesCpu() {
		return model.saturatesCpu();
	}

	@Override
	public java.util.Map<String, Object> runInfo() {
		return model.runInfo();
	}

	@Override
	public String describe() {
		return "contrastive " + model.name();
	}
}
