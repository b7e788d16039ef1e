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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mubench.eval.score.Summary;
import org.mubench.eval.tasks.TaskRegistry;
import org.mubench.model.openai.FakeChatServer;
import org.scijava.Context;
import org.scijava.ItemVisibility;
import org.scijava.command.Command;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.module.ModuleService;

import ij.ImagePlus;

/** What the dialogs offer and how their fields become the core's settings, through a real SciJava context. */
class FijiDialogsTest {
	static Context context;
	static CommandService commands;
	static ModuleService modules;

	static final List<Class<? extends Command>> COMMANDS = Arrays.asList(RunBenchmarkCommand.class,
		ClassifyImageCommand.class, DetectObjectsCommand.class, ScorePredictionsCommand.class,
		MergeModelWeightsCommand.class, DownloadDatasetCommand.class, DownloadModelCommand.class);

	@BeforeAll
	static void start() {
		context = new Context();
		commands = context.service(CommandService.class);
		modules = context.service(ModuleService.class);
	}

	@AfterAll
	static void stop() {
		context.dispose();
	}

	/** A module of the command as Fiji builds it before showing the dialog: created and initialised. */
	static Module initialised(Class<? extends Command> c) throws Exception {
		CommandInfo info = commands.getCommand(c.getName());
		Module module = modules.createModule(info);
		module.initialize();
		return module;
	}

	@Test
	void modelKindsBecomeTheSpecsTheCoreOpens() {
		File folder = new File("/models/clip");
		assertEquals(folder.getPath(), ModelChoice.spec(ModelChoice.FOLDER, folder, "", ""));
		assertEquals("random", ModelChoice.spec(ModelChoice.RANDOM, folder, "gpt-4o", "http://x"));
		assertEquals("openai:gpt-4o@http://localhost:8000/v1",
			ModelChoice.spec(ModelChoice.API, null, " gpt-4o ", "http://localhost:8000/v1"));
		assertEquals("openai:gpt-4o@https://api.openai.com/v1", ModelChoice.spec(ModelChoice.API, null, "gpt-4o", ""),
			"an empty base URL is OpenAI's");
		assertEquals("openai:m@http://h:1/v1", ModelChoice.spec(ModelChoice.API, null, "openai:m@http://h:1/v1", "http://x"),
			"a full SPEC as the model name is taken as it is");
		// Macros written before the choice existed gave the SPEC as model=, which is now the folder field.
		assertEquals("openai:m@http://h:1/v1", ModelChoice.spec(ModelChoice.FOLDER, new File("openai:m@http://h:1/v1"), "", ""));
		assertEquals("random", ModelChoice.spec(ModelChoice.FOLDER, new File("random"), "", ""));
		assertEquals("random:7", ModelChoice.spec(ModelChoice.FOLDER, new File("random:7"), "", ""));
	}

	@Test
	void aMissingFieldOfTheChosenKindIsNamedByItsLabel() {
		String noFolder = assertThrows(IllegalArgumentException.class,
			() -> ModelChoice.spec(ModelChoice.FOLDER, null, "gpt-4o", "")).getMessage();
		assertTrue(noFolder.contains("Model folder"), noFolder);
		String noName = assertThrows(IllegalArgumentException.class,
			() -> ModelChoice.spec(ModelChoice.API, new File("x"), " ", "")).getMessage();
		assertTrue(noName.contains("API model name") || noName.contains("Model name"), noName);
		String badKind = assertThrows(IllegalArgumentException.class,
			() -> ModelChoice.spec("torch", null, "", "")).getMessage();
		assertTrue(badKind.contains(ModelChoice.RANDOM), badKind);
	}

	@Test
	void runBenchmarkOffersModelKindsAndTheRegistryTasks() throws Exception {
		Module m = initialised(RunBenchmarkCommand.class);
		assertEquals(ModelChoice.KINDS, m.getInfo().getInput("model_kind").getChoices());
		List<?> tasks = m.getInfo().getInput("tasks").getChoices();
		assertEquals(TaskChoices.choices(), tasks);
		assertEquals(TaskChoices.COARSE_AND_FINE, tasks.get(0), "the default comes first");
		for (TaskRegistry.FineTask t : TaskRegistry.fineTasks()) assertTrue(tasks.contains(t.id), t.id);
		for (String type : TaskRegistry.COARSE_TYPES) assertTrue(tasks.contains(type), type);
		assertEquals("", TaskChoices.selectors(TaskChoices.ALL));
		assertEquals("coarse,fine", TaskChoices.selectors(" coarse,fine "));
	}

	@Test
	void everyFieldADialogShowsHasALabelAndADescription() throws Exception {
		for (Class<? extends Command> c : COMMANDS) {
			Module m = initialised(c);
			for (ModuleItem<?> item : m.getInfo().inputs()) {
				if (item.getVisibility() == ItemVisibility.MESSAGE || item.getType() == ImagePlus.class) continue;
				if (org.scijava.service.Service.class.isAssignableFrom(item.getType())) continue;
				if (item.getType() == org.scijava.Context.class) continue;
				String where = c.getSimpleName() + "." + item.getName();
				assertTrue(item.getLabel() != null && !item.getLabel().isEmpty(), where + " label");
				assertTrue(item.getDescription() != null && item.getDescription().length() > 10, where + " description");
				assertEquals(item.getName().toLowerCase(), item.getName(), where + ": macro keys are snake_case");
			}
		}
	}

	@Test
	void runBenchmarkWithTheRandomBaselineChosenInTheDialog(@TempDir Path out) throws Exception {
		CommandModule m = commands.run(RunBenchmarkCommand.class, true, "dataset", new File("demo/ubench-demo"), "model_kind",
			ModelChoice.RANDOM, "model", null, "api_key_file", null, "tasks", "fine", "device", "cpu", "out",
			out.toFile(), "resume", false, "limit", 0L).get();
		assertFalse(m.isCanceled(), m::getCancelReason);
		Summary s = Summary.read(out.resolve("summary.json"));
		assertTrue(s.model.startsWith("random"), s.model);
		assertTrue(s.groups.stream().anyMatch(g -> g.group.equals("fine") && g.n > 0));
		assertFalse(s.groups.stream().anyMatch(g -> g.group.equals("coarse") && g.n > 0), "only the chosen task ran");
	}

	@Test
	void runBenchmarkWithAnApiModelWithoutANameSaysWhichFieldToFill(@TempDir Path out) {
		String message;
		try {
			CommandModule m = commands.run(RunBenchmarkCommand.class, true, "dataset", new File("demo/ubench-demo"),
				"model_kind", ModelChoice.API, "model", null, "model_name", "", "api_key_file", null, "tasks", "coarse",
				"device", "cpu", "out", out.toFile(), "resume", false, "limit", 1L).get();
			// A command that reports its error itself ends cancelled with the message as the reason.
			assertTrue(m.isCanceled(), "no error for an API model without a name");
			message = m.getCancelReason();
		}
		catch (java.util.concurrent.ExecutionException e) {
			StringBuilder chain = new StringBuilder();
			for (Throwable t = e; t != null; t = t.getCause()) chain.append(t.getMessage()).append(" | ");
			message = chain.toString();
		}
		catch (InterruptedException e) {
			throw new AssertionError(e);
		}
		assertTrue(message.contains("API model name"), message);
	}

	@Test
	void detectObjectsFromTheApiFields() throws Exception {
		ImagePlus imp = ij.IJ.createImage("cells", "8-bit ramp", 100, 80, 1);
		try (FakeChatServer server = new FakeChatServer()) {
			server.script(FakeChatServer.Reply.text("[[10, 20, 50, 60]]", 10, 5));
			CommandModule m = commands.run(DetectObjectsCommand.class, true, "imp", imp, "api_key_file", null, "model_name",
				"test", "base_url", server.baseUrl(), "class_name", "nucleus", "format", "json", "add_to_roi_manager", false,
				"clear_roi_manager", false).get();
			assertEquals(1, m.getOutput("count"));
			assertEquals(1, imp.getOverlay().size());
		}
	}

	@Test
	void anOptionalFileAMacroLeavesOutIsNotAskedFor() throws Exception {
		// A recorded run("Classify Image...", "model=… labels=…") names no image_file: it must stay empty, not be
		// prompted for (SciJava's FilePreprocessor asks for the single unset file, and cancels headless).
		Module m = initialised(ClassifyImageCommand.class);
		for (String key : new String[] { "model", "labels", "template", "plane", "device", "imp" }) m.resolveInput(key);
		Thread.currentThread().setName("Run$_micro-bench-test");
		ij.Macro.setOptions("model=/m labels=a,b");
		try {
			new OptionalFilesPreprocessor().process(m);
		}
		finally {
			ij.Macro.setOptions(null);
		}
		assertTrue(m.isInputResolved("image_file"));
		assertEquals(null, m.getInput("image_file"));

		Module dialog = initialised(ClassifyImageCommand.class);
		if (!java.awt.GraphicsEnvironment.isHeadless()) {
			new OptionalFilesPreprocessor().process(dialog);
			assertFalse(dialog.isInputResolved("image_file"), "from the menu, the dialog shows the field");
		}
	}
}
