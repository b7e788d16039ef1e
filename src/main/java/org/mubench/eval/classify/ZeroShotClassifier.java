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
package org.mubench.eval.classify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

import org.mubench.model.ContrastiveModel;
import org.mubench.model.Similarity;

/**
 * Zero-shot classification of one image with a CLIP-style model: one label per candidate text, probabilities by a
 * softmax over the logit-scaled similarities. The command line, the Fiji command and the macro extension all call
 * this, so they agree on the top label for the same image and labels.
 */
public final class ZeroShotClassifier {
	private ZeroShotClassifier() {}

	/** A label, the text the model saw for it, and its probability. */
	public static final class LabelProbability {
		public final String label;
		public final String text;
		public final double similarity;
		public final double probability;

		LabelProbability(String label, String text, double similarity, double probability) {
			this.label = label;
			this.text = text;
			this.similarity = similarity;
			this.probability = probability;
		}
	}

	/** The text for a label: the template with {@code {}} replaced, or the label itself when there is no template. */
	public static String caption(String label, String template) {
		if (template == null || template.trim().isEmpty()) return label;
		if (!template.contains("{}")) {
			throw new IllegalArgumentException("The template '" + template + "' has no {} where the label goes, e.g. 'a photo of {}.'");
		}
		return template.replace("{}", label);
	}

	/** Splits a comma-separated label list, trimming blanks; refuses fewer than two labels. */
	public static List<String> parseLabels(String csv) {
		List<String> labels = new ArrayList<>();
		if (csv != null) {
			for (String s : csv.split(",")) {
				if (!s.trim().isEmpty()) labels.add(s.trim());
			}
		}
		if (labels.size() < 2) throw new IllegalArgumentException("Give at least two comma-separated labels, e.g. 'mitosis,interphase'");
		return labels;
	}

	/**
	 * @param pixels the image as the model's input tensor (from the image layer)
	 * @return every label with its probability, highest first (ties keep the given order)
	 */
	public static List<LabelProbability> classify(ContrastiveModel model, float[] pixels, List<String> labels, String template) {
		List<String> texts = new ArrayList<>();
		for (String label : labels) texts.add(caption(label, template));
		float[] image = model.embedImages(Collections.singletonList(pixels))[0];
		float[][] textEmbeddings = model.embedTexts(texts);
		double scale = model.logitScale();
		double[] logits = new double[labels.size()];
		double max = Double.NEGATIVE_INFINITY;
		for (int i = 0; i < logits.length; i++) {
			logits[i] = Similarity.score(image, textEmbeddings[i], scale);
			max = Math.max(max, logits[i]);
		}
		double sum = 0;
		double[] exp = new double[logits.length];
		for (int i = 0; i < logits.length; i++) {
			exp[i] = Math.exp(logits[i] - max);
			sum += exp[i];
		}
		List<LabelProbability> result = new ArrayList<>();
		for (int i = 0; i < logits.length; i++) {
			result.add(new LabelProbability(labels.get(i), texts.get(i), logits[i] / scale, exp[i] / sum));
		}
		result.sort(Comparator.comparingDouble((LabelProbability p) -> -p.probability));
		return result;
	}
}
