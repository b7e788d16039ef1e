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
package org.mubench.model;

/**
 * How a {@link ContrastiveModel} scores a caption against an image: the logit scale times the dot product of the two
 * L2-normalised embeddings, summed in double precision. The one copy of that rule, for the runner's answers, the
 * zero-shot classifier and the {@code bench} command's scoring stage.
 */
public final class Similarity {
	private Similarity() {}

	/**
	 * @throws IllegalArgumentException when the embeddings differ in length (the model's towers do not match)
	 */
	public static double score(float[] image, float[] text, double logitScale) {
		if (image.length != text.length) {
			throw new IllegalArgumentException("Image and text embeddings differ in size (" + image.length + " vs "
				+ text.length + "): the model's towers do not match");
		}
		double s = 0;
		for (int i = 0; i < image.length; i++) s += (double) image[i] * text[i];
		return logitScale * s;
	}

	/** The index of the highest score; ties go to the lowest index. */
	public static int argmax(double[] scores) {
		int best = 0;
		for (int i = 1; i < scores.length; i++) {
			if (scores[i] > scores[best]) best = i;
		}
		return best;
	}
}
