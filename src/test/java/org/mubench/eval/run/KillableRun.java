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

import java.nio.file.Paths;

import org.mubench.model.random.RandomModel;

/**
 * A child-JVM main for the kill -9 test: runs the random model over {@code rows} generated samples, pausing
 * {@code delayMillis} per sample so the parent can kill it mid-run. Args: OUT ROWS DELAY_MS.
 */
public final class KillableRun {
	public static void main(String[] args) {
		RunOptions o = new RunOptions();
		o.out = Paths.get(args[0]);
		o.batchSize = 2;
		o.decodeThreads = 1;
		o.resume = true;
		new BenchmarkRunner(o).run(new MemoryDataset(MemoryDataset.generate(Integer.parseInt(args[1])),
			Long.parseLong(args[2]), true), new RandomModel(7));
	}
}
