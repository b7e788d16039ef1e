package org.mubench.eval.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mubench.eval.run.RunnerTestSupport.options;
import static org.mubench.eval.run.RunnerTestSupport.read;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mubench.data.PipelineError;
import org.mubench.data.Sample;
import org.mubench.data.SampleStream;
import org.mubench.eval.Prediction;
import org.mubench.model.random.RandomModel;

/**
 * An Error in any thread of a run (reader, image decoders, the model, the journal) ends the run within seconds with
 * one line naming the thread and the cause, and keeps the predictions of the batches finished before it.
 */
class ThreadFailureTest {
	@TempDir
	Path tmp;

	/** 4 caption questions per row, batches of 4 rows. */
	static final int PER_ROW = 4;

	private PipelineError failingRun(Path out, MemoryDataset data, Supplier<QuestionAnswerer> answerer,
		java.util.function.Consumer<List<Prediction>> journalFault)
	{
		return assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(PipelineError.class, () -> {
			BenchmarkRunner runner = new BenchmarkRunner(options(out));
			runner.answerer(answerer.get());
			runner.journalFault = journalFault;
			runner.run(data, new RandomModel(7));
		}));
	}

	private static QuestionAnswerer random(Path out) {
		return BenchmarkRunner.answererFor(new RandomModel(7), options(out));
	}

	private static void oneLineNaming(PipelineError e, String... parts) {
		assertFalse(e.getMessage().contains("\n"), e.getMessage());
		for (String p : parts) assertTrue(e.getMessage().contains(p), p + " not in: " + e.getMessage());
	}

	@Test
	void readerThreadError() {
		Path out = tmp.resolve("reader");
		MemoryDataset data = new MemoryDataset(MemoryDataset.generate(12)) {
			@Override
			public SampleStream samples() {
				SampleStream inner = super.samples();
				AtomicInteger n = new AtomicInteger();
				return new SampleStream() {
					@Override
					public boolean hasNext() {
						return inner.hasNext();
					}

					@Override
					public Sample next() {
						if (n.incrementAndGet() == 10) throw new NoClassDefFoundError("com/fasterxml/jackson/datatype/jsr310/JavaTimeModule");
						return inner.next();
					}

					@Override
					public void close() {
						inner.close();
					}
				};
			}
		};
		PipelineError e = failingRun(out, data, () -> random(out), null);
		oneLineNaming(e, "reader thread", "NoClassDefFoundError", "jsr310", "predictions.jsonl", "32 finished");
		assertEquals(8 * PER_ROW, read(out).size());
	}

	@Test
	void decoderThreadError() {
		Path out = tmp.resolve("decoder");
		PipelineError e = failingRun(out, new MemoryDataset(MemoryDataset.generate(12)), () -> new Delegate(random(out)) {
			@Override
			public Object prepare(Sample sample) {
				if (sample.row == 6) throw new OutOfMemoryError("Java heap space");
				return super.prepare(sample);
			}
		}, null);
		oneLineNaming(e, "decoder thread", "row 6", "OutOfMemoryError: Java heap space", "16 finished");
		assertEquals(4 * PER_ROW, read(out).size());
	}

	@Test
	void modelError() {
		Path out = tmp.resolve("model");
		AtomicInteger calls = new AtomicInteger();
		PipelineError e = failingRun(out, new MemoryDataset(MemoryDataset.generate(12)), () -> new Delegate(random(out)) {
			@Override
			public List<Prediction> answer(List<WorkItem> batch, AnswerContext context) {
				if (calls.incrementAndGet() == 2) throw new UnsatisfiedLinkError("no onnxruntime in java.library.path");
				return super.answer(batch, context);
			}
		}, null);
		oneLineNaming(e, "The model failed", "UnsatisfiedLinkError", "16 finished");
		assertEquals(4 * PER_ROW, read(out).size());
	}

	@Test
	void journalError() {
		Path out = tmp.resolve("journal");
		AtomicInteger calls = new AtomicInteger();
		PipelineError e = failingRun(out, new MemoryDataset(MemoryDataset.generate(12)), () -> random(out), batch -> {
			if (calls.incrementAndGet() == 2) throw new InternalError("disk driver");
		});
		oneLineNaming(e, "Writing", "predictions.jsonl", "InternalError: disk driver", "16 finished");
		assertEquals(4 * PER_ROW, read(out).size());
	}

	/** Passes everything to another answerer; tests override one method to inject a failure. */
	static class Delegate implements QuestionAnswerer {
		final QuestionAnswerer inner;

		Delegate(QuestionAnswerer inner) {
			this.inner = inner;
		}

		@Override
		public QuestionSet defaultQuestionSet() {
			return inner.defaultQuestionSet();
		}

		@Override
		public Object prepare(Sample sample) {
			return inner.prepare(sample);
		}

		@Override
		public List<Prediction> answer(List<WorkItem> batch, AnswerContext context) {
			return inner.answer(batch, context);
		}
	}
}
