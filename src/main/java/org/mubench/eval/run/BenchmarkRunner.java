package org.mubench.eval.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.mubench.data.Cancellation;
import org.mubench.data.Dataset;
import org.mubench.data.DatasetException;
import org.mubench.data.Messages;
import org.mubench.data.PipelineError;
import org.mubench.data.ProgressListener;
import org.mubench.data.Question;
import org.mubench.data.Sample;
import org.mubench.data.SampleStream;
import org.mubench.eval.Prediction;
import org.mubench.eval.report.PredictionsFile;
import org.mubench.model.ModelException;
import org.mubench.model.VisionLanguageModel;
import org.mubench.model.PluginInstances;

/**
 * Runs a model over a dataset and appends one prediction per question to {@code OUT/predictions.jsonl}. UI-free:
 * progress and notices go to a {@link ProgressListener}, and a {@link Cancellation} stops it between batches.
 *
 * <p>Pipeline: one producer thread reads the sample stream in order, selects rows (dataset filter, shard, limit) and
 * questions (task selectors, templates, minus those already answered on resume), and hands each sample to a pool of
 * decode threads ({@link QuestionAnswerer#prepare}); batches of pending samples wait in a bounded queue, so at most
 * {@link RunOptions#queueBatches} batches of preprocessed images are held in memory. The calling thread takes batches
 * in order, has the model answer them, and appends and forces their predictions before taking the next. When the
 * answerer says inference keeps every core busy ({@link QuestionAnswerer#saturatesCpu()}), the decode threads wait
 * while a batch is answered and work between batches instead ({@link RunOptions#overlapInference}). A crash
 * therefore loses at most the batch in flight, and a resumed run redoes exactly that.
 */
public final class BenchmarkRunner {
	public static final String PREDICTIONS = PredictionsFile.FILE_NAME;

	private final RunOptions options;
	private ProgressListener listener = ProgressListener.SILENT;
	private Cancellation cancellation = Cancellation.NEVER;
	private QuestionAnswerer answererOverride;
	/** Test seam: called with each batch's predictions just before they are appended. */
	java.util.function.Consumer<List<Prediction>> journalFault;

	public BenchmarkRunner(RunOptions options) {
		if (options.out == null) throw new IllegalArgumentException("No output folder given (--out)");
		if (options.batchSize < 1) throw new IllegalArgumentException("Batch size must be at least 1, got " + options.batchSize);
		if (options.templates.isEmpty()) throw new IllegalArgumentException("No caption template chosen (--templates 1)");
		this.options = options;
	}

	public BenchmarkRunner listener(ProgressListener l) {
		listener = l == null ? ProgressListener.SILENT : l;
		return this;
	}

	public BenchmarkRunner cancellation(Cancellation c) {
		cancellation = c == null ? Cancellation.NEVER : c;
		return this;
	}

	/** Uses this answerer instead of the one the {@link AnswererFactory} plugins would make (tests, embedding). */
	public BenchmarkRunner answerer(QuestionAnswerer a) {
		answererOverride = a;
		return this;
	}

	/** The answerer the plugins make for {@code model}; throws a one-line {@link ModelException} if none does. */
	public static QuestionAnswerer answererFor(VisionLanguageModel model, RunOptions options) {
		for (AnswererFactory f : PluginInstances.of(AnswererFactory.class)) {
			QuestionAnswerer a = f.create(model, options);
			if (a != null) return a;
		}
		throw new ModelException("The runner cannot use model '" + model.name() + "' (" + model.getClass().getSimpleName()
			+ "): no answerer handles this kind of model");
	}

	/**
	 * Task selectors that name nothing the runner knows (a group {@code coarse}, {@code fine}, {@code cognition},
	 * {@code pathology}, a question type such as {@code modality}, or a fine task id such as {@code pollen_grains};
	 * case, spaces, dashes and underscores are not significant).
	 */
	public static List<String> unknownTaskSelectors(List<String> tasks) {
		return QuestionSelector.unknown(tasks);
	}

	/** Path of the predictions file of a run folder. */
	public static Path predictionsFile(Path out) {
		return out.resolve(PREDICTIONS);
	}

	public RunResult run(Dataset dataset, VisionLanguageModel model) {
		long started = System.nanoTime();
		Path file = predictionsFile(options.out);
		try {
			Files.createDirectories(options.out);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot create the output folder " + options.out + ": " + e.getMessage(), e);
		}
		RunResult result = new RunResult();
		result.predictionsFile = file;
		result.model = model.name();
		Set<String> answered = new HashSet<>();
		QuestionAnswerer answerer = answererOverride != null ? answererOverride : answererFor(model, options);
		QuestionSet set;
		try {
			set = options.questionSet == QuestionSet.AUTO ? answerer.defaultQuestionSet() : options.questionSet;
			result.identity = RunIdentity.of(options, model, dataset.location(), set);
			if (Files.exists(file) && size(file) > 0) resume(file, result, answered);
		}
		catch (RuntimeException e) {
			answerer.close();
			throw e;
		}
		result.answerer = answerer.describe();
		result.questionSet = set;
		QuestionSelector selector = new QuestionSelector(options, set);
		long total = expectedRows(dataset);

		String startedAt = java.time.Instant.now().toString();
		RunRecord.write(options.out, options, dataset.location(), "running", result, startedAt);
		boolean overlap = options.overlapInference != null ? options.overlapInference : !answerer.saturatesCpu();
		Pipeline pipeline = new Pipeline(dataset, selector, answered, answerer, model.name(), overlap);
		boolean failed = true;
		try (Journal journal = new Journal(file)) {
			pipeline.start();
			AnswerContext context = new AnswerContext(options, listener, cancellation);
			boolean anySuccess = false;
			listener.progress(0, total, "starting");
			while (true) {
				if (cancellation.isCancelled()) {
					result.status = RunResult.Status.CANCELLED;
					listener.log("Cancelled: predictions so far are in " + file + "; add --resume to continue");
					break;
				}
				long waitStart = System.nanoTime();
				Batch batch = pipeline.next();
				if (batch == null) {
					if (options.stageTimes != null) options.stageTimes.consumerWaitNanos.add(System.nanoTime() - waitStart);
					continue; // poll timed out: check cancellation again
				}
				if (batch.error != null) throw batch.error;
				if (batch.end) break;
				List<Prediction> out = new ArrayList<>();
				List<WorkItem> ready = new ArrayList<>();
				for (int i = 0; i < batch.items.size(); i++) {
					WorkItem item = batch.items.get(i);
					await(batch.futures.get(i), item);
					if (item.skipReason() == null) ready.add(item);
					else listener.log("Skipped " + item.sample.describe() + " (" + item.skipReason() + "): " + item.skipDetail());
				}
				if (options.stageTimes != null) options.stageTimes.consumerWaitNanos.add(System.nanoTime() - waitStart);
				Map<String, Prediction> byKey = new HashMap<>();
				if (!ready.isEmpty()) {
					// Without overlap, hold the gate so no image is decoded while the model runs.
					if (!overlap) pipeline.gate.writeLock().lock();
					try {
						for (Prediction p : answerSafely(answerer, ready, context, anySuccess)) byKey.put(p.key(), p);
					}
					finally {
						if (!overlap) pipeline.gate.writeLock().unlock();
					}
					anySuccess = true;
				}
				for (WorkItem item : batch.items) {
					for (Question q : item.questions) {
						Prediction p;
						if (item.skipReason() != null) p = item.skipped(q, item.skipReason());
						else {
							p = byKey.get(item.sample.row + "/" + q.key);
							if (p == null) {
								listener.log("The model gave no answer for " + item.sample.describe() + ", " + q.key);
								p = item.skipped(q, "no_answer");
							}
						}
						out.add(p);
					}
				}
				long journalStart = System.nanoTime();
				try {
					if (journalFault != null) journalFault.accept(out);
					journal.append(out);
				}
				catch (Error e) {
					throw PipelineError.of("Writing " + file, e);
				}
				if (options.stageTimes != null) options.stageTimes.journalNanos.add(System.nanoTime() - journalStart);
				count(result, out, ready.size(), batch.rows);
				listener.progress(result.rows, total, progressMessage(result));
			}
			failed = false;
		}
		catch (PipelineError e) {
			throw new PipelineError(Messages.oneLine(e) + "; the run stopped, the " + result.predictions
				+ " finished predictions are kept in " + file, e.getCause());
		}
		finally {
			pipeline.stop();
			result.modelInfo = new java.util.LinkedHashMap<>(answerer.runInfo());
			answerer.close();
			result.seconds = (System.nanoTime() - started) / 1e9;
			String status = failed ? "failed" : result.status == RunResult.Status.FINISHED ? "finished" : "cancelled";
			try {
				RunRecord.write(options.out, options, dataset.location(), status, result, startedAt);
			}
			catch (RuntimeException e) {
				if (!failed) throw e;
			}
		}
		for (String sel : selector.unmatchedSelectors()) {
			listener.log("No question matched the task selector '" + sel + "' (use coarse, fine, cognition or a task name)");
		}
		listener.progress(result.rows, result.status == RunResult.Status.FINISHED ? result.rows : total, progressMessage(result));
		return result;
	}

	/** Continues the run in {@code options.out} when it is this run (same {@link RunIdentity}); refuses otherwise. */
	private void resume(Path file, RunResult result, Set<String> answered) {
		if (!options.resume) {
			throw new IllegalStateException(file + " already holds predictions: add --resume to continue that run, or give another --out");
		}
		RunIdentity recorded = RunIdentity.read(options.out);
		if (recorded == null) throw RunIdentity.resumeUnknown(options.out);
		List<String> differences = recorded.differences(result.identity, false);
		if (!differences.isEmpty()) throw RunIdentity.resumeMismatch(options.out, differences);
		List<Prediction> before;
		try {
			before = PredictionsFile.read(file, null);
			result.tornBytesDropped = PredictionsFile.dropTornTail(file);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e.getMessage(), e);
		}
		for (Prediction p : before) answered.add(p.key());
		result.resumedPredictions = before.size();
		listener.log("Resuming " + file + ": " + before.size() + " predictions already there"
			+ (result.tornBytesDropped > 0 ? "; dropped a torn last line (" + result.tornBytesDropped + " bytes)" : ""));
	}

	private List<Prediction> answerSafely(QuestionAnswerer answerer, List<WorkItem> ready, AnswerContext context,
		boolean anySuccess)
	{
		try {
			return answerer.answer(ready, context);
		}
		catch (PipelineError e) {
			throw e;
		}
		catch (Error e) {
			throw PipelineError.of("The model", e);
		}
		catch (RuntimeException batchError) {
			// A model that has never answered is misconfigured (missing file, bad key, wrong URL): stop with its message
			// rather than retrying item by item and skipping everything.
			if (!anySuccess) throw batchError;
			List<Prediction> out = new ArrayList<>();
			for (WorkItem item : ready) {
				try {
					out.addAll(answerer.answer(java.util.Collections.singletonList(item), context));
				}
				catch (PipelineError e) {
					throw e;
				}
				catch (Error e) {
					throw PipelineError.of("The model", e);
				}
				catch (RuntimeException e) {
					listener.log("Skipped " + item.sample.describe() + " (model_error): " + Messages.oneLine(e));
					for (Question q : item.questions) out.add(item.skipped(q, "model_error"));
				}
			}
			return out;
		}
	}

	private static void await(Future<?> f, WorkItem item) {
		try {
			f.get();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for " + item.sample.describe());
		}
		catch (ExecutionException e) {
			// A bad image is the item's problem; an Error (a missing class, no memory) would fail every item alike.
			if (e.getCause() instanceof Error || e.getCause() instanceof PipelineError)
				throw PipelineError.of("The image decoder thread (" + item.sample.describe() + ")", e.getCause());
			item.fail("preprocess_failed", Messages.oneLine(e.getCause()));
		}
	}

	private static void count(RunResult r, List<Prediction> out, int images, long rows) {
		r.rows += rows;
		r.imagesAnswered += images;
		r.predictions += out.size();
		for (Prediction p : out) {
			if (p.skipped != null) r.skipped.merge(p.skipped, 1L, Long::sum);
			else if (p.correct) r.correct++;
		}
	}

	private static String progressMessage(RunResult r) {
		long answered = r.predictions - r.skippedTotal();
		String acc = answered > 0 ? String.format(java.util.Locale.ROOT, ", accuracy %.1f%%", 100.0 * r.correct / answered) : "";
		String skipped = r.skippedTotal() > 0 ? ", " + r.skippedTotal() + " skipped" : "";
		return r.predictions + " questions" + acc + skipped;
	}

	/** Rows this run will go through, when the dataset knows its size and no dataset filter hides it; else -1. */
	private long expectedRows(Dataset dataset) {
		long size = dataset.size();
		if (size < 0 || !options.datasets.isEmpty()) return -1;
		long rows = options.shard.rowsOf(size);
		return options.limit > 0 ? Math.min(rows, options.limit) : rows;
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException e) {
			throw new UncheckedIOException(file + ": " + e.getMessage(), e);
		}
	}

	/** The predictions file opened for appending; every batch is written whole and forced to the device. */
	private static final class Journal implements AutoCloseable {
		private final Path file;
		private final PredictionsFile.Writer writer;

		Journal(Path file) {
			this.file = file;
			try {
				writer = new PredictionsFile.Writer(file, true);
			}
			catch (IOException e) {
				throw new UncheckedIOException(file + ": cannot open for writing (" + e.getMessage() + ")", e);
			}
		}

		void append(List<Prediction> predictions) {
			try {
				for (Prediction p : predictions) writer.write(p);
				writer.flush();
			}
			catch (IOException e) {
				throw new UncheckedIOException(file + ": cannot append predictions (" + e.getMessage() + ")", e);
			}
		}

		@Override
		public void close() {
			try {
				writer.close();
			}
			catch (IOException e) {
				throw new UncheckedIOException(file + ": cannot close (" + e.getMessage() + ")", e);
			}
		}
	}

	/** A batch of samples whose images are being prepared; or the end of the stream, or the error that ended it. */
	private static final class Batch {
		final List<WorkItem> items = new ArrayList<>();
		final List<Future<?>> futures = new ArrayList<>();
		/** Rows of the selection this batch stands for, including rows with nothing left to answer. */
		long rows;
		boolean end;
		RuntimeException error;
	}

	/** The producer side: reading, selecting and preparing, bounded by the batch queue. */
	private final class Pipeline {
		private final Dataset dataset;
		private final QuestionSelector selector;
		private final Set<String> answered;
		private final QuestionAnswerer answerer;
		private final String modelName;
		private final BlockingQueue<Batch> queue;
		private final ExecutorService workers;
		private volatile boolean stopped;
		private Thread producer;
		/** Held for writing by the answering thread while the model runs, when decoding must not overlap it. */
		final java.util.concurrent.locks.ReentrantReadWriteLock gate = new java.util.concurrent.locks.ReentrantReadWriteLock();
		private final boolean overlap;

		Pipeline(Dataset dataset, QuestionSelector selector, Set<String> answered, QuestionAnswerer answerer,
			String modelName, boolean overlap)
		{
			this.overlap = overlap;
			this.dataset = dataset;
			this.selector = selector;
			this.answered = answered;
			this.answerer = answerer;
			this.modelName = modelName;
			this.queue = new ArrayBlockingQueue<>(Math.max(1, options.queueBatches));
			// Decoding only between batches may use every core (an explicit --decode-threads still wins).
			int threads = overlap || options.decodeThreads > 0 ? options.effectiveDecodeThreads()
				: java.lang.Runtime.getRuntime().availableProcessors();
			this.workers = Executors.newFixedThreadPool(threads, daemonThreads("mubench-decode"));
		}

		void start() {
			producer = daemonThreads("mubench-reader").newThread(this::produce);
			producer.start();
		}

		/** The next batch, or null when none arrived within a short wait (so the caller can check cancellation). */
		Batch next() {
			try {
				Batch b = queue.poll(200, TimeUnit.MILLISECONDS);
				if (b == null && !producer.isAlive() && queue.isEmpty()) {
					// The reader ended without handing over its end or its error (it died while handing them over).
					throw new PipelineError("The reader thread (" + dataset.location() + ") ended without finishing", null);
				}
				return b;
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for images");
			}
		}

		private void produce() {
			Batch current = new Batch();
			try (SampleStream stream = dataset.samples()) {
				long selected = 0;
				while (!stopped && stream.hasNext()) {
					Sample s = stream.next();
					if (!options.shard.contains(s.row) || !selector.keepsDataset(s)) continue;
					if (options.limit > 0 && selected >= options.limit) break;
					selected++;
					current.rows++;
					List<Question> todo = new ArrayList<>();
					for (Question q : selector.select(s)) {
						if (!answered.contains(s.row + "/" + q.key)) todo.add(q);
					}
					if (!todo.isEmpty()) {
						WorkItem item = new WorkItem(s, todo, modelName);
						current.items.add(item);
						current.futures.add(workers.submit(() -> prepare(item)));
					}
					if (current.items.size() >= options.batchSize) {
						put(current);
						current = new Batch();
					}
				}
				if (current.rows > 0) put(current);
				Batch end = new Batch();
				end.end = true;
				put(end);
			}
			catch (RuntimeException e) {
				if (current.rows > 0) put(current);
				Batch error = new Batch();
				error.error = e instanceof DatasetException ? e
					: new DatasetException("Reading " + dataset.location() + " failed: " + Messages.oneLine(e), e);
				put(error);
			}
			catch (Throwable e) {
				// An Error (e.g. a class missing from this Fiji): the batch being built may be incomplete, so drop it.
				Batch error = new Batch();
				error.error = PipelineError.of("The reader thread (" + dataset.location() + ")", e);
				put(error);
			}
		}

		private void prepare(WorkItem item) {
			if (stopped) {
				item.fail("cancelled", "the run stopped");
				return;
			}
			if (!overlap) {
				try {
					gate.readLock().lockInterruptibly();
				}
				catch (InterruptedException e) {
					item.fail("cancelled", "the run stopped");
					return;
				}
			}
			try {
				item.prepared(answerer.prepare(item.sample));
			}
			catch (DatasetException e) {
				item.fail("unreadable_image", Messages.oneLine(e));
			}
			catch (RuntimeException e) {
				item.fail("preprocess_failed", Messages.oneLine(e));
			}
			finally {
				if (!overlap) gate.readLock().unlock();
			}
		}

		private void put(Batch b) {
			try {
				while (!stopped) {
					if (queue.offer(b, 200, TimeUnit.MILLISECONDS)) return;
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}

		void stop() {
			stopped = true;
			queue.clear();
			workers.shutdownNow();
			if (producer != null) {
				producer.interrupt();
				try {
					producer.join(10_000);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			}
		}
	}

	private static ThreadFactory daemonThreads(String prefix) {
		AtomicInteger n = new AtomicInteger();
		return r -> {
			Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
			t.setDaemon(true);
			return t;
		};
	}
}
