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

import java.nio.file.Paths;
import java.util.List;

import org.mubench.eval.classify.ZeroShotClassifier;
import org.mubench.eval.score.GroupResult;
import org.mubench.eval.score.Summary;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.macro.ExtensionDescriptor;
import ij.macro.Functions;
import ij.macro.MacroExtension;
import ij.plugin.PlugIn;

/**
 * ImageJ 1 macro functions, enabled by {@code run("Micro-Bench Macro Extensions");} (registered in plugins.config, so
 * they work in plain ImageJ 1 as in Fiji):
 * <ul>
 * <li>{@code Ext.classify(modelDir, labelsCsv, topLabel, topProbability)} — zero-shot on the active image;</li>
 * <li>{@code Ext.runBenchmark(datasetDir, model, outDir)} — blocks until the run and its reports are done;</li>
 * <li>{@code Ext.getAccuracy(group, accuracy, ciLow, ciHigh)} — from the last run's summary (fractions 0–1);</li>
 * <li>{@code Ext.mergeWeights(baseDir, finetunedDir, alpha, outDir)} — WiSE-FT interpolation;</li>
 * <li>{@code Ext.setOption(key, value)} — device, tasks, template, limit, batch, resume for later calls.</li>
 * </ul>
 * Errors abort the macro with one line naming the problem, as built-in macro functions do.
 */
public class MacroExtensions implements PlugIn, MacroExtension {
	private static final int S = ARG_STRING, N = ARG_NUMBER, OUT_S = ARG_STRING | ARG_OUTPUT, OUT_N = ARG_NUMBER | ARG_OUTPUT;

	private final ExtensionDescriptor[] functions = {
		ExtensionDescriptor.newDescriptor("classify", this, S, S, OUT_S, OUT_N),
		ExtensionDescriptor.newDescriptor("runBenchmark", this, S, S, S),
		ExtensionDescriptor.newDescriptor("getAccuracy", this, S, OUT_N, OUT_N, OUT_N),
		ExtensionDescriptor.newDescriptor("mergeWeights", this, S, S, N, S),
		ExtensionDescriptor.newDescriptor("setOption", this, S, S), };

	@Override
	public void run(String arg) {
		if (!IJ.macroRunning()) {
			IJ.error("Micro-Bench", "The Micro-Bench macro extensions are for macros: call run(\"Micro-Bench Macro Extensions\"); in a macro.");
			return;
		}
		Functions.registerExtensions(this);
	}

	@Override
	public ExtensionDescriptor[] getExtensionFunctions() {
		return functions;
	}

	@Override
	public String handleExtension(String name, Object[] args) {
		try {
			FijiEnvironment.check();
			switch (name) {
				case "classify":
					classify(args);
					break;
				case "runBenchmark":
					MicroBenchFiji.runBenchmark(Paths.get((String) args[0]), (String) args[1], Paths.get((String) args[2]),
						MicroBenchFiji.macroOptions(), new FijiProgress(), null);
					break;
				case "getAccuracy":
					getAccuracy(args);
					break;
				case "mergeWeights":
					MicroBenchFiji.mergeWeights(Paths.get((String) args[0]), Paths.get((String) args[1]),
						((Double) args[2]).doubleValue(), Paths.get((String) args[3]), new FijiProgress());
					break;
				case "setOption":
					MicroBenchFiji.macroOptions().set((String) args[0], (String) args[1]);
					break;
				default:
					return null;
			}
		}
		catch (Throwable e) {
			// Abort the macro with one line, as a built-in function would; the fix in the macro functions' words.
			String message = FijiErrors.line(e, true);
			IJ.log(message);
			FijiErrors.stopMacro();
		}
		return null;
	}

	private void classify(Object[] args) {
		ImagePlus imp = WindowManager.getCurrentImage();
		List<ZeroShotClassifier.LabelProbability> result = MicroBenchFiji.classify(imp, (String) args[0],
			ZeroShotClassifier.parseLabels((String) args[1]), MicroBenchFiji.macroOptions(), new FijiProgress());
		((String[]) args[2])[0] = result.get(0).label;
		((Double[]) args[3])[0] = result.get(0).probability;
	}

	private void getAccuracy(Object[] args) {
		Summary summary = MicroBenchFiji.lastSummary();
		String group = (String) args[0];
		GroupResult g = summary.group(group);
		if (g == null || !g.hasAccuracy()) {
			throw new IllegalArgumentException("The last run has no group '" + group + "' with an accuracy; see summary.json for the group names");
		}
		((Double[]) args[1])[0] = g.accuracy;
		((Double[]) args[2])[0] = g.ciLow;
		((Double[]) args[3])[0] = g.ciHigh;
	}
}
