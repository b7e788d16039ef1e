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
