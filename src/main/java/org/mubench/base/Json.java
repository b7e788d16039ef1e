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

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * The Jackson configurations the project uses, made once: a mapper is costly to build and, once configured, safe to
 * share between threads. Nobody may reconfigure these instances; derive a writer or reader instead.
 */
public final class Json {
	private Json() {}

	/** Jackson's defaults: trees, and writing our own objects. */
	public static final ObjectMapper MAPPER = new ObjectMapper();

	/** {@link #MAPPER}'s output, indented: files people read (run.json, summary.json, configs). */
	public static final ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter();

	/**
	 * Reads our own records (predictions, summaries) ignoring fields it does not know, so files written by a newer
	 * version still load.
	 */
	public static final ObjectMapper LENIENT = new ObjectMapper()
		.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
}
