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
