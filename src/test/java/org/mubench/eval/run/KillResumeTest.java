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
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mubench.eval.Prediction;
import org.mubench.model.random.RandomModel;

/** Kills a real child JVM in the middle of a run with SIGKILL, then resumes in-process. */
class KillResumeTest {
	@TempDir
	Path tmp;

	@Test
	void killDashNineThenResumeAnswersEveryQuestionExactlyOnce() throws Exception {
		int rows = 400;
		Path whole = tmp.resolve("whole");
		new BenchmarkRunner(RunnerTestSupport.options(whole)).run(new MemoryDataset(MemoryDataset.generate(rows)),
			new RandomModel(7));
		Map<String, Prediction> reference = RunnerTestSupport.byKey(RunnerTestSupport.read(whole));
		assertEquals(rows * 4, reference.size());

		Path out = tmp.resolve("killed");
		Path file = BenchmarkRunner.predictionsFile(out);
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
			KillableRun.class.getName(), out.toString(), String.valueOf(rows), "20");
		pb.redirectErrorStream(true);
		pb.redirectOutput(tmp.resolve("child.log").toFile());
		Process child = pb.start();
		try {
			long lines = 0;
			// Wait for some finished batches (the child needs about 8 s for all rows); no timing is asserted.
			for (int i = 0; i < 3000 && lines < 40; i++) {
				if (!child.isAlive()) fail("child ended early: " + new String(Files.readAllBytes(tmp.resolve("child.log"))));
				Thread.sleep(10);
				lines = Files.exists(file) ? countNewlines(file) : 0;
			}
			assertTrue(lines >= 40, "child wrote too little");
		}
		finally {
			child.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no flushing
			child.waitFor();
		}
		long survived = countNewlines(file);
		assertTrue(survived < rows * 4, "the child finished before it was killed; the test proves nothing");
		assertEquals(jsonRunStatus(out), "running"); // the killed session never wrote its end

		RunOptions o = RunnerTestSupport.options(out);
		o.resume = true;
		RunResult r = new BenchmarkRunner(o).run(new MemoryDataset(MemoryDataset.generate(rows)), new RandomModel(7));
		assertTrue(r.resumedPredictions >= 40);
		Map<String, Prediction> resumed = RunnerTestSupport.byKey(RunnerTestSupport.read(out)); // fails on duplicates
		assertEquals(reference.keySet(), resumed.keySet());
		for (String k : reference.keySet()) {
			assertEquals(reference.get(k).predIdx, resumed.get(k).predIdx, k);
			assertEquals(reference.get(k).correct, resumed.get(k).correct, k);
		}
		assertEquals(RunnerTestSupport.correct(RunnerTestSupport.read(whole)), RunnerTestSupport.correct(RunnerTestSupport.read(out)));
	}

	private static long countNewlines(Path f) throws java.io.IOException {
		long n = 0;
		for (byte b : Files.readAllBytes(f)) if (b == '\n') n++;
		return n;
	}

	private static String jsonRunStatus(Path out) throws java.io.IOException {
		return RunnerTestSupport.JSON.readTree(out.resolve(RunRecord.FILE).toFile()).get("status").asText();
	}
}
