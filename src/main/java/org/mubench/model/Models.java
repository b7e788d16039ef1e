package org.mubench.model;

import java.util.ArrayList;
import java.util.List;

import org.scijava.plugin.PluginIndex;
import org.scijava.plugin.PluginInfo;

/**
 * Opens a model from a user's SPEC through the {@link ModelBackend} plugins. Works without a SciJava context (the
 * command line) by reading the plugin index directly.
 */
public final class Models {
	private Models() {}

	public static VisionLanguageModel open(String spec, ModelOptions options) {
		for (ModelBackend backend : backends()) {
			if (backend.accepts(spec)) return backend.open(spec, options);
		}
		throw new ModelException("No model backend accepts '" + spec
			+ "': give a model folder (onnx/vision_model.onnx, onnx/text_model.onnx, tokenizer.json), 'random', or openai:MODEL@URL");
	}

	/** Every backend, highest priority first. */
	public static List<ModelBackend> backends() {
		PluginIndex index = new PluginIndex();
		index.discover();
		List<PluginInfo<ModelBackend>> infos = new ArrayList<>();
		for (PluginInfo<?> info : index.getPlugins(ModelBackend.class)) {
			@SuppressWarnings("unchecked")
			PluginInfo<ModelBackend> typed = (PluginInfo<ModelBackend>) info;
			infos.add(typed);
		}
		infos.sort((a, b) -> Double.compare(b.getPriority(), a.getPriority()));
		List<ModelBackend> backends = new ArrayList<>();
		for (PluginInfo<ModelBackend> info : infos) {
			try {
				backends.add(info.createInstance());
			}
			catch (Exception e) {
				throw new ModelException("Cannot create model backend " + info.getClassName() + ": " + e.getMessage(), e);
			}
		}
		return backends;
	}
}
