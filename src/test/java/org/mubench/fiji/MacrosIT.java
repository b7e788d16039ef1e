package org.mubench.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mubench.eval.classify.ZeroShotClassifier;
import org.mubench.eval.score.Summary;
import org.mubench.image.ImageTensors;
import org.mubench.model.ContrastiveModel;
import org.mubench.model.ModelOptions;
import org.mubench.model.Models;
import org.mubench.model.onnx.TinyClip;

/**
 * The example macros and the macro extensions, run by a real, separate ImageJ 1 that finds our jar in its plugins
 * folder (see {@link ImageJ1}); skipped without a display.
 */
class MacrosIT {
	@TempDir
	static Path dir;
	static ImageJ1 imagej;
	static Path model;

	@BeforeAll
	static void install() throws Exception {
		imagej = ImageJ1.install(dir.resolve("ImageJ"));
		model = dir.resolve("tiny-clip");
		TinyClip.write(model, new TinyClip.Options().seed(5).imageSize(32));
	}

	static String macro(String name) throws Exception {
		return new String(Files.readAllBytes(Paths.get("macros", name)), StandardCharsets.UTF_8);
	}

	@Test
	void batchClassifyAgreesWithTheCoreAndTheCli() throws Exception {
		Path images = Files.createDirectories(dir.resolve("images"));
		byte[][] pngs = new byte[3][];
		for (int k = 0; k < 3; k++) {
			byte[] grey = new byte[30 * 20];
			for (int i = 0; i < grey.length; i++) grey[i] = (byte) ((i * (k + 3) + k * 50) % 256);
			pngs[k] = org.mubench.image.PngEncoder.grey8(30, 20, grey);
			Files.write(images.resolve("img" + k + ".png"), pngs[k]);
		}
		String labels = "nucleus,mitochondria,background";
		Path csv = dir.resolve("classes.csv");
		ImageJ1.Result r = imagej.run(macro("batch_classify_folder.ijm"),
			"model=" + model + " folder=" + images + " labels=" + labels + " out=" + csv);
		assertEquals(0, r.exitCode, r.toString());
		List<String> label = Arrays.asList(labels.split(","));
		try (ContrastiveModel clip = (ContrastiveModel) Models.open(model.toString(), new ModelOptions())) {
			for (int k = 0; k < 3; k++) {
				String top = ZeroShotClassifier.classify(clip, ImageTensors.fromEncoded(pngs[k], "img" + k, clip.preprocessing()),
					label, "").get(0).label;
				Matcher m = Pattern.compile("img" + k + "\\.png\\t(\\S+)\\t").matcher(r.output);
				assertTrue(m.find(), r.toString());
				assertEquals(top, m.group(1), "img" + k);
				// The command line's classify gives the same top label.
				java.io.StringWriter out = new java.io.StringWriter();
				org.mubench.cli.MuBenchCli.execute(new String[] { "classify", "--model", model.toString(), "--image",
					images.resolve("img" + k + ".png").toString(), "--labels", labels }, new java.io.PrintWriter(out),
					new java.io.PrintWriter(new java.io.StringWriter()));
				assertTrue(out.toString().trim().split("\\R")[0].contains(top), out.toString());
			}
		}
		assertTrue(Files.isRegularFile(csv), r.toString());
	}

	@Test
	void headlessBenchmarkPrintsTheSummary() throws Exception {
		Path out = dir.resolve("bench-run");
		ImageJ1.Result r = imagej.run(macro("benchmark_headless.ijm"),
			"dataset=" + Paths.get("demo/ubench-demo").toAbsolutePath() + " model=random out=" + out);
		assertEquals(0, r.exitCode, r.toString());
		Summary s = Summary.read(out.resolve("summary.json"));
		String coarse = String.format(java.util.Locale.US, "coarse\t%.2f\t", 100 * s.accuracy("coarse"));
		assertTrue(r.output.contains(coarse), coarse + " in " + r);
	}

	@Test
	void alphaSweepMergesAndBenchmarksEachAlpha() throws Exception {
		Path other = dir.resolve("tiny-clip-ft");
		TinyClip.write(other, new TinyClip.Options().seed(6).imageSize(32));
		Path out = dir.resolve("sweep");
		ImageJ1.Result r = imagej.run(macro("alpha_sweep.ijm"), "base=" + model + " finetuned=" + other + " dataset="
			+ Paths.get("demo/ubench-demo").toAbsolutePath() + " out=" + out + " alphas=0,1");
		assertEquals(0, r.exitCode, r.toString());
		for (String a : new String[] { "0", "1" }) {
			assertTrue(Files.isRegularFile(out.resolve("alpha-" + a).resolve("summary.json")), r.toString());
		}
		assertTrue(Files.isRegularFile(out.resolve("sweep.csv")), r.toString());
		// The fine column is the paper's fine total and is named so (not "fine", a different group).
		Summary s = Summary.read(out.resolve("alpha-0").resolve("summary.json"));
		String fine = String.format(java.util.Locale.US, "fine_paper %.2f", 100 * s.accuracy("fine_paper"));
		assertTrue(r.output.contains(fine), fine + " in " + r);
	}

	@Test
	void getAccuracyReportsAnUnknownGroupInOneLine() throws Exception {
		ImageJ1.Result r = imagej.run("run(\"Micro-Bench Macro Extensions\");\nExt.getAccuracy(\"coarse\", a, lo, hi);\n",
			null);
		assertTrue(r.output.contains("No benchmark has run in this session"), r.toString());
	}
}
