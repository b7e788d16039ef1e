package org.mubench.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.mubench.base.PluginInstances;

/**
 * Detects the kind of dataset at a path by asking the {@link DatasetFormat} plugins: release shards ({@code *.arrow},
 * also under {@code perception/0.1.0/}), or images with a manifest ({@code manifest.jsonl}, {@code manifest.json},
 * {@code manifest.csv}, or that file itself).
 */
final class DatasetLoader {
	private DatasetLoader() {}

	static Dataset open(Path dir) {
		if (!Files.exists(dir)) throw new DatasetException(dir + ": no such file or folder");
		List<String> expected = new ArrayList<>();
		for (DatasetFormat format : PluginInstances.of(DatasetFormat.class)) {
			if (format.accepts(dir)) return format.open(dir);
			expected.add(format.expects());
		}
		throw new DatasetException(dir + ": no μ-Bench dataset here: expected " + String.join(", or ", expected)
			+ " (see docs/manifest.md); fetch the release with: mubench download --dataset ubench --to " + dir);
	}
}
