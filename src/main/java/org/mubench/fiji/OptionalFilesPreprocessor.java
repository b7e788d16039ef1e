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
