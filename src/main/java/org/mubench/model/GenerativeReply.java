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
package org.mubench.model;

/** What a generative model answered, or why it could not. */
public final class GenerativeReply {
	/** The reply text, or null when the request failed. */
	public final String text;
	/** Why the request failed (one line, never containing credentials), or null on success. */
	public final String error;
	public final long promptTokens;
	public final long completionTokens;
	/** True when the reply came from the persistent cache rather than the server. */
	public final boolean cached;

	public GenerativeReply(String text, String error, long promptTokens, long completionTokens, boolean cached) {
		this.text = text;
		this.error = error;
		this.promptTokens = promptTokens;
		this.completionTokens = completionTokens;
		this.cached = cached;
	}

	public static GenerativeReply failed(String error) {
		return new GenerativeReply(null, error, 0, 0, false);
	}

	public boolean ok() {
		return error == null;
	}
}
