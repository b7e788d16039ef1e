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

import java.util.concurrent.atomic.LongAdder;

/**
 * Where a run spends its time, stage by stage, for {@code mubench bench}. Filled in by the runner and the contrastive
 * answerer when {@link RunOptions#stageTimes} is set (null costs nothing). Thread-safe: decode workers add
 * concurrently. Times are summed over the threads doing the stage (so decode time on two workers can exceed the wall
 * time); {@link #consumerWaitNanos} is the wall time the inference thread spent waiting for prepared images, the
 * part of preprocessing the pipeline did not hide.
 */
public final class StageTimes {
	public final LongAdder decodeNanos = new LongAdder();
	public final LongAdder preprocessNanos = new LongAdder();
	/** Images decoded and preprocessed. */
	public final LongAdder imagesPrepared = new LongAdder();
	public final LongAdder imageInferenceNanos = new LongAdder();
	public final LongAdder imagesEmbedded = new LongAdder();
	public final LongAdder textInferenceNanos = new LongAdder();
	public final LongAdder textsEmbedded = new LongAdder();
	public final LongAdder scoringNanos = new LongAdder();
	public final LongAdder questionsScored = new LongAdder();
	/** Wall time the answering thread waited for the next batch and its images. */
	public final LongAdder consumerWaitNanos = new LongAdder();
	/** Wall time the answering thread spent in the predictions journal (write and flush). */
	public final LongAdder journalNanos = new LongAdder();

	/** Adds a decode/preprocess split measured by one worker. */
	public void prepared(long decode, long preprocess) {
		decodeNanos.add(decode);
		preprocessNanos.add(preprocess);
		imagesPrepared.increment();
	}

	static double seconds(LongAdder nanos) {
		return nanos.sum() / 1e9;
	}
}
