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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.mubench.base.ProgressListener;
import org.mubench.eval.Prediction;
import org.mubench.eval.journal.PredictionsFile;

final class RunnerTestSupport {
	private RunnerTestSupport() {}

	static RunOptions options(Path out) {
		RunOptions o = new RunOptions();
		o.out = out;
		o.batchSize = 4;
		o.decodeThreads = 2;
		return o;
	}

	static List<Prediction> read(Path out) {
		try {
			return PredictionsFile.read(BenchmarkRunner.predictionsFile(out), w -> {
				throw new AssertionError("torn line: " + w);
			});
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	/** Predictions by key, failing on a duplicate key. */
	static Map<String, Prediction> byKey(List<Prediction> ps) {
		Map<String, Prediction> m = new TreeMap<>();
		for (Prediction p : ps) {
			if (m.put(p.key(), p) != null) throw new AssertionError("question answered twice: " + p.key());
		}
		return m;
	}

	static long correct(List<Prediction> ps) {
		long n = 0;
		for (Prediction p : ps) if (p.correct) n++;
		return n;
	}

	static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

	/** Collects log lines. */
	static final class Recorder implements ProgressListener {
		final List<String> logs = new ArrayList<>();
		final List<Long> done = new ArrayList<>();

		@Override
		public synchronized void progress(long d, long total, String message) {
			done.add(d);
		}

		@Override
		public synchronized void log(String message) {
			logs.add(message);
		}
	}
}
