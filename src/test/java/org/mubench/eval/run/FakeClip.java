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
import java.util.List;

import org.mubench.data.DatasetException;
import org.mubench.image.PreprocessConfig;
import org.mubench.model.ContrastiveModel;

/**
 * A contrastive model whose embeddings are known: an image whose single byte is {@code k} embeds to the unit vector
 * e_k (8 dimensions); a text embeds to e_j when it mentions "class j", else to the unit vector along (1,…,1). So for an
 * image k, option "… class k …" scores {@link #SCALE}, other class options 0 and "none of the above" SCALE/√8.
 * Counts its calls so tests can check that each image and each text is embedded once.
 */
class FakeClip implements ContrastiveModel {
	static final float SCALE = 100f;
	static final int DIM = 8;
	int imageCalls;
	int imagesEmbedded;
	final List<String> textsEmbedded = new ArrayList<>();
	int textCalls;

	/** The test's preparer: the byte becomes a one-element tensor; a byte of 99 is an unreadable image. */
	static final ContrastiveAnswerer.ImagePreparer PREPARER = (bytes, name, cfg) -> {
		if (bytes[0] == 99) throw new DatasetException(name + ": not a PNG (test)");
		return new float[] { bytes[0] };
	};

	@Override
	public String name() {
		return "fake-clip";
	}

	@Override
	public PreprocessConfig preprocessing() {
		return new PreprocessConfig();
	}

	@Override
	public synchronized float[][] embedImages(List<float[]> pixels) {
		imageCalls++;
		imagesEmbedded += pixels.size();
		float[][] out = new float[pixels.size()][DIM];
		for (int i = 0; i < pixels.size(); i++) out[i][(int) pixels.get(i)[0]] = 1f;
		return out;
	}

	@Override
	public synchronized float[][] embedTexts(List<String> texts) {
		textCalls++;
		textsEmbedded.addAll(texts);
		float[][] out = new float[texts.size()][];
		for (int i = 0; i < texts.size(); i++) out[i] = textVector(texts.get(i));
		return out;
	}

	static float[] textVector(String text) {
		float[] v = new float[DIM];
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("class (\\d)").matcher(text);
		if (m.find()) v[Integer.parseInt(m.group(1))] = 1f;
		else java.util.Arrays.fill(v, (float) (1 / Math.sqrt(DIM)));
		return v;
	}

	@Override
	public float logitScale() {
		return SCALE;
	}

	@Override
	public void close() {}
}
