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
