package org.mubench.eval.detect;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.mubench.data.Messages;
import org.mubench.data.PipelineError;
import org.mubench.data.Cancellation;
import org.mubench.data.ProgressListener;
import org.mubench.data.Sample;
import org.mubench.eval.tasks.TaskRegistry;
import org.mubench.model.GenerativeModel;
import org.mubench.model.GenerativeReply;
import org.mubench.model.GenerativeRequest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Runs μ-Bench's localisation questions: for every sample with boxes or polygons and every class in it, asks the model
 * the format's prompt with the image, reads the boxes, maps them from the model frame to the original pixels, scores
 * GRIT, and writes {@code detections.jsonl}, {@code grit_summary.json} and {@code rois/<row>_<image_id>.zip}. UI-free
 * and cancelable; failed requests and unreadable images are recorded and skipped, the run goes on.
 */
public final class DetectionRunner {
	public static final class Options {
		public BoxFormat format = BoxFormat.JSON;
		public BoxUnits units = BoxUnits.AUTO;
		public ModelFrame frame = ModelFrame.FULL;
		/** Most localisation images to run, or -1 for all. */
		public int limit = -1;
		/** Write a RoiSet zip per image (predictions, then ground truth). */
		public boolean writeRois = true;
		public int resamples = org.mubench.eval.score.Bootstrap.DEFAULT_RESAMPLES;
		public long seed = 0;
		/** Localisation images gathered per {@link GenerativeModel#askAll} call (API backends overlap them). */
		public int batchSize = 16;
	}

	/** What a run produced. */
	public static final class Run {
		public final List<DetectionResult> results;
		public final GritSummary summary;
		public final int images;
		public final boolean cancelled;

		Run(List<DetectionResult> results, GritSummary summary, int images, boolean cancelled) {
			this.results = results;
			this.summary = summary;
			this.images = images;
			this.cancelled = cancelled;
		}
	}

	private final GenerativeModel model;
	private final Options options;
	private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

	public DetectionRunner(GenerativeModel model, Options options) {
		this.model = model;
		this.options = options == null ? new Options() : options;
	}

	/** Runs over the samples (non-localisation samples are passed over) and writes the outputs into {@code outDir}. */
	public Run run(Iterator<Sample> samples, Path outDir, ProgressListener listener, Cancellation cancel) throws IOException {
		if (listener == null) listener = ProgressListener.SILENT;
		if (cancel == null) cancel = Cancellation.NEVER;
		Files.createDirectories(outDir);
		Path roiDir = outDir.resolve("rois");
		List<DetectionResult> all = new ArrayList<>();
		int images = 0;
		boolean cancelled = false;
		long total = options.limit >= 0 ? options.limit : -1;
		try (BufferedWriter out = Files.newBufferedWriter(outDir.resolve("detections.jsonl"), StandardCharsets.UTF_8)) {
			while (true) {
				if (cancel.isCancelled()) {
					cancelled = true;
					break;
				}
				// Gather a batch of localisation samples so API backends can overlap their requests.
				List<Sample> batch = new ArrayList<>();
				List<Map<String, List<Box>>> gts = new ArrayList<>();
				while (batch.size() < Math.max(1, options.batchSize) && samples.hasNext()
					&& (options.limit < 0 || images + batch.size() < options.limit)) {
					Sample s = samples.next();
					Map<String, List<Box>> gt = GroundTruth.of(s);
					if (gt.isEmpty()) continue;
					batch.add(s);
					gts.add(gt);
				}
				if (batch.isEmpty()) break;
				List<List<DetectionResult>> perSample = detectAll(batch, gts);
				for (int i = 0; i < batch.size(); i++) {
					Sample s = batch.get(i);
					for (DetectionResult r : perSample.get(i)) {
						out.write(JSON.writeValueAsString(r));
						out.write('\n');
						if (r.skipped != null) listener.log(s.describe() + ", class " + r.className + ": skipped (" + r.skipped + ")");
					}
					all.addAll(perSample.get(i));
					if (options.writeRois) writeRois(roiDir, s, perSample.get(i));
					images++;
				}
				out.flush();
				listener.progress(images, total, "detection: " + batch.get(batch.size() - 1).describe());
			}
		}
		catch (PipelineError | Error e) {
			PipelineError p = PipelineError.of("Detection", e);
			throw new PipelineError(Messages.oneLine(p) + "; the run stopped, the detections of " + images
				+ " finished images are kept in " + outDir.resolve("detections.jsonl"), p.getCause());
		}
		GritSummary summary = GritSummary.of(all, options.resamples, options.seed);
		JSON.writerWithDefaultPrettyPrinter().writeValue(outDir.resolve("grit_summary.json").toFile(), summary);
		return new Run(all, summary, images, cancelled);
	}

	/** Asks about every class of one sample's ground truth; one result per class. */
	public List<DetectionResult> detect(Sample s, Map<String, List<Box>> gtByClass) {
		return detectAll(Collections.singletonList(s), Collections.singletonList(gtByClass)).get(0);
	}

	private List<List<DetectionResult>> detectAll(List<Sample> batch, List<Map<String, List<Box>>> gts) {
		List<List<DetectionResult>> perSample = new ArrayList<>();
		List<DetectionResult> pending = new ArrayList<>();
		List<GenerativeRequest> requests = new ArrayList<>();
		for (int i = 0; i < batch.size(); i++) {
			Sample s = batch.get(i);
			ImageSize size = ImageSize.read(s.imageBytes);
			List<DetectionResult> results = new ArrayList<>();
			for (Map.Entry<String, List<Box>> e : gts.get(i).entrySet()) {
				DetectionResult r = new DetectionResult();
				r.row = s.row;
				r.imageId = s.imageId;
				r.dataset = s.dataset;
				r.task = taskOf(s.dataset);
				r.className = e.getKey();
				r.gt = DetectionResult.toArrays(e.getValue());
				r.model = model.name();
				results.add(r);
				if (size == null) {
					r.skipped = "unreadable_image";
					continue;
				}
				requests.add(prepare(r, s.imageBytes, size));
				pending.add(r);
			}
			perSample.add(results);
		}
		finish(pending, requests);
		return perSample;
	}

	/**
	 * Detects classes on an image without ground truth (the Fiji command on a user's image): boxes in the image's
	 * pixels, no score. The image must be PNG-encoded, {@code width × height} pixels.
	 */
	public List<DetectionResult> detectImage(byte[] png, int width, int height, List<String> classes) {
		List<DetectionResult> results = new ArrayList<>();
		List<GenerativeRequest> requests = new ArrayList<>();
		for (String c : classes) {
			DetectionResult r = new DetectionResult();
			r.row = -1;
			r.className = c;
			r.model = model.name();
			r.gt = null;
			requests.add(prepare(r, png, new ImageSize(width, height)));
			results.add(r);
		}
		finish(results, requests);
		return results;
	}

	private GenerativeRequest prepare(DetectionResult r, byte[] image, ImageSize size) {
		r.width = size.width;
		r.height = size.height;
		// The JSON prompt states the size of the image as sent; grid prompts need none.
		r.prompt = options.format.prompt(r.className, size.width, size.height);
		return new GenerativeRequest(r.prompt, image);
	}

	private void finish(List<DetectionResult> pending, List<GenerativeRequest> requests) {
		if (pending.isEmpty()) return;
		List<GenerativeReply> replies;
		try {
			replies = model.askAll(requests);
		}
		catch (PipelineError ex) {
			throw ex;
		}
		catch (Error ex) {
			throw PipelineError.of("The model " + model.name(), ex);
		}
		catch (RuntimeException ex) {
			// askAll must not throw; if a backend does anyway, record it on every question of the batch.
			for (DetectionResult r : pending)
				r.skipped = "request_failed: " + ex.getClass().getSimpleName() + ": " + ex.getMessage();
			return;
		}
		for (int i = 0; i < pending.size(); i++) {
			GenerativeReply reply = i < replies.size() ? replies.get(i) : null;
			read(pending.get(i), reply == null ? GenerativeReply.failed("no reply") : reply);
		}
	}

	private void read(DetectionResult r, GenerativeReply reply) {
		if (!reply.ok()) {
			r.skipped = "request_failed: " + reply.error;
			return;
		}
		FrameMapping mapping = options.frame.mapping(r.width, r.height);
		r.response = reply.text;
		ParsedBoxes parsed = options.format.parse(reply.text, mapping.frameWidth(), mapping.frameHeight(), options.units);
		r.unparseable = !parsed.parseable;
		r.parseProblem = parsed.problem;
		List<Box> pred = mapping.toOriginal(parsed.boxes);
		r.pred = DetectionResult.toArrays(pred);
		if (r.gt != null) {
			Grit.Result g = Grit.evaluate(pred, r.gtBoxes());
			r.score = g.score;
			r.predIou = g.predIou;
		}
	}

	private static void writeRois(Path dir, Sample s, List<DetectionResult> results) throws IOException {
		List<NamedBox> boxes = new ArrayList<>();
		for (DetectionResult r : results)
			boxes.addAll(r.rois(false));
		for (DetectionResult r : results)
			for (NamedBox b : r.rois(true))
				if (b.strokeColor == DetectionResult.GT_COLOR) boxes.add(b);
		RoiSetWriter.write(dir.resolve(roiFileName(s.row, s.imageId)), boxes);
	}

	/**
	 * The localisation task of a dataset ({@link TaskRegistry#localisationTaskOf}), or the dataset itself (or
	 * {@code unknown}) when it feeds none, so that other annotated datasets are reported under their own name.
	 */
	static String taskOf(String dataset) {
		if (dataset == null) return "unknown";
		String t = TaskRegistry.localisationTaskOf(dataset);
		return t != null ? t : dataset;
	}

	/** {@code <row>_<image_id>.zip} with the id made file-name safe. */
	public static String roiFileName(long row, String imageId) {
		return row + "_" + RoiSetWriter.safe(imageId == null ? "image" : imageId) + ".zip";
	}
}
