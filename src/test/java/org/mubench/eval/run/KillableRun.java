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
