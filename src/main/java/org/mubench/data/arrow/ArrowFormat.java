package org.mubench.data.arrow;

import java.nio.file.Path;

import org.mubench.data.Dataset;
import org.mubench.data.DatasetFormat;
import org.scijava.plugin.Plugin;

/** The μ-Bench release: Hugging Face {@code *.arrow} shards. Asked before manifests. */
@Plugin(type = DatasetFormat.class, priority = 10)
public final class ArrowFormat implements DatasetFormat {
	@Override
	public boolean accepts(Path path) {
		return !ArrowDataset.findShards(path).isEmpty();
	}

	@Override
	public Dataset open(Path path) {
		return ArrowDataset.open(path);
	}

	@Override
	public String expects() {
		return "*.arrow shards (or " + ArrowDataset.RELEASE_SUBDIR + "/ holding them)";
	}
}
