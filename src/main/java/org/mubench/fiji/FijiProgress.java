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
package org.mubench.fiji;

import org.mubench.base.ProgressListener;
import org.scijava.app.StatusService;
import org.scijava.log.LogService;

import ij.IJ;

/** Shows core progress in Fiji's status bar and notices in the log (or on the console when headless). */
public final class FijiProgress implements ProgressListener {
	private final StatusService status;
	private final LogService log;

	/** For SciJava commands: the context's status and log services. */
	public FijiProgress(StatusService status, LogService log) {
		this.status = status;
		this.log = log;
	}

	/** For ImageJ 1 code paths (macro extensions): IJ's status bar and log window. */
	public FijiProgress() {
		this(null, null);
	}

	@Override
	public void progress(long done, long total, String message) {
		int max = total > 0 ? (int) Math.min(Integer.MAX_VALUE, total) : 0;
		int value = (int) Math.min(done, max);
		if (status != null) status.showStatus(value, max, message);
		else {
			IJ.showStatus(message);
			if (max > 0) IJ.showProgress(value, max);
		}
	}

	@Override
	public void log(String message) {
		if (log != null) log.info(message);
		else IJ.log(message);
	}
}
