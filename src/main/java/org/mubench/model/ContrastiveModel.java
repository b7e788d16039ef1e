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

import java.util.List;

import org.mubench.image.PreprocessConfig;

/**
 * A CLIP-style model: images and texts embedded into one space. Both methods return L2-normalised rows; the
 * similarity of an image and a text is their dot product times {@link #logitScale()}.
 */
public interface ContrastiveModel extends VisionLanguageModel {
	/** How images must be prepared for {@link #embedImages}: size, crop, mean/std, from the model's own config. */
	PreprocessConfig preprocessing();

	/** The image preprocessing, contrast mapping included (the weights are in the model files). */
	@Override
	default java.util.Map<String, Object> answerSettings() {
		java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
		m.put("preprocessing", preprocessing().toString());
		return m;
	}

	/**
	 * Embeds preprocessed images.
	 *
	 * @param pixels one C-order float tensor [3, H, W] per image, as made by the image layer for {@link #preprocessing()}
	 */
	float[][] embedImages(List<float[]> pixels);

	/** Embeds texts (tokenised, truncated and padded as the model needs); implementations cache by exact string. */
	float[][] embedTexts(List<String> texts);

	/**
	 * True when inference already keeps every CPU core busy (a CPU session with as many intra-op threads as cores):
	 * image decoding running at the same time then slows inference by more than it saves, so the runner decodes
	 * between batches instead of during them.
	 */
	default boolean saturatesCpu() {
		return false;
	}

	/** exp(logit_scale) from the model config, or 1 when the model has none (argmax is unaffected). */
	float logitScale();
}
