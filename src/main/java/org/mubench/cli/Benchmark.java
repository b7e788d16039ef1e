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
package org.mubench.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.io.FileUtils;
import org.mubench.data.Dataset;
import org.mubench.base.ProgressListener;
import org.mubench.data.Question;
import org.mubench.data.Sample;
import org.mubench.data.SampleStream;
import org.mubench.image.ImageTensors;
import org.mubench.image.PreprocessConfig;
import org.mubench.eval.run.BenchmarkRunner;
import org.mubench.eval.run.RunOptions;
import org.mubench.eval.run.RunResult;
import org.mubench.eval.run.StageTimes;
import org.mubench.model.ContrastiveModel;
import org.mubench.model.ModelException;
import org.mubench.model.ModelOptions;
import org.mubench.model.Models;
import org.mubench.model.Similarity;
import org.mubench.model.VisionLanguageModel;
import org.mubench.model.clip.OnnxClipModel;

/**
 * What {@code mubench bench} measures, in this order:
 * <ol>
 * <li><b>end to end</b>: the real {@link BenchmarkRunner} (reader, decode pool, bounded queue, model, journal) over the
 * dataset, with {@link StageTimes} hooks recording where its time goes;</li>
 * <li><b>stages one at a time</b>, on a freshly opened model (so no text is cached) and the first
 * {@code stageImages} images: decode, preprocess (single thread each), image inference through our engine on
 * pre-made tensors, text inference of every distinct option text, scoring; each with its own heap peak;</li>
 * <li><b>raw ONNX Runtime</b>: the same vision .onnx opened straight through the ORT Java API with the same thread
 * settings, run over one pre-made batch: half of {@code rawSeconds} right before the end-to-end run and half right
 * after; and once more batch by batch in turn with the engine-alone image stage, for the engine's overhead.</li>
 * </ol>
 * Nothing here is a stub of the pipeline: the end-to-end figure comes from the runner users run.
 */
final class Benchmark {
	/** Images of the μ-Bench perception release (test split), for the full-run estimate. */
	static final long RELEASE_IMAGES = 17_315;

	Path model;
	Path dataset;
	int batch = 16;
	int threads = 0;
	int decodeThreads = 0;
	String device = "auto";
	/** Parts of an image batch run at once (0 = the model's rule). */
	int imageStreams;
	/** Model file variant (e.g. quantized), or null for the default files. */
	String variant;
	long limit = 0;
	double rawSeconds = 10;
	int stageImages = 200;
	ProgressListener log = ProgressListener.SILENT;

	private final HeapSampler heap = new HeapSampler();

	Map<String, Object> run() {
		Map<String, Object> r = new LinkedHashMap<>();
		heap.start();
		try {
			Dataset data = Dataset.open(dataset);
			r.put("model", model.toString());
			r.put("dataset", dataset.toString());
			r.put("cores", java.lang.Runtime.getRuntime().availableProcessors());
			r.put("load_average_start", loadAverage());
			r.put("heap_max_mib", mib(java.lang.Runtime.getRuntime().maxMemory()));
			r.put("batch", batch);
			r.put("variant", variant == null ? "default" : variant);

			// 1. End to end through the runner.
			StageTimes times = new StageTimes();
			RunResult result;
			String deviceUsed;
			int intraThreads;
			Path out = tempDir();
			RawImageTower tower = null;
			List<long[]> raw = new ArrayList<>();
			try (VisionLanguageModel m = open()) {
				ContrastiveModel cm = contrastive(m);
				deviceUsed = m instanceof OnnxClipModel ? ((OnnxClipModel) m).device().toString() : device;
				intraThreads = m instanceof OnnxClipModel ? ((OnnxClipModel) m).intraOpThreads() : threads;
				warmUp(cm);
				warmUpImagePath(cm.preprocessing(), data);
				if (rawPossible(m)) {
					tower = RawImageTower.open((OnnxClipModel) m, batch);
					tower.run(); // warm-up
					raw.add(rawBurst(tower, rawSeconds / 2));
				}
				RunOptions o = new RunOptions();
				o.out = out;
				o.batchSize = batch;
				o.limit = limit;
				o.decodeThreads = decodeThreads;
				o.modelSpec = model.toString();
				o.stageTimes = times;
				heap.reset();
				log.log("bench: end-to-end run through the runner …");
				result = new BenchmarkRunner(o).listener(log).run(data, m);
				if (tower != null) raw.add(rawBurst(tower, rawSeconds / 2));
				r.put("device", deviceUsed);
				r.put("intra_op_threads", intraThreads);
				r.put("image_streams", m instanceof OnnxClipModel ? ((OnnxClipModel) m).imageStreams().streams : 1);
				// What the runner chose (RunOptions.overlapInference, RunOptions.decodeThreads).
				r.put("decode_overlaps_inference", result.decodeOverlapsInference);
				r.put("decode_threads", result.decodeThreads);
			}
			finally {
				if (tower != null) tower.close();
				FileUtils.deleteQuietly(out.toFile()); // a temporary folder; the OS cleans up what is left
			}
			long images = result.imagesAnswered;
			if (images == 0) throw new IllegalStateException(dataset + ": no image was answered (" + result.skipped
				+ "); check the dataset with 'mubench info'");
			r.put("images", images);
			r.put("questions", result.predictions - result.skippedTotal());
			r.put("skipped", result.skippedTotal());
			double e2e = images / result.seconds;
			r.put("end_to_end_seconds", result.seconds);
			r.put("end_to_end_images_per_s", e2e);
			r.put("end_to_end_peak_heap_mib", mib(heap.peak()));
			Map<String, Object> pipe = new LinkedHashMap<>();
			pipe.put("decode_thread_s", sec(times.decodeNanos.sum()));
			pipe.put("preprocess_thread_s", sec(times.preprocessNanos.sum()));
			pipe.put("image_inference_s", sec(times.imageInferenceNanos.sum()));
			pipe.put("text_inference_s", sec(times.textInferenceNanos.sum()));
			pipe.put("scoring_s", sec(times.scoringNanos.sum()));
			pipe.put("waiting_for_images_s", sec(times.consumerWaitNanos.sum()));
			pipe.put("journal_s", sec(times.journalNanos.sum()));
			pipe.put("texts_embedded", times.textsEmbedded.sum());
			r.put("pipeline", pipe);
			r.put("image_inference_images_per_s", rate(times.imagesEmbedded.sum(), times.imageInferenceNanos.sum()));

			// 2. Stages one at a time, and 3. raw ONNX Runtime.
			Map<String, Object> stages = new LinkedHashMap<>();
			try (VisionLanguageModel m = open()) {
				ContrastiveModel cm = contrastive(m);
				warmUp(cm); // a fresh session; the image path is compiled already
				stages(data, cm, images, stages, r, rawPossible(m));
			}
			if (raw.isEmpty()) {
				r.put("raw_image_tower_images_per_s", null);
				log.log("bench: no raw ONNX Runtime figure (it is measured for ONNX models on the CPU only)");
			}
			else {
				// Half before and half after the end-to-end run, so a change in load during the run shows in both.
				long n = 0, nanos = 0;
				for (long[] b : raw) {
					n += b[0];
					nanos += b[1];
				}
				r.put("raw_image_tower_images_per_s", rate(n, nanos));
			}
			r.put("stages", stages);
			if (!raw.isEmpty()) {
				double rawRate = (Double) r.get("raw_image_tower_images_per_s");
				r.put("ratio_end_to_end_to_raw", e2e / rawRate);
				r.put("ratio_image_inference_to_raw", ((Number) r.get("image_inference_images_per_s")).doubleValue() / rawRate);
			}
			r.put("peak_heap_mib", mib(heap.overallPeak()));
			r.put("full_release_estimate_s", RELEASE_IMAGES / e2e);
			r.put("load_average_end", loadAverage());
			return r;
		}
		finally {
			heap.stop();
		}
	}

	private VisionLanguageModel open() {
		ModelOptions mo = new ModelOptions();
		mo.device = device;
		mo.batchSize = batch;
		mo.threads = threads;
		mo.imageStreams = imageStreams;
		if (variant != null) mo.extra.put("variant", variant);
		mo.listener = log;
		return Models.open(model.toString(), mo);
	}

	private static ContrastiveModel contrastive(VisionLanguageModel m) {
		if (!(m instanceof ContrastiveModel)) throw new ModelException("bench measures contrastive (CLIP-style) models; '"
			+ m.name() + "' is not one");
		return (ContrastiveModel) m;
	}

	/** One batch through each tower, so session start-up and JIT are not measured. */
	/** One batch through each tower. */
	private void warmUp(ContrastiveModel m) {
		PreprocessConfig cfg = m.preprocessing();
		List<float[]> zeros = new ArrayList<>();
		for (int i = 0; i < batch; i++) zeros.add(new float[3 * cfg.outputHeight() * cfg.outputWidth()]);
		m.embedImages(zeros);
		m.embedTexts(java.util.Collections.singletonList("bench warm-up sentence, not a dataset text"));
	}

	/**
	 * The image path compiled by the JIT on the dataset's first images, so the end-to-end figure is the steady rate a
	 * long run (the release: ~17,000 images) sees, not a cold start's.
	 */
	private void warmUpImagePath(PreprocessConfig cfg, Dataset data) {
		List<byte[]> first = new ArrayList<>();
		try (SampleStream s = data.samples()) {
			while (s.hasNext() && first.size() < 2 * batch) {
				Sample sample = s.next();
				if (sample.imageBytes != null) first.add(sample.imageBytes);
			}
		}
		catch (Exception e) {
			return; // the run itself reports a dataset that cannot be read
		}
		for (int pass = 0; pass < 3; pass++) {
			for (int i = 0; i < first.size(); i++) {
				try {
					ImageTensors.fromEncoded(first.get(i), "image " + i, cfg);
				}
				catch (RuntimeException e) {
					// an unreadable image: the run skips and reports it
				}
			}
		}
	}

	private void stages(Dataset data, ContrastiveModel m, long runImages, Map<String, Object> stages, Map<String, Object> r,
		boolean raw) {
		// The first images and every distinct template-1 caption text of the rows the run answered.
		List<byte[]> encoded = new ArrayList<>();
		List<List<Question>> questions = new ArrayList<>();
		Set<String> texts = new LinkedHashSet<>();
		long rows = 0;
		heap.reset();
		long readStart = System.nanoTime();
		try (SampleStream s = data.samples()) {
			while (s.hasNext() && (limit <= 0 || rows < limit)) {
				Sample sample = s.next();
				rows++;
				List<Question> qs = new ArrayList<>();
				for (Question q : sample.captions.values()) {
					if (q.template() == 1) {
						qs.add(q);
						texts.addAll(q.options);
					}
				}
				if (encoded.size() < stageImages && sample.imageBytes != null && !qs.isEmpty()) {
					encoded.add(sample.imageBytes);
					questions.add(qs);
				}
			}
		}
		catch (Exception e) {
			throw e instanceof RuntimeException ? (RuntimeException) e : new IllegalStateException(e.getMessage(), e);
		}
		// Reading: every row the run read, through the dataset reader (Arrow, image bytes and captions), nothing else.
		stages.put("read", stage(System.nanoTime() - readStart, rows));
		int n = encoded.size();
		r.put("unique_texts", texts.size());
		PreprocessConfig cfg = m.preprocessing();

		log.log("bench: stages one at a time on " + n + " images …");
		// Decode and preprocess in one pass over the images, as the runner does them (the streaming PNG path
		// interleaves the two row by row), each timed on its own.
		heap.reset();
		long dec = 0, pre = 0;
		List<float[]> tensors = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			long[] nanos = new long[2];
			float[] t = ImageTensors.fromEncoded(encoded.get(i), "image " + i, cfg, nanos);
			dec += nanos[0];
			pre += nanos[1];
			if (tensors.size() < batch) tensors.add(t);
		}
		stages.put("decode", stage(dec, n));
		stages.put("preprocess", stage(pre, n));

		// Image inference through our engine on pre-made tensors, batch by batch in turn with raw ONNX Runtime on the
		// same vision file and thread settings: both see the same load from other processes, so their ratio holds
		// on a busy machine too.
		heap.reset();
		List<float[]> one = new ArrayList<>();
		for (int i = 0; i < batch; i++) one.add(tensors.get(i % tensors.size()));
		long imgs = 0, engineNanos = 0, rawNanos = 0;
		float[][] embeddings = null;
		RawImageTower tower = raw ? RawImageTower.open((OnnxClipModel) m, batch) : null;
		try {
			if (tower != null) tower.run(); // warm-up
			long start = System.nanoTime();
			do {
				long t = System.nanoTime();
				embeddings = m.embedImages(one);
				engineNanos += System.nanoTime() - t;
				if (tower != null) {
					t = System.nanoTime();
					tower.run();
					rawNanos += System.nanoTime() - t;
				}
				imgs += one.size();
			} while (System.nanoTime() - start < rawSeconds * 1e9 || imgs < 3L * batch);
		}
		finally {
			if (tower != null) tower.close();
		}
		stages.put("image_inference", stage(engineNanos, imgs));
		if (tower != null) {
			r.put("raw_image_tower_interleaved_images_per_s", rate(imgs, rawNanos));
			r.put("ratio_engine_to_raw_interleaved", (double) rawNanos / engineNanos);
		}

		heap.reset();
		long start = System.nanoTime();
		float[][] textEmb = m.embedTexts(new ArrayList<>(texts));
		long textNanos = System.nanoTime() - start;
		Map<String, Object> text = stage(textNanos, runImages);
		text.put("texts", texts.size());
		text.put("texts_per_s", rate(texts.size(), textNanos));
		stages.put("text_inference", text);

		// Scoring as the contrastive answerer does it: logit-scaled dot products and the argmax, per question.
		Map<String, float[]> byText = new LinkedHashMap<>();
		int k = 0;
		for (String t : texts) byText.put(t, textEmb[k++]);
		heap.reset();
		start = System.nanoTime();
		long answered = 0;
		double checksum = 0;
		float scale = m.logitScale();
		for (int i = 0; i < n; i++) {
			float[] img = embeddings[i % embeddings.length];
			for (Question q : questions.get(i)) {
				double[] scores = new double[q.options.size()];
				for (int o = 0; o < scores.length; o++) scores[o] = Similarity.score(img, byText.get(q.options.get(o)), scale);
				checksum += Similarity.argmax(scores);
				answered++;
			}
		}
		Map<String, Object> scoring = stage(System.nanoTime() - start, n);
		scoring.put("questions", answered);
		scoring.put("argmax_sum", checksum); // keeps the loop from being optimised away
		stages.put("scoring", scoring);
	}

	private static boolean rawPossible(VisionLanguageModel m) {
		return m instanceof OnnxClipModel && !((OnnxClipModel) m).device().gpu;
	}

	/** Runs the raw tower for about {@code seconds} (at least 3 batches); returns {images, nanoseconds}. */
	private long[] rawBurst(RawImageTower tower, double seconds) {
		log.log("bench: raw ONNX Runtime image tower for " + seconds + " s …");
		long imgs = 0;
		long start = System.nanoTime();
		do {
			tower.run();
			imgs += tower.batch();
		} while (System.nanoTime() - start < seconds * 1e9 || imgs < 3L * tower.batch());
		return new long[] { imgs, System.nanoTime() - start };
	}

	/** One stage's figures: its time, images per second (of {@code images}), and the heap peak while it ran. */
	private Map<String, Object> stage(long nanos, long images) {
		Map<String, Object> s = new LinkedHashMap<>();
		s.put("seconds", sec(nanos));
		s.put("images", images);
		s.put("images_per_s", rate(images, nanos));
		s.put("peak_heap_mib", mib(heap.peak()));
		return s;
	}

	static double rate(long n, long nanos) {
		return nanos <= 0 ? 0 : n / (nanos / 1e9);
	}

	static double sec(long nanos) {
		return nanos / 1e9;
	}

	static double mib(long bytes) {
		return Math.round(bytes / 1048576.0 * 10) / 10.0;
	}

	static String loadAverage() {
		try {
			String s = new String(Files.readAllBytes(Paths.get("/proc/loadavg"))).trim();
			String[] p = s.split("\\s+");
			return p.length >= 3 ? p[0] + " " + p[1] + " " + p[2] : s;
		}
		catch (IOException | RuntimeException e) {
			return "unknown";
		}
	}

	private static Path tempDir() {
		try {
			return Files.createTempDirectory("mubench-bench");
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot create a temporary folder for the benchmark run: " + e.getMessage(), e);
		}
	}


	/**
	 * Heap in use, sampled every few milliseconds ({@link MemoryMXBean}); the peak since the last reset and over the
	 * whole benchmark. Sampling misses spikes shorter than the interval, and reads used heap including garbage not yet
	 * collected: it is what a user's {@code -Xmx} has to cover.
	 */
	static final class HeapSampler implements Runnable {
		private final MemoryMXBean bean = ManagementFactory.getMemoryMXBean();
		private final AtomicLong peak = new AtomicLong();
		private final AtomicLong overall = new AtomicLong();
		private volatile boolean running;
		private Thread thread;

		void start() {
			running = true;
			thread = new Thread(this, "mubench-heap-sampler");
			thread.setDaemon(true);
			thread.start();
		}

		void stop() {
			running = false;
			if (thread != null) thread.interrupt();
		}

		void reset() {
			peak.set(sample());
		}

		long peak() {
			return Math.max(peak.get(), sample());
		}

		long overallPeak() {
			return Math.max(overall.get(), sample());
		}

		private long sample() {
			long used = bean.getHeapMemoryUsage().getUsed();
			peak.accumulateAndGet(used, Math::max);
			overall.accumulateAndGet(used, Math::max);
			return used;
		}

		@Override
		public void run() {
			while (running) {
				sample();
				try {
					Thread.sleep(5);
				}
				catch (InterruptedException e) {
					return;
				}
			}
		}
	}

	static List<String> stageNames() {
		return Arrays.asList("read", "decode", "preprocess", "image_inference", "text_inference", "scoring");
	}
}
