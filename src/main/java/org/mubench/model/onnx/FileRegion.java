package org.mubench.model.onnx;

import java.nio.file.Path;

/** A byte range of a file: where a tensor's data or a protobuf field lies, so it can be read or copied later. */
public final class FileRegion {
	public final Path file;
	public final long offset;
	public final long length;

	public FileRegion(Path file, long offset, long length) {
		this.file = file;
		this.offset = offset;
		this.length = length;
	}

	@Override
	public String toString() {
		return file + "[" + offset + "+" + length + "]";
	}
}
