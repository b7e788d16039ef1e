package org.mubench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mubench.model.onnx.TinyClip;

class SweepCommandTest {
	@TempDir
	Path tmp;

	@Test
	void sweepsAndPrintsTheTable() throws Exception {
		TinyClip.write(tmp.resolve("a"), new TinyClip.Options().seed(1).imageSize(16));
		TinyClip.write(tmp.resolve("b"), new TinyClip.Options().seed(2).imageSize(16));
		Path data = org.mubench.eval.sweep.WeightSweepTest.dataset(tmp.resolve("data"), 4);
		StringWriter out = new StringWriter(), err = new StringWriter();
		int code = MuBenchCli.execute(new String[] { "sweep", "--base", tmp.resolve("a").toString(), "--finetuned",
			tmp.resolve("b").toString(), "--alphas", "0,0.5,...,1", "--dataset", data.toString(), "--out",
			tmp.resolve("s").toString(), "--resamples", "50", "--device", "cpu", "--batch-size", "2" },
			new PrintWriter(out), new PrintWriter(err));
		assertEquals(0, code, err.toString());
		String[] lines = out.toString().split("\\R");
		assertTrue(lines[0].startsWith("alpha    coarse"), out.toString());
		assertTrue(lines[1].startsWith("0 "), out.toString());
		assertTrue(lines[2].startsWith("0.5 "), out.toString());
		assertTrue(lines[3].startsWith("1 "), out.toString());
		assertTrue(lines[4].startsWith("best alpha: "), out.toString());
		// The fine column carries the real name of the group it shows, with that group's accuracy.
		org.mubench.eval.score.Summary a0 = org.mubench.eval.score.Summary.read(tmp.resolve("s/alpha-0/summary.json"));
		String fine = a0.group("fine_paper") != null ? "fine_paper" : "fine";
		String[] header = lines[0].trim().split("\\s+"), row = lines[1].trim().split("\\s+");
		assertEquals(fine, header[2], out.toString());
		assertEquals(String.format(java.util.Locale.ROOT, "%.2f", 100 * a0.accuracy(fine)), row[2], out.toString());
		assertTrue(Files.isRegularFile(tmp.resolve("s/sweep.png")));
	}

	@Test
	void badAlphasAreAOneLineError() {
		StringWriter err = new StringWriter();
		int code = MuBenchCli.execute(new String[] { "sweep", "--base", "a", "--finetuned", "b", "--alphas", "0,zero",
			"--dataset", "d", "--out", tmp.resolve("s").toString() }, new PrintWriter(new StringWriter()), new PrintWriter(err));
		assertEquals(1, code);
		assertTrue(err.toString().contains("'zero' is not a number"), err.toString());
	}
}
