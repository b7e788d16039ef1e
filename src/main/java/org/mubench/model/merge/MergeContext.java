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

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.CancellationException;

import org.mubench.base.Cancellation;
import org.mubench.base.ProgressListener;

/** What one merge run shares across files: α, progress, cancellation and counts. */
final class MergeContext {
	static final int CHUNK = 1 << 20;

	final double alpha;
	final ProgressListener progress;
	final Cancellation cancellation;
	long totalTensors = -1;
	long doneTensors;
	int interpolated;
	int copied;
	long bytes;
	final byte[] baseBuf = new byte[CHUNK];
	final byte[] ftBuf = new byte[CHUNK];
	final byte[] outBuf = new byte[CHUNK];

	MergeContext(double alpha, ProgressListener progress, Cancellation cancellation) {
		this.alpha = alpha;
		this.progress = progress == null ? ProgressListener.SILENT : progress;
		this.cancellation = cancellation == null ? Cancellation.NEVER : cancellation;
	}

	void checkCancelled() {
		if (cancellation.isCancelled()) throw new CancellationException("merge cancelled");
	}

	void tensorDone(String what) {
		doneTensors++;
		progress.progress(doneTensors, totalTensors, what);
	}

	interface Sink {
		void write(byte[] data, int off, int len) throws IOException;
	}

	static Sink sink(OutputStream out) {
		return out::write;
	}

	/** Streams (1−α)·base + α·finetuned, or a plain copy of the fine-tuned data when {@code kind} is null. */
	void transfer(Interpolation.Kind kind, DataSource base, DataSource finetuned, Sink out) throws IOException {
		long length = finetuned.length;
		int unit = kind == null ? 1 : Interpolation.byteSize(kind);
		int chunk = CHUNK - CHUNK % unit;
		for (long pos = 0; pos < length; pos += chunk) {
			checkCancelled();
			int n = (int) Math.min(chunk, length - pos);
			finetuned.read(pos, ftBuf, n);
			if (kind == null) out.write(ftBuf, 0, n);
			else {
				base.read(pos, baseBuf, n);
				Interpolation.mix(kind, alpha, baseBuf, ftBuf, outBuf, n);
				out.write(outBuf, 0, n);
			}
		}
		bytes += length;
		if (kind == null) copied++;
		else interpolated++;
	}
}
