package org.mubench.data.manifest;

import java.nio.file.Path;

import org.mubench.data.Dataset;
import org.mubench.data.DatasetFormat;
import org.scijava.plugin.Plugin;

/** A folder of images described by a manifest (docs/manifest.md). */
@Plugin(type = DatasetFormat.class, priority = 0)
public final class ManifestFormat implements DatasetFormat {
	@Override
	public boolean accepts(Path path) {
		return ManifestDataset.findManifest(path) != null;
	}

	@Override
	public Dataset open(Path path) {
		return ManifestDataset.open(path);
	}

	@Override
	public String expects() {
		return "images with manifest.jsonl / manifest.csv";
	}
}
