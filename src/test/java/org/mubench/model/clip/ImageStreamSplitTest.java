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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.mubench.image.PreprocessConfig;

/** The splitting of a batch over concurrent streams, on a fake tower that can fail on one stream. */
class ImageStreamSplitTest {
	/** Embeds an image of constant value v as (v, 1), so the order survives normalisation; one stream may fail. */
	private static final class FakeTower extends AbstractClipModel {
		final ImageStreams streams;
		volatile int failingStream = -1;
		volatile Throwable failure;
		final java.util.Set<Thread> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
		/** When set, every part waits here for the others: proof that they run at the same time. */
		volatile java.util.concurrent.CyclicBarrier together;

		FakeTower(int streams, int batch) {
			super("fake", new PreprocessConfig(), null, 1f, batch, 2, 2);
			this.streams = ImageStreams.choose(streams, false, streams, batch);
		}

		@Override
		protected ImageStreams imageStreams() {
			return streams;
		}

		@Override
		protected float[][] runImages(FloatBuffer batch, int n, int stream) {
			threads.add(Thread.currentThread());
			if (together != null) {
				try {
					together.await(10, java.util.concurrent.TimeUnit.SECONDS);
				}
				catch (Exception e) {
					throw new IllegalStateException("the parts did not run at the same time", e);
				}
			}
			if (stream == failingStream) {
				if (failure instanceof RuntimeException) throw (RuntimeException) failure;
				throw (Error) failure;
			}
			float[][] rows = new float[n][];
			for (int i = 0; i < n; i++)
				rows[i] = new float[] { batch.get(i * 12), 1f };
			return rows;
		}

		@Override
		protected float[][] runImages(float[] batch, int n) {
			throw new AssertionError("not used");
		}

		@Override
		protected float[][] runTexts(ClipTokenizer.Batch batch) {
			throw new AssertionError("not used");
		}
	}

	private static List<float[]> images(int n) {
		List<float[]> out = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			float[] p = new float[12];
			java.util.Arrays.fill(p, i + 1);
			out.add(p);
		}
		return out;
	}

	private static void assertInOrder(float[][] rows) {
		for (int i = 0; i < rows.length; i++)
			assertEquals(i + 1, rows[i][0] / rows[i][1], 1e-4, "row " + i);
	}

	@Test
	void partsRunOnTheirOwnThreadsAndComeBackInOrder() {
		FakeTower m = new FakeTower(3, 8);
		m.together = new java.util.concurrent.CyclicBarrier(3);
		try {
			assertInOrder(m.embedImages(images(19))); // batches of 8, 8, 3: parts 3/3/2 and 1/1/1
			assertEquals(3, m.threads.size(), m.threads.toString()); // the caller and two pool threads
		}
		finally {
			m.close();
		}
	}

	@Test
	void aFailingPartFailsTheCallWithItsOwnExceptionAndTheModelStaysUsable() {
		FakeTower m = new FakeTower(2, 8);
		try {
			IllegalStateException boom = new IllegalStateException("boom");
			m.failure = boom;
			m.failingStream = 1;
			assertSame(boom, assertThrows(IllegalStateException.class, () -> m.embedImages(images(8))));
			OutOfMemoryError oom = new OutOfMemoryError("native");
			m.failure = oom;
			assertSame(oom, assertThrows(OutOfMemoryError.class, () -> m.embedImages(images(8))));
			m.failingStream = -1;
			assertInOrder(m.embedImages(images(8)));
		}
		finally {
			m.close();
		}
	}
}
