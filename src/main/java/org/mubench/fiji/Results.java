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

import java.awt.GraphicsEnvironment;
import java.nio.file.Path;
import java.util.List;

import org.mubench.eval.classify.ZeroShotClassifier;
import org.mubench.eval.score.Summary;
import org.scijava.ui.UIService;

import ij.gui.Plot;
import ij.io.FileSaver;
import ij.measure.ResultsTable;

/** Shows results in ImageJ windows, or writes them as CSV/PNG next to the outputs when there is no display. */
final class Results {
	private Results() {}

	static boolean headless(UIService ui) {
		return GraphicsEnvironment.isHeadless() || (ui != null && ui.isHeadless());
	}

	/** The accuracy table and plot of a run: windows in the GUI; accuracy_table.csv and accuracy_plot.png headless. */
	static void show(Summary summary, Path outDir, UIService ui) {
		ResultsTable table = SummaryView.table(summary);
		Plot plot = SummaryView.plot(summary);
		if (headless(ui)) {
			table.save(outDir.resolve("accuracy_table.csv").toString());
			// FileSaver, not IJ.saveAs: the latter goes through ImageJ's menus, which need a display.
			new FileSaver(plot.getImagePlus()).saveAsPng(outDir.resolve("accuracy_plot.png").toString());
		}
		else {
			table.show(SummaryView.TABLE_TITLE);
			plot.show();
		}
	}

	/** One row per label, highest probability first. */
	static ResultsTable classification(String image, List<ZeroShotClassifier.LabelProbability> result) {
		ResultsTable rt = new ResultsTable();
		for (ZeroShotClassifier.LabelProbability p : result) {
			rt.incrementCounter();
			rt.addValue("image", image);
			rt.addValue("label", p.label);
			rt.addValue("text", p.text);
			rt.addValue("similarity", p.similarity);
			rt.addValue("probability", p.probability);
		}
		return rt;
	}

	static void showTable(ResultsTable table, String title) {
		if (!GraphicsEnvironment.isHeadless()) table.show(title);
	}
}
