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
 * How a model wants its images: the fields of a Hugging Face {@code preprocessor_config.json}. The defaults are
 * OpenAI CLIP's (resize shorter side to 224 with bicubic, centre-crop 224, CLIP mean/std).
 */
public final class PreprocessConfig {
	public boolean doResize = true;
	/** Target of the shorter side. */
	public int shortestEdge = 224;
	public boolean doCenterCrop = true;
	public int cropHeight = 224;
	public int cropWidth = 224;
	public boolean doRescale = true;
	public double rescaleFactor = 1.0 / 255.0;
	public boolean doNormalize = true;
	public float[] mean = { 0.48145466f, 0.4578275f, 0.40821073f };
	public float[] std = { 0.26862954f, 0.26130258f, 0.27577711f };
	/** How data deeper than 8 bits is brought to 0–255 before the model sees it. */
	public ContrastMapping contrast = ContrastMapping.PIL;
	/** Whose order and rounding the steps follow (the model family's reference code). */
	public ImagePipeline pipeline = ImagePipeline.CLIP;

	/** A copy of these settings with another contrast mapping (the caller's config stays as it is). */
	public PreprocessConfig withContrast(ContrastMapping mapping) {
		PreprocessConfig c = new PreprocessConfig();
		c.doResize = doResize;
		c.shortestEdge = shortestEdge;
		c.doCenterCrop = doCenterCrop;
		c.cropHeight = cropHeight;
		c.cropWidth = cropWidth;
		c.doRescale = doRescale;
		c.rescaleFactor = rescaleFactor;
		c.doNormalize = doNormalize;
		c.mean = mean.clone();
		c.std = std.clone();
		c.contrast = mapping;
		c.pipeline = pipeline;
		return c;
	}

	/** Height of the tensor this produces. */
	public int outputHeight() {
		return doCenterCrop ? cropHeight : shortestEdge;
	}

	/** Width of the tensor this produces (for a square crop; resize-only configs depend on the image). */
	public int outputWidth() {
		return doCenterCrop ? cropWidth : shortestEdge;
	}

	/** One line stating every setting, contrast mapping included (for logs and run metadata). */
	@Override
	public String toString() {
		return "resize " + (doResize ? "shortest_edge " + shortestEdge + " bicubic (PIL)" : "off") + ", centre crop "
			+ (doCenterCrop ? cropHeight + "x" + cropWidth : "off") + ", rescale " + (doRescale ? rescaleFactor : "off")
			+ ", normalise " + (doNormalize ? "mean " + java.util.Arrays.toString(mean) + " std "
				+ java.util.Arrays.toString(std) : "off") + ", contrast " + contrast + ", pipeline " + pipeline.key;
	}
}
