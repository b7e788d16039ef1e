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

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mubench.image.PreprocessConfig;
import org.mubench.model.ContrastiveModel;
import org.mubench.model.ModelException;

/**
 * What every CLIP-style model here shares, whatever runs its towers: batching, L2 normalisation, the text cache, the
 * tokenizer and the configs. Subclasses run one batch through a tower.
 */
abstract class AbstractClipModel implements ContrastiveModel {
	private final String name;
	protected final PreprocessConfig preprocessing;
	protected final ClipTokenizer tokenizer;
	private final float logitScale;
	private final int batchSize;
	/** Image tensor size the vision tower takes. */
	protected final int height, width;
	private final Map<String, float[]> textCache = new HashMap<>();
	private long textCacheHits;

	protected AbstractClipModel(String name, PreprocessConfig preprocessing, ClipTokenizer tokenizer, float logitScale,
		int batchSize, int height, int width)
	{
		this.name = name;
		this.preprocessing = preprocessing;
		this.tokenizer = tokenizer;
		this.logitScale = logitScale;
		this.batchSize = Math.max(1, batchSize);
		this.height = height;
		this.width = width;
	}

	/** Embeds one batch of images, C-order [n, 3, h, w]; returns n raw (not normalised) rows. */
	protected abstract float[][] runImages(float[] batch, int n);

	/**
	 * Embeds one batch of images held in a direct, native-order buffer positioned at its start, C-order [n, 3, h, w].
	 * Runtimes that read native memory override this to skip a copy; by default it goes through
	 * {@link #runImages(float[], int)}.
	 */
	protected float[][] runImages(FloatBuffer batch, int n) {
		float[] a = new float[batch.remaining()];
		batch.get(a);
		return runImages(a, n);
	}

	private final Object imageLock = new Object();
	private FloatBuffer imageBuffer;

	/** The reusable batch buffer, cleared, with room for {@code floats}. */
	private FloatBuffer imageBuffer(int floats) {
		if (imageBuffer == null || imageBuffer.capacity() < floats) {
			imageBuffer = ByteBuffer.allocateDirect(floats * 4).order(ByteOrder.nativeOrder()).asFloatBuffer();
		}
		imageBuffer.clear();
		imageBuffer.limit(floats);
		return imageBuffer;
	}

	/** Embeds one batch of tokenised texts; returns one raw row per text. */
	protected abstract float[][] runTexts(ClipTokenizer.Batch batch);

	/** Sequence length the text tower requires, or -1 when it takes any length. */
	protected int fixedTextLength() {
		return -1;
	}

	@Override
	public String name() {
		return name;
	}

	@Override
	public PreprocessConfig preprocessing() {
		return preprocessing;
	}

	@Override
	public float logitScale() {
		return logitScale;
	}

	int batchSize() {
		return batchSize;
	}

	/** How many texts were answered from the cache so far. */
	synchronized long textCacheHits() {
		return textCacheHits;
	}

	@Override
	public float[][] embedImages(List<float[]> pixels) {
		int per = 3 * height * width;
		for (int i = 0; i < pixels.size(); i++) {
			float[] p = pixels.get(i);
			if (p == null || p.length != per) throw new ModelException("Image " + i + " has " + (p == null ? 0 : p.length)
				+ " values but model " + name + " takes 3x" + height + "x" + width + " = " + per
				+ ": preprocess it with the model's preprocessing().");
		}
		float[][] out = new float[pixels.size()][];
		for (int start = 0; start < pixels.size(); start += batchSize) {
			int n = Math.min(batchSize, pixels.size() - start);
			float[][] rows;
			synchronized (imageLock) {
				// One copy per image, into a native buffer the runtime reads in place; the buffer is kept for the
				// next batch (a fresh one per batch costs zeroing and waits on the GC to free native memory).
				FloatBuffer batch = imageBuffer(n * per);
				for (int i = 0; i < n; i++)
					batch.put(pixels.get(start + i));
				batch.flip();
				rows = runImages(batch, n);
			}
			if (rows.length != n) throw new ModelException("The vision tower of " + name + " returned " + rows.length
				+ " embeddings for " + n + " images: its output must be [batch, embedding].");
			for (int i = 0; i < n; i++)
				out[start + i] = normalise(rows[i]);
		}
		return out;
	}

	@Override
	public float[][] embedTexts(List<String> texts) {
		float[][] out = new float[texts.size()][];
		Set<String> missing = new LinkedHashSet<>();
		synchronized (this) {
			for (String t : texts) {
				if (t == null) throw new ModelException("A text to embed is null: give every label or option as text.");
				if (textCache.containsKey(t)) textCacheHits++;
				else missing.add(t);
			}
		}
		List<String> todo = new ArrayList<>(missing);
		for (int start = 0; start < todo.size(); start += batchSize) {
			List<String> chunk = todo.subList(start, Math.min(todo.size(), start + batchSize));
			ClipTokenizer.Batch batch = tokenizer.encode(chunk, fixedTextLength());
			float[][] rows = runTexts(batch);
			if (rows.length != chunk.size()) throw new ModelException("The text tower of " + name + " returned " + rows.length
				+ " embeddings for " + chunk.size() + " texts: its output must be [batch, embedding].");
			synchronized (this) {
				for (int i = 0; i < rows.length; i++)
					textCache.put(chunk.get(i), normalise(rows[i]));
			}
		}
		synchronized (this) {
			for (int i = 0; i < out.length; i++)
				out[i] = textCache.get(texts.get(i)).clone();
		}
		return out;
	}

	@Override
	public void close() {
		tokenizer.close();
	}

	/** Unit length, in double precision; an all-zero row stays zero. */
	static float[] normalise(float[] v) {
		double sum = 0;
		for (float x : v)
			sum += (double) x * x;
		float[] out = new float[v.length];
		if (sum == 0) return out;
		double inv = 1.0 / Math.sqrt(sum);
		for (int i = 0; i < v.length; i++)
			out[i] = (float) (v[i] * inv);
		return out;
	}
}
