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
