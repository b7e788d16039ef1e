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

	public ContrastiveAnswerer(ContrastiveModel model, ImagePreparer preparer) {
		this.model = model;
		this.preparer = preparer;
		this.config = model.preprocessing();
	}

	@Override
	public QuestionSet defaultQuestionSet() {
		return QuestionSet.CAPTIONS;
	}

	@Override
	public Object prepare(Sample sample) {
		if (sample.imageBytes == null || sample.imageBytes.length == 0) {
			throw new DatasetException(sample.describe() + ": the row has no image bytes; check the dataset's image column");
		}
		return preparer.prepare(sample.imageBytes, sample.describe(), config);
	}

	@Override
	public List<Prediction> answer(List<WorkItem> batch, AnswerContext context) {
		List<float[]> pixels = new ArrayList<>(batch.size());
		for (WorkItem item : batch) pixels.add((float[]) item.prepared());
		float[][] images = model.embedImages(pixels);
		if (images == null || images.length != batch.size()) {
			throw new ModelException(model.name() + ": embedImages returned " + (images == null ? "nothing" : images.length
				+ " rows") + " for " + batch.size() + " images");
		}
		embedNewTexts(batch);
		float scale = model.logitScale();
		List<Prediction> out = new ArrayList<>();
		for (int b = 0; b < batch.size(); b++) {
			WorkItem item = batch.get(b);
			for (Question q : item.questions) {
				Prediction p = item.newPrediction(q);
				double[] scores = new double[q.options.size()];
				int best = 0;
				for (int i = 0; i < scores.length; i++) {
					scores[i] = scale * dot(images[b], textCache.get(q.options.get(i)), item, q);
					if (scores[i] > scores[best]) best = i;
				}
				p.scores = scores;
				p.predIdx = best;
				p.correct = best == q.answerIdx;
				out.add(p);
			}
		}
		return out;
	}

	private void embedNewTexts(List<WorkItem> batch) {
		Set<String> fresh = new LinkedHashSet<>();
		for (WorkItem item : batch) {
			for (Question q : item.questions) {
				for (String option : q.options) {
					if (!textCache.containsKey(option)) fresh.add(option);
				}
			}
		}
		if (fresh.isEmpty()) return;
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
	}

	private static double dot(float[] image, float[] text, WorkItem item, Question q) {
		if (image.length != text.length) {
			throw new ModelException("Image and text embeddings differ in size (" + image.length + " vs " + text.length
				+ ") at " + item.sample.describe() + ", " + q.key + ": the model's towers do not match");
		}
		double s = 0;
		for (int i = 0; i < image.length; i++) s += (double) image[i] * text[i];
		return s;
	}

	/** Distinct texts sent to the model so far. */
	public long textsEmbedded() {
		return textsEmbedded;
	}

	@Override
	public String describe() {
		return "contrastive " + model.name();
	}
}
