package org.mubench.data;

import java.nio.file.Path;

/** Detects the kind of dataset in a folder. (Filled in by the dataset reader work.) */
final class DatasetLoader {
	private DatasetLoader() {}

	static Dataset open(Path dir) {
		throw new DatasetException(dir + ": no dataset reader is available yet");
	}
}
