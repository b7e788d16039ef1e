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
package org.mubench.data.download;

import org.mubench.data.DatasetException;

/** A download that failed; {@link #notFound()} tells a missing file (HTTP 404) from other failures. */
public class DownloadException extends DatasetException {
	private final int status;

	public DownloadException(String message, int status, Throwable cause) {
		super(message, cause);
		this.status = status;
	}

	/** The HTTP status that caused the failure; 0 for other failures, -1 when the server could not be reached. */
	public int status() {
		return status;
	}

	public boolean notFound() {
		return status == 404;
	}

	public boolean unreachable() {
		return status == HttpDownloader.UNREACHABLE;
	}
}
