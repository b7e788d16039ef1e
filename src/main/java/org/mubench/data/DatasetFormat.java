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

import org.scijava.plugin.SciJavaPlugin;

/**
 * A kind of dataset on disk that {@link Dataset#open} recognises. Each is a SciJava plugin, so the data core names no
 * reader (no package cycle) and another format is one more class; formats are asked highest priority first.
 */
public interface DatasetFormat extends SciJavaPlugin {
	/** True when {@code path} holds a dataset of this kind; looks at file names only. */
	boolean accepts(Path path);

	/** Opens the dataset at {@code path}; throws {@link DatasetException} naming the file at fault. */
	Dataset open(Path path);

	/** What this format looks for, for the message when no format accepts a folder. */
	String expects();
}
