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
package org.mubench.base;

/**
 * A problem the user can fix: what went wrong ({@link #reason()}, one line naming the item) and what to do
 * ({@link #fix()}), kept apart so each front end words the fix in its own terms. {@link #getMessage()} joins the
 * reason with the neutral wording.
 */
public class FixableException extends RuntimeException {
	private final String reason;
	private final Fix fix;

	public FixableException(String reason, Fix fix) {
		this(reason, fix, null);
	}

	public FixableException(String reason, Fix fix, Throwable cause) {
		super(fix == null ? reason : reason + ": " + fix.neutral, cause);
		this.reason = reason;
		this.fix = fix;
	}

	public String reason() {
		return reason;
	}

	/** Null when the message itself says what to do. */
	public Fix fix() {
		return fix;
	}

	/** The first {@code FixableException} with a fix in {@code t}'s cause chain, or null. */
	public static FixableException find(Throwable t) {
		for (Throwable c = t; c != null; c = c.getCause()) {
			if (c instanceof FixableException && ((FixableException) c).fix != null) return (FixableException) c;
			if (c.getCause() == c) break;
		}
		return null;
	}
}
