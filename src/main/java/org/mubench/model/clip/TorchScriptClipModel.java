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

import java.nio.file.Path;
import java.util.Collections;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtEngineProvider;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;

import org.mubench.base.Messages;
import org.mubench.image.PreprocessConfig;
import org.mubench.model.ModelException;
import org.mubench.model.ModelOptions;
import org.mubench.model.device.DeviceChoice;
import org.mubench.model.device.DeviceSelector;

/**
 * A CLIP-style model as a TorchScript pair, as {@code torch.jit.trace} writes it for open_clip models:
 * {@code image_encoder.pt} (images [B,3,H,W] → embeddings [B,D]), {@code text_encoder.pt} (token ids [B,L] int64 →
 * embeddings [B,D]), with {@code tokenizer.json}, {@code preprocessor_config.json} and optionally {@code config.json}
 * / {@code tokenizer_config.json}. Texts are always padded to the context length: traced text towers add a fixed
 * positional embedding. Runs on DJL's PyTorch engine, whose native library is only present in a {@code -Ptorchscript}
 * build.
 */
public final class TorchScriptClipModel extends AbstractClipModel {
	static final String IMAGE_ENCODER = "image_encoder.pt";
	static final String TEXT_ENCODER = "text_encoder.pt";

	private final Tower image;
	private final Tower text;
	private final DeviceChoice device;

	private TorchScriptClipModel(String name, PreprocessConfig pre, ClipTokenizer tokenizer, float logitScale, int batch,
		Tower image, Tower text, DeviceChoice device)
	{
		super(name, pre, tokenizer, logitScale, batch, pre.outputHeight(), pre.outputWidth());
		this.image = image;
		this.text = text;
		this.device = device;
	}

	public static TorchScriptClipModel open(Path dir, ModelOptions options) {
		ModelOptions o = options == null ? new ModelOptions() : options;
		return open(dir, o, DeviceSelector.installed(o.listener));
	}

	public static TorchScriptClipModel open(Path dir, ModelOptions options, DeviceSelector selector) {
		ModelOptions o = options == null ? new ModelOptions() : options;
		ModelFolder folder = new ModelFolder(dir);
		Path imagePath = folder.require(IMAGE_ENCODER, "trace the image tower with tools/export_onnx.py --torchscript (docs/models.md)");
		Path textPath = folder.require(TEXT_ENCODER, "trace the text tower with tools/export_onnx.py --torchscript (docs/models.md)");
		folder.tokenizerFile();
		PreprocessConfig pre = folder.preprocessing();
		float logitScale = folder.logitScale();
		int threads = o.threads > 0 ? o.threads : java.lang.Runtime.getRuntime().availableProcessors();
		// PyTorch takes its thread counts once, when its engine starts.
		if (System.getProperty("ai.djl.pytorch.num_threads") == null)
			System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
		if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null)
			System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
		requireNativeLibrary();
		DeviceChoice device = selector.select(o.device, DeviceSelector.Runtime.PYTORCH);
		Tower image = null, text = null;
		ClipTokenizer tokenizer = null;
		try {
			image = new Tower(imagePath, IMAGE_ENCODER, device);
			text = new Tower(textPath, TEXT_ENCODER, device);
			tokenizer = ClipTokenizer.forFolder(folder, -1);
			TorchScriptClipModel model = new TorchScriptClipModel(folder.name(), pre, tokenizer, logitScale, o.batchSize, image,
				text, device);
			int imageDim = model.runImages(new float[3 * model.height * model.width], 1)[0].length;
			int textDim = model.runTexts(tokenizer.encode(Collections.singletonList(""), model.fixedTextLength()))[0].length;
			if (imageDim != textDim) {
				model.close();
				throw new ModelException(IMAGE_ENCODER + " gives " + imageDim + "-dimensional image embeddings but " + TEXT_ENCODER
					+ " gives " + textDim + "-dimensional text embeddings: trace both towers of the same model with their projections (docs/models.md).");
			}
			o.listener.log("Model " + folder.name() + ": TorchScript on " + device + ", " + threads + " threads, embedding " + imageDim);
			return model;
		}
		catch (RuntimeException e) {
			if (tokenizer != null) tokenizer.close();
			if (image != null) image.close();
			if (text != null) text.close();
			throw e;
		}
	}

	/**
	 * Loads PyTorch's native library or says how to get it. DJL would otherwise try to download it, which offline
	 * mode forbids.
	 */
	static void requireNativeLibrary() {
		Djl.init();
		String absent = nativeLibraryAbsence();
		if (absent != null) throw new ModelException(missingNativeMessage(new IllegalStateException(absent)));
		try {
			Djl.call(() -> {
				if (!Engine.hasEngine(Djl.PYTORCH)) Engine.registerEngine(new PtEngineProvider());
				return Engine.getEngine(Djl.PYTORCH);
			});
		}
		catch (Throwable e) {
			throw new ModelException(missingNativeMessage(e), e);
		}
	}

	/**
	 * Why PyTorch's native library surely cannot be found, or null when it may be there. Checked before DJL looks,
	 * because DJL's own search ends by fetching an index from the network.
	 */
	static String nativeLibraryAbsence() {
		if (Djl.class.getClassLoader().getResource("native/lib/pytorch.properties") != null) return null;
		String env = System.getenv("PYTORCH_LIBRARY_PATH");
		if (env != null && !env.isEmpty()) return null;
		String cache = System.getProperty("DJL_CACHE_DIR", System.getenv("DJL_CACHE_DIR"));
		Path cacheDir = cache != null ? java.nio.file.Paths.get(cache)
			: java.nio.file.Paths.get(System.getProperty("user.home"), ".djl.ai");
		Path pytorch = cacheDir.resolve("pytorch");
		try (java.util.stream.Stream<Path> entries = java.nio.file.Files.list(pytorch)) {
			if (entries.findAny().isPresent()) return null;
		}
		catch (java.io.IOException e) {
			// No cache folder: fall through.
		}
		return "not in the class path, PYTORCH_LIBRARY_PATH unset, nothing in " + pytorch;
	}

	static String missingNativeMessage(Throwable e) {
		return "The PyTorch native library is missing (" + Messages.firstLine(e)
			+ "): TorchScript models need a build with -Ptorchscript (adds ai.djl.pytorch:pytorch-native-cpu), or an ONNX export of the model (docs/models.md).";
	}

	public DeviceChoice device() {
		return device;
	}

	@Override
	protected int fixedTextLength() {
		return tokenizer.contextLength();
	}

	@Override
	protected float[][] runImages(float[] batch, int n) {
		return image.run(m -> m.create(batch, new Shape(n, 3, height, width)));
	}

	@Override
	protected float[][] runTexts(ClipTokenizer.Batch batch) {
		int n = batch.ids.length, len = batch.length;
		long[] flat = new long[n * len];
		for (int i = 0; i < n; i++)
			System.arraycopy(batch.ids[i], 0, flat, i * len, len);
		return text.run(m -> m.create(flat, new Shape(n, len)));
	}

	@Override
	public void close() {
		try {
			super.close();
		}
		finally {
			image.close();
			text.close();
		}
	}

	/** One traced tower. */
	private static final class Tower implements AutoCloseable {
		final String file;
		final ZooModel<NDList, NDList> model;
		final Predictor<NDList, NDList> predictor;
		private boolean closed;

		Tower(Path path, String file, DeviceChoice device) {
			this.file = file;
			Criteria<NDList, NDList> criteria = Criteria.builder()
				.setTypes(NDList.class, NDList.class)
				.optModelPath(path)
				.optEngine(Djl.PYTORCH)
				.optDevice(device.gpu ? Device.gpu(device.index) : Device.cpu())
				.optTranslator(new NoopTranslator())
				.build();
			try {
				this.model = Djl.call(criteria::loadModel);
			}
			catch (RuntimeException e) {
				Throwable cause = e instanceof Djl.WrappedException ? e.getCause() : e;
				throw new ModelException(file + " cannot be loaded by PyTorch (" + Messages.firstLine(cause)
					+ "): trace it again with tools/export_onnx.py --torchscript (docs/models.md).", cause);
			}
			this.predictor = model.newPredictor();
		}

		interface Input {
			NDArray make(NDManager manager);
		}

		synchronized float[][] run(Input input) {
			return Djl.call(() -> {
				try (NDManager manager = model.getNDManager().newSubManager()) {
					NDList out = predictor.predict(new NDList(input.make(manager)));
					return OrtGraph.rows(out.get(0), file);
				}
			});
		}

		@Override
		public synchronized void close() {
			if (closed) return;
			closed = true;
			predictor.close();
			model.close();
		}
	}
}
