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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mubench.eval.run.RunnerTestSupport.options;
import static org.mubench.eval.run.RunnerTestSupport.read;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mubench.data.Sample;
import org.mubench.eval.Prediction;

/** Decoding between batches (no overlap) when inference keeps every core busy; same predictions either way. */
class OverlapGateTest {
	@TempDir
	Path tmp;

	/** A contrastive answerer that records any image prepared while a batch is being answered. */
	static final class Watching implements QuestionAnswerer {
		final ContrastiveAnswerer inner = new ContrastiveAnswerer(new FakeClip(), FakeClip.PREPARER);
		final boolean saturates;
		final AtomicBoolean answering = new AtomicBoolean();
		final AtomicInteger preparedDuringAnswer = new AtomicInteger();
		final AtomicInteger prepared = new AtomicInteger();

		Watching(boolean saturates) {
			this.saturates = saturates;
		}

		@Override
		public boolean saturatesCpu() {
			return saturates;
		}

		@Override
		public QuestionSet defaultQuestionSet() {
			return inner.defaultQuestionSet();
		}

		@Override
		public Object prepare(Sample sample) {
			if (answering.get()) preparedDuringAnswer.incrementAndGet();
			prepared.incrementAndGet();
			return inner.prepare(sample);
		}

		@Override
		public List<Prediction> answer(List<WorkItem> batch, AnswerContext context) {
			answering.set(true);
			try {
				Thread.sleep(15); // room for a decode worker to (wrongly) run meanwhile; nothing is timed
				return inner.answer(batch, context);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
			finally {
				answering.set(false);
			}
		}
	}

	private List<String> run(String name, Watching a, Boolean overlap) {
		Path out = tmp.resolve(name);
		RunOptions o = options(out);
		o.batchSize = 3;
		o.decodeThreads = 2;
		o.overlapInference = overlap;
		FakeClip clip = new FakeClip();
		new BenchmarkRunner(o).answerer(a).run(new MemoryDataset(MemoryDataset.generate(20)), clip);
		List<String> lines = new ArrayList<>();
		for (Prediction p : read(out)) lines.add(p.key() + " " + p.predIdx + " " + java.util.Arrays.toString(p.scores));
		return lines;
	}

	@Test
	void saturatingAnswererGetsNoDecodingDuringBatches() {
		Watching gated = new Watching(true);
		List<String> a = run("gated", gated, null);
		assertEquals(20, gated.prepared.get());
		assertEquals(0, gated.preparedDuringAnswer.get(), "images were prepared while the model answered");

		Watching forced = new Watching(false);
		List<String> b = run("forced", forced, Boolean.FALSE);
		assertEquals(0, forced.preparedDuringAnswer.get(), "overlapInference=false must gate any answerer");

		List<String> c = run("overlapped", new Watching(false), null);
		assertEquals(a, b);
		assertEquals(a, c);
		assertTrue(a.size() >= 20);
	}
}
