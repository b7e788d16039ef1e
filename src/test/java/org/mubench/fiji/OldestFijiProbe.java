package org.mubench.fiji;

import java.io.File;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import org.mubench.data.Dataset;
import org.mubench.data.Sample;
import org.mubench.data.SampleStream;
import org.mubench.eval.score.Summary;
import org.mubench.image.PreprocessConfig;
import org.scijava.Context;
import org.scijava.command.CommandService;

import ij.IJ;
import ij.ImagePlus;

/**
 * Runs the plugin's paths inside a class loader that holds the oldest supported Fiji's libraries (FijiCompatibilityIT
 * loads this class there): the demo dataset through Arrow without jackson-datatype-jsr310, ImageJ images of every kind
 * through the image layer with imglib2 5.12, and Run Benchmark… through scijava-common 2.87.
 */
public final class OldestFijiProbe {
	private OldestFijiProbe() {}

	public static String run(String demoDir, String outDir) throws Exception {
		List<String> seen = new ArrayList<>();
		Dataset dataset = Dataset.open(Paths.get(demoDir));
		int rows = 0, questions = 0;
		try (SampleStream s = dataset.samples()) {
			while (s.hasNext()) {
				Sample sample = s.next();
				rows++;
				questions += sample.questions.size() + sample.captions.size();
			}
		}
		seen.add("rows=" + rows + " questions=" + questions);

		PreprocessConfig cfg = new PreprocessConfig();
		ImagePlus sixteen = IJ.createImage("16-bit 3 channels", "16-bit ramp", 64, 48, 3, 2, 1);
		ImagePlus rgb = IJ.createImage("rgb", "RGB ramp", 50, 40, 1);
		ImagePlus stack = IJ.createImage("8-bit z-stack", "8-bit ramp", 40, 30, 1, 4, 1);
		for (ImagePlus imp : new ImagePlus[] { sixteen, rgb, stack })
			for (String plane : new String[] { "current", "max" })
				seen.add(imp.getTitle() + "/" + plane + "=" + ImagePlusTensors.tensor(imp, plane, cfg).length);
		seen.add("png=" + ImagePlusTensors.png(sixteen).length);

		try (Context context = new Context()) {
			Path out = Paths.get(outDir);
			context.service(CommandService.class).run(RunBenchmarkCommand.class, true, "dataset", new File(demoDir),
				"model", "random", "api_key_file", null, "tasks", "coarse,fine", "device", "cpu", "out", out.toFile(),
				"resume", false, "limit", 6L).get();
		}
		Summary summary = MicroBenchFiji.lastSummary();
		seen.add("coarse=" + summary.group("coarse").n);
		return String.join("; ", seen);
	}
}
