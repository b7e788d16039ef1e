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
package org.mubench.image;

/**
 * Which reference code a model's images are prepared like. The steps are the same (resize the shorter side with
 * Pillow bicubic, centre crop, scale to 0–1, normalise); the order and the rounding differ, and so do the tensors.
 */
public enum ImagePipeline {
	/**
	 * Hugging Face's CLIPImageProcessor with the PIL backend (OpenAI CLIP, PLIP): convert to RGB first, resize, crop
	 * with a floored offset, rescale in double.
	 */
	CLIP("clip"),
	/**
	 * open_clip's transform (torchvision on PIL images: QuiltNet, OpenCLIP, BiomedCLIP, CONCH): resize and crop in the
	 * image's own Pillow mode and convert to RGB afterwards, crop offset rounded half to even, divide by 255 in float.
	 */
	OPEN_CLIP("open_clip");

	/** The name used in {@code mubench_profile.json}. */
	public final String key;

	ImagePipeline(String key) {
		this.key = key;
	}

	/** The pipeline named {@code key}, or null. */
	public static ImagePipeline of(String key) {
		for (ImagePipeline p : values())
			if (p.key.equals(key))
				return p;
		return null;
	}
}
