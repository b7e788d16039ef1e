package org.mubench.model.clip;

import java.nio.file.Files;
import java.nio.file.Path;

import org.mubench.model.ModelBackend;
import org.mubench.model.ModelOptions;
import org.mubench.model.VisionLanguageModel;
import org.scijava.Priority;
import org.scijava.plugin.Plugin;

/** Opens folders holding a traced TorchScript pair ({@code image_encoder.pt}, {@code text_encoder.pt}). */
@Plugin(type = ModelBackend.class, priority = Priority.NORMAL)
public final class TorchScriptClipBackend implements ModelBackend {

	@Override
	public boolean accepts(String spec) {
		Path dir = OnnxClipBackend.folder(spec);
		return dir != null && (Files.isRegularFile(dir.resolve(TorchScriptClipModel.IMAGE_ENCODER))
			|| Files.isRegularFile(dir.resolve(TorchScriptClipModel.TEXT_ENCODER)));
	}

	@Override
	public VisionLanguageModel open(String spec, ModelOptions options) {
		return TorchScriptClipModel.open(OnnxClipBackend.folder(spec), options);
	}
}
