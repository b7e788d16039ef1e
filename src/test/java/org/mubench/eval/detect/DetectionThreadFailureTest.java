package org.mubench.eval.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mubench.data.PipelineError;
import org.mubench.data.Sample;

/** An Error while the model answers ends a detection run at once, in one line; finished images stay on disk. */
class DetectionThreadFailureTest {
	@TempDir
	Path tmp;

	@Test
	void modelErrorEndsTheRunAndKeepsFinishedImages() throws Exception {
		byte[] img = DetectionRunnerTest.png(40, 30);
		List<Sample> samples = new ArrayList<>();
		for (int r = 0; r < 5; r++)
			samples.add(DetectionRunnerTest.sample(r, "burgess_et_al_2024_contour", null, img,
				DetectionRunnerTest.one("nucleus", 0, 0, 10, 10), null));
		DetectionRunnerTest.ScriptedModel model = new DetectionRunnerTest.ScriptedModel();
		AtomicInteger asks = new AtomicInteger();
		model.onAsk = () -> {
			if (asks.incrementAndGet() == 3) throw new NoClassDefFoundError("ai/djl/Device");
		};
		DetectionRunner.Options o = new DetectionRunner.Options();
		o.batchSize = 1;
		PipelineError e = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(PipelineError.class,
			() -> new DetectionRunner(model, o).run(samples.iterator(), tmp, null, null)));
		assertFalse(e.getMessage().contains("\n"));
		assertTrue(e.getMessage().contains("NoClassDefFoundError: ai/djl/Device"), e.getMessage());
		assertTrue(e.getMessage().contains("2 finished images"), e.getMessage());
		assertEquals(2, Files.readAllLines(tmp.resolve("detections.jsonl")).size());
	}
}
