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
