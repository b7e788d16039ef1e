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
package org.mubench.model.merge;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

import org.mubench.model.onnx.FileRegion;

/** The bytes of one tensor, read in chunks from a file region or from memory. */
abstract class DataSource implements Closeable {
	final long length;

	DataSource(long length) {
		this.length = length;
	}

	/** Reads {@code n} bytes starting {@code pos} bytes into the tensor. */
	abstract void read(long pos, byte[] dst, int n) throws IOException;

	@Override
	public void close() throws IOException {}

	static DataSource of(byte[] data) {
		return new DataSource(data.length) {
			@Override
			void read(long pos, byte[] dst, int n) {
				System.arraycopy(data, Math.toIntExact(pos), dst, 0, n);
			}
		};
	}

	static DataSource of(FileRegion region) throws IOException {
		FileChannel ch = FileChannel.open(region.file, StandardOpenOption.READ);
		if (region.offset + region.length > ch.size()) {
			long size = ch.size();
			ch.close();
			throw new IOException(region.file + " is too short (" + size + " bytes) for data ending at byte "
				+ (region.offset + region.length));
		}
		return new DataSource(region.length) {
			@Override
			void read(long pos, byte[] dst, int n) throws IOException {
				ByteBuffer buf = ByteBuffer.wrap(dst, 0, n);
				long at = region.offset + pos;
				while (buf.hasRemaining()) {
					int r = ch.read(buf, at);
					if (r < 0) throw new IOException("unexpected end of " + region.file);
					at += r;
				}
			}

			@Override
			public void close() throws IOException {
				ch.close();
			}
		};
	}
}
