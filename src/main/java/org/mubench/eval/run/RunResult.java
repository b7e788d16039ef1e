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

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** What a run (or one session of a resumed run) did. */
public final class RunResult {
	/** What this run is (recorded in run.json); null until the runner has opened the run. */
	public RunIdentity identity;
	public enum Status { FINISHED, CANCELLED }

	public Status status = Status.FINISHED;
	public Path predictionsFile;
	public String model;
	public String answerer;
	public QuestionSet questionSet;
	/** Predictions already in the file when this session started (resume). */
	public long resumedPredictions;
	/** Bytes of a torn last line dropped on resume. */
	public long tornBytesDropped;
	/** Rows of the selection this session went through (including rows whose questions were all answered before). */
	public long rows;
	/** Images sent to the model this session. */
	public long imagesAnswered;
	/** Predictions appended this session, skipped ones included. */
	public long predictions;
	public long correct;
	/** Skipped predictions of this session by reason. */
	public final Map<String, Long> skipped = new TreeMap<>();
	public double seconds;
	/** Whether images were decoded while the model answered a batch ({@link RunOptions#overlapInference}). */
	public boolean decodeOverlapsInference;
	/** Threads that decoded and preprocessed images ({@link RunOptions#decodeThreads(boolean)}). */
	public int decodeThreads;
	/** {@link QuestionAnswerer#runInfo()} at the end of the session (request parameters, token usage, …); may be empty. */
	public Map<String, Object> modelInfo = new java.util.LinkedHashMap<>();

	public long skippedTotal() {
		long n = 0;
		for (long v : skipped.values()) n += v;
		return n;
	}

	public double imagesPerSecond() {
		return seconds > 0 ? imagesAnswered / seconds : 0;
	}
}
