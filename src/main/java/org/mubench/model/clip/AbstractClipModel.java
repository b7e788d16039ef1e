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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
	protected float[][] runImages(FloatBuffer batch, int n, int stream) {
		float[] a = new float[batch.remaining()];
		batch.get(a);
		return runImages(a, n);
	}

	/** How a batch is split over concurrent tower calls; null = one call per batch. */
	protected ImageStreams imageStreams() {
		return null;
	}

	private final Object imageLock = new Object();
	/** One reusable batch buffer per stream. */
	private final List<FloatBuffer> imageBuffers = new ArrayList<>();
	/** Runs the parts of a batch after the first (the caller runs that one); made on first use. */
	private ExecutorService streamPool;

	/** Stream {@code stream}'s reusable buffer, cleared, with room for {@code floats}. */
	private FloatBuffer imageBuffer(int stream, int floats) {
		while (imageBuffers.size() <= stream)
			imageBuffers.add(null);
		FloatBuffer b = imageBuffers.get(stream);
		if (b == null || b.capacity() < floats) {
			b = ByteBuffer.allocateDirect(floats * 4).order(ByteOrder.nativeOrder()).asFloatBuffer();
			imageBuffers.set(stream, b);
		}
		b.clear();
		b.limit(floats);
		return b;
	}

	/** Copies images {@code from}..{@code from+n} into {@code part} (stream {@code stream}'s buffer) and runs them. */
	private float[][] runPart(List<float[]> pixels, int from, int n, int stream, FloatBuffer part) {
		for (int i = 0; i < n; i++)
			part.put(pixels.get(from + i));
		part.flip();
		float[][] rows = runImages(part, n, stream);
		if (rows.length != n) throw new ModelException("The vision tower of " + name + " returned " + rows.length
			+ " embeddings for " + n + " images: its output must be [batch, embedding].");
		return rows;
	}

	/** Runs one batch, split over the streams when there are several; rows in input order. */
	private float[][] runBatch(List<float[]> pixels, int from, int n) {
		ImageStreams streams = imageStreams();
		int[] parts = streams == null ? new int[] { n } : streams.parts(n);
		int per = 3 * height * width;
		if (parts.length == 1) return runPart(pixels, from, n, 0, imageBuffer(0, n * per));
		if (streamPool == null) streamPool = Executors.newFixedThreadPool(Math.max(1, streams.streams - 1), r -> {
			Thread t = new Thread(r, "mubench-image-stream");
			t.setDaemon(true);
			return t;
		});
		List<Future<float[][]>> others = new ArrayList<>();
		int start = from + parts[0];
		for (int k = 1; k < parts.length; k++) {
			int s = start, size = parts[k], stream = k;
			FloatBuffer buffer = imageBuffer(stream, size * per);
			others.add(streamPool.submit(() -> runPart(pixels, s, size, stream, buffer)));
			start += size;
		}
		float[][] out = new float[n][];
		try {
			System.arraycopy(runPart(pixels, from, parts[0], 0, imageBuffer(0, parts[0] * per)), 0, out, 0, parts[0]);
			int at = parts[0];
			for (int k = 1; k < parts.length; k++) {
				float[][] rows = others.get(k - 1).get();
				System.arraycopy(rows, 0, out, at, rows.length);
				at += rows.length;
			}
			return out;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new ModelException("Image inference of " + name + " was interrupted.", e);
		}
		catch (ExecutionException e) {
			Throwable c = e.getCause();
			if (c instanceof RuntimeException) throw (RuntimeException) c;
			if (c instanceof Error) throw (Error) c;
			throw new ModelException("Image inference of " + name + " failed: " + c, c);
		}
		finally {
			// No part may still be reading its buffer when the next batch refills it, even after an interrupt.
			boolean interrupted = Thread.interrupted();
			for (Future<float[][]> f : others) {
				while (true) {
					try {
						f.get();
						break;
					}
					catch (InterruptedException e) {
						interrupted = true;
					}
					catch (ExecutionException e) {
						break; // reported above
					}
				}
			}
			if (interrupted) Thread.currentThread().interrupt();
		}
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
				// One copy per image, into a native buffer the runtime reads in place; the buffers are kept for the
				// next batch (a fresh one per batch costs zeroing and waits on the GC to free native memory).
				rows = runBatch(pixels, start, n);
			}
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
		synchronized (imageLock) {
			if (streamPool != null) streamPool.shutdownNow();
		}
		if (tokenizer != null) tokenizer.close();
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
