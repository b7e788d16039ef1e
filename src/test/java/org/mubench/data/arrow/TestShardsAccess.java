package org.mubench.data.arrow;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;

/** File surgery for reader tests. */
final class TestShardsAccess {
	private TestShardsAccess() {}

	static void cut(Path file, long keep) throws IOException {
		try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
			f.setLength(keep);
		}
	}
}
