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

import org.mubench.base.Fix;
import org.mubench.base.FixableException;

/** A problem with the user's data, described in one line that names the file or item and what to do. */
public class DatasetException extends FixableException {
	public DatasetException(String message) {
		super(message, null);
	}

	public DatasetException(String message, Throwable cause) {
		super(message, null, cause);
	}

	public DatasetException(String reason, Fix fix, Throwable cause) {
		super(reason, fix, cause);
	}
}
