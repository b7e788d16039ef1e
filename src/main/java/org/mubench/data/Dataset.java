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
package org.mubench.data;

import java.nio.file.Path;
import java.util.List;

import org.mubench.base.ProgressListener;

/** A benchmark dataset on disk: the Hugging Face release shards, or a folder of images with a manifest. */
public interface Dataset {
	Path location();

	/** Class names of the global {@code label} column (ClassLabel metadata), empty when unknown. */
	List<String> labelNames();

	/**
	 * Number of rows, or -1 when it is not known without reading everything (the runner then shows progress without an
	 * ETA). Readers that know it cheaply (e.g. from {@code dataset_info.json}) should say so.
	 */
	default long size() {
		return -1;
	}

	/** A fresh stream over every sample in order; close it when done. */
	default SampleStream samples() {
		return samples(ProgressListener.SILENT);
	}

	/**
	 * Like {@link #samples()}, reporting skipped items (a question whose answer index does not fit its options, …) to
	 * {@code log} as one-line notices.
	 */
	SampleStream samples(ProgressListener log);

	/** Opens whatever kind of dataset {@code dir} holds; throws {@link DatasetException} naming the folder otherwise. */
	static Dataset open(Path dir) {
		return DatasetLoader.open(dir);
	}
}
