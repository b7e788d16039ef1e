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

/**
 * How the vision tower's CPU work is split: {@code streams} batches (parts of one batch) run at the same time, each
 * on {@code threadsPerStream} intra-op threads. One session with every core as an intra-op thread meets at a barrier
 * after each operator, so a decode thread that takes a core for a moment stalls all of them; independent streams of
 * one thread each have no such barrier, and the image decoding can then share the cores with inference instead of
 * waiting between batches (docs/benchmarks.md, "Image streams").
 */
public final class ImageStreams {
	/** Below this many images per stream a part of the batch runs too small a matrix product to pay off. */
	static final int MIN_IMAGES_PER_STREAM = 4;

	/** Parts of a batch run at once (1 = the whole batch on one session call). */
	public final int streams;
	/** Intra-op threads of each part's call. */
	public final int threadsPerStream;

	private ImageStreams(int streams, int threadsPerStream) {
		this.streams = streams;
		this.threadsPerStream = threadsPerStream;
	}

	/**
	 * The rule.
	 *
	 * @param requested streams asked for; 0 = choose
	 * @param gpu whether the tower runs on a GPU (one stream: the device is shared)
	 * @param threads intra-op threads in all
	 * @param batch images per batch
	 */
	public static ImageStreams choose(int requested, boolean gpu, int threads, int batch) {
		int t = Math.max(1, threads);
		if (gpu) return new ImageStreams(1, t);
		int s = requested > 0 ? requested : Math.max(1, Math.min(t, batch / MIN_IMAGES_PER_STREAM));
		s = Math.min(s, Math.max(1, batch));
		return new ImageStreams(s, Math.max(1, t / s));
	}

	/** The sizes of the parts {@code n} images are split into: as even as possible, none empty. */
	public int[] parts(int n) {
		int k = Math.max(1, Math.min(streams, n));
		int[] sizes = new int[k];
		for (int i = 0; i < k; i++)
			sizes[i] = n / k + (i < n % k ? 1 : 0);
		return sizes;
	}

	@Override
	public String toString() {
		return streams == 1 ? threadsPerStream + " threads" : streams + " streams x " + threadsPerStream + " thread" + (threadsPerStream == 1 ? "" : "s");
	}
}
