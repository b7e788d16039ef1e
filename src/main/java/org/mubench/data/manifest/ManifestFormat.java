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
