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
 * What the user can do about a problem, named without a front end: the command line phrases it with its flags
 * ("add --resume"), Fiji with its dialog fields ("tick Resume an interrupted run"). {@link #neutral} is the phrasing
 * for any other embedding.
 */
public enum Fix {
	/** The output folder holds another run's predictions. */
	RESUME_OR_OTHER_OUTPUT("continue that run (resume), or choose another output folder"),
	/** A run stopped early; its finished predictions are on disk. */
	RESUME_TO_CONTINUE("run again with resume to continue"),
	/** Arrow needs java.nio opened to it on Java 17+. */
	OPEN_JAVA_NIO("start Java with the option --add-opens=java.base/java.nio=ALL-UNNAMED"),
	/** A component the plugin needs is missing or too old in this installation. */
	UPDATE_INSTALLATION("update the installation");

	public final String neutral;

	Fix(String neutral) {
		this.neutral = neutral;
	}
}
