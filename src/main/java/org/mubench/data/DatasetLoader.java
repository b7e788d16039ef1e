package org.mubench.data;

import java.nio.file.Files;
import java.nio.file.Path;

import org.mubench.data.arrow.ArrowDataset;

/** Detects the kind of dataset in a folder: release shards ({@code *.arrow}), or images with a manifest. */
final class DatasetLoader {
	private DatasetLoader() {}

	static Dataset open(Path dir) {
		if (!Files.exists(dir)) throw new DatasetException(dir + ": no such file or folder");
		if (!ArrowDataset.findShards(dir).isEmpty()) return ArrowDataset.open(dir);
		throw new DatasetException(dir + ": no μ-Bench dataset here: expected *.arrow shards (or " +
			ArrowDataset.RELEASE_SUBDIR + "/ holding them); fetch the release with: mubench download --dataset ubench --to " +
			dir);
	}
}
