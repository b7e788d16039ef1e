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
package org.mubench.model.clip;

import com.fasterxml.jackson.databind.JsonNode;

import org.mubench.image.ImagePipeline;
import org.mubench.model.ModelException;

/**
 * How a model family prepares its inputs, as {@code mubench_profile.json} in the model folder records it (written by
 * tools/export_onnx.py): {@code {"family": "open_clip", "image_pipeline": "open_clip", "text_cleaning": "lower"}}.
 * The family gives the defaults, the other two fields override them. A folder without the file is {@link #CLIP}.
 */
public final class ModelProfile {
	public static final String FILE = "mubench_profile.json";

	/** Hugging Face CLIP (OpenAI CLIP, PLIP): CLIPImageProcessor and tokenizer.json as they are. */
	public static final ModelProfile CLIP = new ModelProfile("clip", ImagePipeline.CLIP, TextCleaning.NONE);

	public final String family;
	public final ImagePipeline imagePipeline;
	public final TextCleaning textCleaning;

	public ModelProfile(String family, ImagePipeline imagePipeline, TextCleaning textCleaning) {
		this.family = family;
		this.imagePipeline = imagePipeline;
		this.textCleaning = textCleaning;
	}

	/** The defaults of a family, or null for an unknown name. */
	static ModelProfile ofFamily(String family) {
		switch (family) {
			case "clip":
				return CLIP;
			case "open_clip": // QuiltNet, OpenCLIP (open_clip's own BPE tokenizer)
				return new ModelProfile(family, ImagePipeline.OPEN_CLIP, TextCleaning.OPEN_CLIP_LOWER);
			case "open_clip_hf": // BiomedCLIP: open_clip transforms, a Hugging Face tokenizer behind clean="whitespace"
				return new ModelProfile(family, ImagePipeline.OPEN_CLIP, TextCleaning.OPEN_CLIP_WHITESPACE);
			case "conch": // CONCH: open_clip-style transforms at 448 px (preprocessor_config.json), its tokenizer as is
				return new ModelProfile(family, ImagePipeline.OPEN_CLIP, TextCleaning.NONE);
			default:
				return null;
		}
	}

	/** @param where the file, for messages */
	static ModelProfile parse(JsonNode root, String where) {
		final String family = root.path("family").asText("clip");
		ModelProfile p = ofFamily(family);
		if (p == null)
			throw new ModelException(where + ": unknown family '" + family
				+ "'; use clip, open_clip, open_clip_hf or conch (docs/models.md), or export the model again.");
		ImagePipeline image = p.imagePipeline;
		if (root.hasNonNull("image_pipeline")) {
			image = ImagePipeline.of(root.get("image_pipeline").asText());
			if (image == null)
				throw new ModelException(where + ": unknown image_pipeline '" + root.get("image_pipeline").asText()
					+ "'; use clip or open_clip.");
		}
		TextCleaning text = p.textCleaning;
		if (root.hasNonNull("text_cleaning")) {
			text = TextCleaning.of(root.get("text_cleaning").asText());
			if (text == null)
				throw new ModelException(where + ": unknown text_cleaning '" + root.get("text_cleaning").asText()
					+ "'; use none, whitespace or lower.");
		}
		return new ModelProfile(family, image, text);
	}

	@Override
	public String toString() {
		return family + " (images: " + imagePipeline.key + ", text cleaning: " + textCleaning.key + ")";
	}
}
