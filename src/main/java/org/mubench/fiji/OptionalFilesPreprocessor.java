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
import java.io.File;

import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.module.process.AbstractPreprocessorPlugin;
import org.scijava.module.process.PreprocessorPlugin;
import org.scijava.plugin.Plugin;

import ij.Macro;

/**
 * Leaves an optional file field of our commands empty when a macro (or a headless script) did not name it. Without
 * this, SciJava's FilePreprocessor sees the one unset file field — e.g. {@code image_file} of a recorded
 * {@code run("Classify Image...", "model=… labels=…")} — and asks for a file: a file chooser pops up in the GUI, and
 * headless the command is silently cancelled. Runs after the macro's keys are read, before that prompt.
 */
@Plugin(type = PreprocessorPlugin.class, priority = OptionalFilesPreprocessor.PRIORITY)
public class OptionalFilesPreprocessor extends AbstractPreprocessorPlugin {
	/** Between LoadInputsPreprocessor (-9999) and FileListPreprocessor / FilePreprocessor (-9999.5). */
	static final double PRIORITY = -9999.2;

	@Override
	public void process(Module module) {
		if (!module.getInfo().getDelegateClassName().startsWith(OptionalFilesPreprocessor.class.getPackage().getName() + ".")) return;
		if (Macro.getOptions() == null && !GraphicsEnvironment.isHeadless()) return; // a dialog will ask for everything
		for (ModuleItem<?> item : module.getInfo().inputs()) {
			if (item.isRequired() || module.isInputResolved(item.getName())) continue;
			if (File.class.isAssignableFrom(item.getType()) && item.getValue(module) == null) module.resolveInput(item.getName());
		}
	}
}
