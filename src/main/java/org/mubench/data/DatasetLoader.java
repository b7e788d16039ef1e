package org.mubench.data;

import java.nio.file.Files;
import java.nio.file.Path;

import org.mubench.data.arrow.ArrowDataset;
import org.mubench.data.manifest.ManifestDataset;

/**
 * Detects the kind of dataset at a path: release shards ({@code *.arrow}, also under {@code perception/0.1.0/}), or
 * images with a manifest ({@code manifest.jsonl}, {@code manifest.json}, {@code manifest.csv}, or that file itself).
 */
final class DatasetLoader {
	private DatasetLoader() {}

	static Dataset open(Path dir) {
		if (!Files.exists(dir)) throw new DatasetException(dir + ": no such file or folder");
		if (!ArrowDataset.findShards(dir).isEmpty()) return ArrowDataset.open(dir);
		if (ManifestDataset.findManifest(dir) != null) return ManifestDataset.open(dir);
		throw new DatasetException(dir + ": no μ-Bench dataset here: expected *.arrow shards (or " +
			ArrowDataset.RELEASE_SUBDIR + "/ holding them), or images with manifest.jsonl / manifest.csv " +
			"(see docs/manifest.md); fetch the release with: mubench download --dataset ubench --to " + dir);
	}
}
