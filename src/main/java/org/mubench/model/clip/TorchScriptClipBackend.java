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
