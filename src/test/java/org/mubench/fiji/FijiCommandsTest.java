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
package org.mubench.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
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
import org.mubench.model.openai.FakeChatServer;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

import ij.ImagePlus;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.measure.ResultsTable;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ShortProcessor;

/** The Fiji commands run through a real SciJava context and command service, as Fiji and its macros run them. */
class FijiCommandsTest {
	static Context context;
	static CommandService commands;
	@TempDir
	static Path shared;
	static Path model;

	@BeforeAll
	static void start() throws Exception {
		context = new Context();
		commands = context.service(CommandService.class);
		model = shared.resolve("tiny-clip");
		TinyClip.write(model, new TinyClip.Options().seed(3).imageSize(32));
	}

	@AfterAll
	static void stop() {
		context.dispose();
	}

	static CommandModule run(Class<? extends org.scijava.command.Command> cmd, Object... inputs) throws Exception {
		CommandModule module = commands.run(cmd, true, inputs).get();
		assertFalse(module.isCanceled(), () -> "cancelled: " + module.getCancelReason());
		return module;
	}

	@Test
	void everyCommandHasAMenuPathUnderMicroBench() {
		for (Class<?> c : Arrays.asList(RunBenchmarkCommand.class, ClassifyImageCommand.class, DetectObjectsCommand.class,
			ScorePredictionsCommand.class, MergeModelWeightsCommand.class, DownloadDatasetCommand.class,
			DownloadModelCommand.class))
		{
			org.scijava.command.CommandInfo info = commands.getCommand(c.getName());
			assertNotNull(info, c.getName());
			assertTrue(info.getMenuPath().getMenuString().startsWith("Plugins > Micro-Bench > "), info.getMenuPath().getMenuString());
			// Macro keys are the field names: snake_case, no capitals.
			info.inputs().forEach(i -> assertTrue(i.getName().equals(i.getName().toLowerCase())
				|| org.scijava.service.Service.class.isAssignableFrom(i.getType()), c + ": " + i.getName()));
		}
	}

	@Test
	void runBenchmarkOnTheDemoDataWritesReportsAndTables(@TempDir Path out) throws Exception {
		CommandModule m = run(RunBenchmarkCommand.class, "api_key_file", null, "dataset", new File("demo/ubench-demo"), "model", "random",
			"tasks", "coarse,fine", "device", "cpu", "out", out.toFile(), "resume", false, "limit", 0L);
		assertTrue(m.isResolved("dataset"));
		for (String f : new String[] { "predictions.jsonl", "summary.json", "summary.csv", "report.md", "accuracy.png",
			"accuracy_table.csv", "accuracy_plot.png" })
		{
			assertTrue(Files.isRegularFile(out.resolve(f)), f);
		}
		Summary s = MicroBenchFiji.lastSummary();
		Summary onDisk = Summary.read(out.resolve("summary.json"));
		assertEquals(onDisk.accuracy("coarse"), s.accuracy("coarse"), 0);
		List<String> table = Files.readAllLines(out.resolve("accuracy_table.csv"));
		assertTrue(table.get(0).contains("accuracy_%"), table.get(0));
		assertEquals(onDisk.groups.size() + 1, table.size());
	}

	@Test
	void classifyAgreesWithTheCoreOnEveryPixelType() throws Exception {
		List<String> labels = Arrays.asList("nucleus", "mitochondria", "background");
		ImagePlus[] images = { new ImagePlus("grey8", ramp(new ByteProcessor(40, 30))),
			new ImagePlus("grey16", ramp(new ShortProcessor(40, 30))), new ImagePlus("float", ramp(new FloatProcessor(40, 30))),
			new ImagePlus("rgb", ramp(new ColorProcessor(40, 30))) };
		try (ContrastiveModel clip = (ContrastiveModel) Models.open(model.toString(), new ModelOptions())) {
			for (ImagePlus imp : images) {
				CommandModule m = run(ClassifyImageCommand.class, "imp", imp, "image_file", null, "model", model.toFile(), "labels",
					String.join(",", labels), "template", "a micrograph of {}.", "plane", "current", "device", "cpu");
				float[] pixels = ImagePlusTensors.tensor(imp, "current", clip.preprocessing());
				List<ZeroShotClassifier.LabelProbability> direct = ZeroShotClassifier.classify(clip, pixels, labels,
					"a micrograph of {}.");
				assertEquals(direct.get(0).label, m.getOutput("top_label"), imp.getTitle());
				assertEquals(direct.get(0).probability, (Double) m.getOutput("top_probability"), 1e-6, imp.getTitle());
				ResultsTable rt = (ResultsTable) m.getOutput("table");
				assertEquals(3, rt.size());
				assertEquals(direct.get(0).label, rt.getStringValue("label", 0));
			}
		}
	}

	@Test
	void classifyOpensAFileInsteadOfTheActiveImage(@TempDir Path dir) throws Exception {
		ImagePlus imp = new ImagePlus("file", ramp(new ByteProcessor(33, 21)));
		Path tif = dir.resolve("cells.tif");
		new ij.io.FileSaver(imp).saveAsTiff(tif.toString());
		CommandModule fromFile = run(ClassifyImageCommand.class, "imp", null, "image_file", tif.toFile(), "model",
			model.toFile(), "labels", "a,b,c", "template", "", "plane", "current", "device", "cpu");
		CommandModule fromImage = run(ClassifyImageCommand.class, "imp", imp, "image_file", null, "model", model.toFile(),
			"labels", "a,b,c", "template", "", "plane", "current", "device", "cpu");
		assertEquals(fromImage.getOutput("top_label"), fromFile.getOutput("top_label"));
		assertEquals((Double) fromImage.getOutput("top_probability"), (Double) fromFile.getOutput("top_probability"), 1e-9);
	}

	@Test
	void an8BitImageMatchesTheEncodedPathOfTheSamePixels() throws Exception {
		// The same pixels through the dataset path (PNG bytes) and through an ImagePlus give the same tensor.
		ByteProcessor bp = ramp(new ByteProcessor(37, 23));
		ImagePlus imp = new ImagePlus("ramp", bp);
		try (ContrastiveModel clip = (ContrastiveModel) Models.open(model.toString(), new ModelOptions())) {
			float[] viaImagePlus = ImagePlusTensors.tensor(imp, "current", clip.preprocessing());
			byte[] png = org.mubench.image.PngEncoder.grey8(37, 23, (byte[]) bp.getPixels());
			float[] viaPng = ImageTensors.fromEncoded(png, "ramp", clip.preprocessing());
			assertTrue(Arrays.equals(viaPng, viaImagePlus));
		}
	}

	@Test
	void hyperstackPlanesAreChosenExplicitly() throws Exception {
		ImagePlus imp = ij.IJ.createHyperStack("hs", 24, 20, 2, 3, 2, 16);
		for (int i = 1; i <= imp.getStackSize(); i++) {
			ramp(imp.getStack().getProcessor(i)).multiply(i);
		}
		imp.setPosition(1, 2, 2);
		try (ContrastiveModel clip = (ContrastiveModel) Models.open(model.toString(), new ModelOptions())) {
			float[] current = ImagePlusTensors.tensor(imp, "current", clip.preprocessing());
			float[] max = ImagePlusTensors.tensor(imp, "max", clip.preprocessing());
			assertEquals(3 * 32 * 32, current.length);
			assertFalse(Arrays.equals(current, max));
			imp.setPosition(1, 3, 2);
			assertFalse(Arrays.equals(current, ImagePlusTensors.tensor(imp, "current", clip.preprocessing())));
		}
	}

	@Test
	void detectObjectsPutsNamedRoisOnTheOverlayWithoutTouchingTheRoiManager() throws Exception {
		ImagePlus imp = ij.IJ.createHyperStack("cells", 100, 80, 1, 3, 1, 8);
		imp.setPosition(1, 2, 1);
		Overlay existing = new Overlay(new Roi(1, 1, 5, 5));
		imp.setOverlay(existing);
		try (FakeChatServer server = new FakeChatServer()) {
			server.script(FakeChatServer.Reply.text("[[10, 20, 50, 60], [60, 10, 90, 40]]", 10, 5));
			CommandModule m = run(DetectObjectsCommand.class, "imp", imp, "api_key_file", null, "model_name", "openai:test@" + server.baseUrl(),
				"class_name", "nucleus", "format", "json", "add_to_roi_manager", true, "clear_roi_manager", false);
			assertEquals(2, m.getOutput("count"));
			Overlay overlay = imp.getOverlay();
			assertEquals(3, overlay.size());
			Roi first = overlay.get(1);
			assertEquals(new java.awt.Rectangle(10, 20, 40, 40), first.getBounds());
			assertTrue(first.getName().startsWith("nucleus"), first.getName());
			assertEquals(2, first.getZPosition());
			assertEquals(null, ij.plugin.frame.RoiManager.getInstance(), "headless: no ROI Manager window");
		}
	}

	@Test
	void scoreAndMergeCommands(@TempDir Path dir) throws Exception {
		Path run = dir.resolve("run");
		run(RunBenchmarkCommand.class, "api_key_file", null, "dataset", new File("demo/ubench-demo"), "model", "random", "tasks", "coarse",
			"device", "cpu", "out", run.toFile(), "resume", false, "limit", 10L);
		Path rescored = dir.resolve("rescored");
		CommandModule m = run(ScorePredictionsCommand.class, "predictions", run.resolve("predictions.jsonl").toFile(), "out",
			rescored.toFile(), "format", "auto", "resamples", 9999, "seed", 0L);
		assertEquals(Summary.read(run.resolve("summary.json")).accuracy("coarse"),
			Summary.read(rescored.resolve("summary.json")).accuracy("coarse"), 0);
		assertTrue(Files.isRegularFile(rescored.resolve("report.md")));
		assertFalse(m.getInfo().outputs().iterator().hasNext(), "no output window for a path");

		Path other = dir.resolve("other");
		TinyClip.write(other, new TinyClip.Options().seed(4).imageSize(32));
		Path merged = dir.resolve("merged");
		run(MergeModelWeightsCommand.class, "base", model.toFile(), "finetuned", other.toFile(), "alpha", 0.25, "out",
			merged.toFile());
		assertTrue(Files.isRegularFile(merged.resolve("onnx/vision_model.onnx")));
		assertTrue(Files.isRegularFile(merged.resolve("tokenizer.json")));
	}

	@Test
	void downloadModelFetchesTheExportFromTheHub(@TempDir Path dir) throws Exception {
		try (org.mubench.testdata.TestHttpServer hub = new org.mubench.testdata.TestHttpServer()) {
			for (String f : new String[] { "onnx/vision_model.onnx", "onnx/text_model.onnx", "tokenizer.json",
				"preprocessor_config.json", "config.json", "tokenizer_config.json" })
			{
				hub.put("/acme/clip/resolve/main/" + f, Files.readAllBytes(model.resolve(f)));
			}
			Path to = dir.resolve("clip");
			CommandModule m = run(DownloadModelCommand.class, "model", "hf:acme/clip", "revision", "main", "to", to.toFile(),
				"base_url", hub.baseUrl());
			assertEquals(6, m.getOutput("files"));
			try (ContrastiveModel clip = (ContrastiveModel) Models.open(to.toString(), new ModelOptions())) {
				assertEquals(1, clip.embedTexts(Arrays.asList("nucleus")).length);
			}
		}
	}

	static <P extends ij.process.ImageProcessor> P ramp(P ip) {
		for (int y = 0; y < ip.getHeight(); y++) {
			for (int x = 0; x < ip.getWidth(); x++) {
				if (ip instanceof ColorProcessor) ip.putPixel(x, y, ((x * 6) & 0xff) << 16 | ((y * 8) & 0xff) << 8 | ((x + y) & 0xff));
				else ip.putPixelValue(x, y, ip instanceof ByteProcessor ? (x * 5 + y * 3) % 256 : x * 700 + y * 90);
			}
		}
		return ip;
	}
}
