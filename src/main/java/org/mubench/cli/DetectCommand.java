package org.mubench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import org.mubench.data.Dataset;
import org.mubench.data.SampleStream;
import org.mubench.eval.detect.BoxFormat;
import org.mubench.eval.detect.BoxUnits;
import org.mubench.eval.detect.DetectionRunner;
import org.mubench.eval.detect.GritSummary;
import org.mubench.eval.detect.ModelFrame;
import org.mubench.eval.tasks.TaskRegistry;
import org.mubench.model.GenerativeModel;
import org.mubench.model.ModelException;
import org.mubench.model.ModelOptions;
import org.mubench.model.Models;
import org.mubench.model.VisionLanguageModel;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code mubench detect}: μ-Bench's localisation questions with a generative model, scored with GRIT. */
@Command(name = "detect", mixinStandardHelpOptions = true,
	description = { "Ask a generative model to localise the annotated objects of every box/polygon sample, score GRIT "
		+ "per (image, class), and write OUT/detections.jsonl, OUT/grit_summary.json and OUT/rois/<row>_<image_id>.zip "
		+ "(ImageJ RoiSets: predictions named '<class> <IoU with matched gt>', ground truth named 'gt <class>')." })
public final class DetectCommand implements Callable<Integer> {
	@Option(names = "--dataset", required = true, paramLabel = "DIR", description = "The benchmark folder (release shards or a manifest).")
	Path dataset;

	@Option(names = "--model", required = true, paramLabel = "SPEC", description = "A generative model, e.g. openai:gpt-4o@https://api.openai.com/v1.")
	String model;

	@Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created).")
	Path out;

	@Option(names = "--format", defaultValue = "json", paramLabel = "FORMAT",
		description = "qwen ('Detect {class}', <box> on a 0-1000 grid), paligemma ('detect {class}', <loc####> over 1024) "
			+ "or json (an instruction asking for {\"boxes\": [[x1,y1,x2,y2],…]}; default).")
	String format;

	@Option(names = "--box-units", defaultValue = "auto", paramLabel = "UNITS",
		description = "json format only: pixels, normalized (0-1), or auto (all coordinates of a reply within 0-1 = normalized; default).")
	String units;

	@Option(names = "--model-frame", defaultValue = "full", paramLabel = "FRAME",
		description = "What the model's coordinates refer to: full (the whole image; default), stretch:S, or crop:S "
			+ "(shorter side to S, centre S×S crop). Boxes are mapped back to original pixels.")
	String frame;

	@Option(names = "--limit", defaultValue = "-1", paramLabel = "N", description = "Run at most N localisation images.")
	int limit;

	@Option(names = "--force", description = "Replace the results already in --out.")
	boolean force;

	@Option(names = "--no-rois", description = "Do not write RoiSet zips.")
	boolean noRois;

	@Mixin
	ApiModelOptions api = new ApiModelOptions();

	@Option(names = "--seed", defaultValue = "0", description = "Seed of the bootstrap intervals.")
	long seed;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() throws Exception {
		OutputFolder.refuseOverwrite(spec.commandLine(), "--out", out, force, "detections.jsonl", "grit_summary.json", "rois");
		PrintWriter stdout = spec.commandLine().getOut();
		PrintWriter stderr = spec.commandLine().getErr();
		DetectionRunner.Options o = new DetectionRunner.Options();
		try {
			o.format = BoxFormat.parseName(format);
			o.units = BoxUnits.parse(units);
			o.frame = ModelFrame.parse(frame);
		}
		catch (IllegalArgumentException e) {
			throw new ParameterException(spec.commandLine(), e.getMessage());
		}
		o.limit = limit;
		o.writeRois = !noRois;
		o.seed = seed;
		TerminalProgress listener = TerminalProgress.forTerminal(stderr, false, "images");
		Dataset data = Dataset.open(dataset);
		ModelOptions mo = new ModelOptions();
		api.applyTo(mo);
		mo.seed = seed;
		mo.listener = listener;
		VisionLanguageModel vlm = Models.open(model, mo);
		try {
			if (!(vlm instanceof GenerativeModel)) throw new ModelException("Model '" + model
				+ "' is not generative: detection needs a model that answers in text (e.g. openai:NAME@URL)");
			DetectionRunner.Run run;
			try (SampleStream samples = data.samples()) {
				run = new DetectionRunner((GenerativeModel) vlm, o).run(samples, out, listener, null);
			}
			finally {
				listener.finish();
			}
			print(stdout, run);
		}
		finally {
			vlm.close();
		}
		return 0;
	}

	private static void print(PrintWriter out, DetectionRunner.Run run) {
		out.println("images: " + run.images + ", questions: " + run.results.size());
		out.println("overall: " + run.summary.overall);
		for (Map.Entry<String, GritSummary.Entry> e : run.summary.byTask.entrySet()) {
			TaskRegistry.FineTask task = TaskRegistry.localisationTask(e.getKey());
			out.println("task " + (task != null ? task.displayName : e.getKey()) + ": " + e.getValue());
		}
		for (Map.Entry<String, GritSummary.Entry> e : run.summary.byClass.entrySet())
			out.println("class " + e.getKey() + ": " + e.getValue());
		for (Map.Entry<String, GritSummary.Entry> e : run.summary.byDataset.entrySet())
			out.println("dataset " + e.getKey() + ": " + e.getValue());
		out.flush();
	}
}
