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
package org.mubench.model.openai;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

import org.mubench.model.ModelException;
import org.mubench.model.ModelOptions;

/**
 * Everything that shapes requests to a chat-completions server, read from a model SPEC and
 * {@link ModelOptions#extra}. Keys: {@code temperature} (1), {@code max_tokens} (2048), {@code top_p} (1),
 * {@code frequency_penalty} (0), {@code presence_penalty} (0), {@code seed} (0; {@code none} sends none),
 * {@code top_logprobs} (10; 0 asks for no log-probabilities), {@code detail} (high), {@code image} ({@code rgb_png}: the
 * image as PIL's {@code convert("RGB")} re-encoded as PNG; {@code original}: the stored PNG bytes),
 * {@code concurrency} (8, requests in flight), {@code timeout_s} (120, per attempt, whole exchange), {@code retries} (5,
 * further attempts after the first), {@code backoff_ms} (1000, first retry delay before jitter), {@code cache_dir} (a
 * folder, or {@code off}; default {@code $XDG_CACHE_HOME/mubench/openai} or {@code ~/.cache/mubench/openai}).
 * <p>
 * Defaults are what the authors' GPT-4o wrapper sent ({@code call_gpt} in eVLLM's {@code gptapi.py}): temperature 1,
 * max_tokens 2048, top_p 1, both penalties 0, seed 0, n 1, logprobs with the top 10, text response format, detail high,
 * the image converted to RGB and re-encoded as PNG. {@link ModelOptions#seed} is not used: it seeds our bootstrap, not
 * the server.
 */
public final class OpenAiSettings {
	public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

	public final String model;
	/** Without a trailing slash. */
	public final String baseUrl;
	public final double temperature;
	public final int maxTokens;
	/** Null when no seed is sent. */
	public final Long seed;
	public final String detail;
	public final double topP;
	public final double frequencyPenalty;
	public final double presencePenalty;
	/** Log-probabilities of the top this many tokens; 0 asks for none. */
	public final int topLogprobs;
	/** True: send the image as PIL's convert("RGB") re-encoded as PNG (the harness); false: the stored bytes. */
	public final boolean rgbPng;
	public final int concurrency;
	public final double timeoutSeconds;
	public final int retries;
	public final long backoffMillis;
	/** Null when caching is off. */
	public final Path cacheDir;

	OpenAiSettings(String model, String baseUrl, double temperature, int maxTokens, Long seed, String detail,
		double topP, double frequencyPenalty, double presencePenalty, int topLogprobs, boolean rgbPng,
		int concurrency, double timeoutSeconds, int retries, long backoffMillis, Path cacheDir)
	{
		this.topP = topP;
		this.frequencyPenalty = frequencyPenalty;
		this.presencePenalty = presencePenalty;
		this.topLogprobs = topLogprobs;
		this.rgbPng = rgbPng;
		this.model = model;
		this.baseUrl = baseUrl;
		this.temperature = temperature;
		this.maxTokens = maxTokens;
		this.seed = seed;
		this.detail = detail;
		this.concurrency = concurrency;
		this.timeoutSeconds = timeoutSeconds;
		this.retries = retries;
		this.backoffMillis = backoffMillis;
		this.cacheDir = cacheDir;
	}

	/** True for {@code openai:...} specs. */
	public static boolean isSpec(String spec) {
		return spec != null && spec.startsWith("openai:");
	}

	/**
	 * Reads {@code openai:MODEL@BASE_URL} (the base URL defaults to OpenAI's) and the options' extra settings.
	 *
	 * @param env environment lookup, used only for the default cache folder
	 */
	public static OpenAiSettings parse(String spec, ModelOptions options, java.util.function.Function<String, String> env) {
		if (!isSpec(spec)) throw new ModelException("Not an OpenAI model spec: '" + spec + "'; use openai:MODEL@BASE_URL");
		String rest = spec.substring("openai:".length());
		int at = rest.indexOf('@');
		String model = at < 0 ? rest : rest.substring(0, at);
		String base = at < 0 ? DEFAULT_BASE_URL : rest.substring(at + 1);
		model = model.trim();
		base = base.trim();
		if (model.isEmpty()) throw new ModelException("Model spec '" + redactUrl(spec)
			+ "' names no model: use openai:MODEL@BASE_URL, e.g. openai:gpt-4o@https://api.openai.com/v1");
		while (base.endsWith("/"))
			base = base.substring(0, base.length() - 1);
		try {
			URI uri = new URI(base);
			String scheme = uri.getScheme();
			if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")) || uri.getHost() == null)
				throw new URISyntaxException(base, "not an http(s) URL with a host");
		}
		catch (URISyntaxException e) {
			throw new ModelException("Base URL '" + redactUrl(base) + "' in model spec is not an http(s) URL: use e.g. "
				+ "openai:" + model + "@http://localhost:8000/v1");
		}
		Map<String, String> x = options.extra;
		double temperature = number(x, "temperature", 1.0, 0, 2);
		int maxTokens = (int) integer(x, "max_tokens", 2048, 1, Integer.MAX_VALUE);
		String seedText = x.getOrDefault("seed", "").trim();
		Long seed = seedText.equalsIgnoreCase("none") || seedText.equalsIgnoreCase("off") ? null
			: Long.valueOf(integer(x, "seed", 0, Long.MIN_VALUE, Long.MAX_VALUE));
		double topP = number(x, "top_p", 1.0, 0, 1);
		double frequencyPenalty = number(x, "frequency_penalty", 0, -2, 2);
		double presencePenalty = number(x, "presence_penalty", 0, -2, 2);
		int topLogprobs = (int) integer(x, "top_logprobs", 10, 0, 20);
		String image = x.getOrDefault("image", "rgb_png").trim();
		if (!(image.equals("rgb_png") || image.equals("original")))
			throw new ModelException("Setting image=" + image + " is not one of rgb_png (the harness's RGB PNG) or " +
				"original (the stored PNG bytes)");
		String detail = x.getOrDefault("detail", "high").trim();
		if (!(detail.equals("high") || detail.equals("low") || detail.equals("auto")))
			throw new ModelException("Setting detail=" + detail + " is not one of high, low, auto");
		int concurrency = (int) integer(x, "concurrency", 8, 1, 1024);
		double timeout = number(x, "timeout_s", 120, 0.001, 86400);
		int retries = (int) integer(x, "retries", 5, 0, 100);
		long backoff = integer(x, "backoff_ms", 1000, 0, 3_600_000);
		Path cache;
		String c = x.get("cache_dir");
		if (c != null && (c.trim().equalsIgnoreCase("off") || c.trim().equalsIgnoreCase("none"))) cache = null;
		else if (c != null && !c.trim().isEmpty()) cache = Paths.get(c.trim());
		else cache = defaultCacheDir(env);
		return new OpenAiSettings(model, base, temperature, maxTokens, seed, detail, topP, frequencyPenalty,
			presencePenalty, topLogprobs, image.equals("rgb_png"), concurrency, timeout, retries, backoff, cache);
	}

	static Path defaultCacheDir(java.util.function.Function<String, String> env) {
		String xdg = env.apply("XDG_CACHE_HOME");
		Path root = xdg != null && !xdg.isEmpty() ? Paths.get(xdg) : Paths.get(System.getProperty("user.home"), ".cache");
		return root.resolve("mubench").resolve("openai");
	}

	private static double number(Map<String, String> x, String key, double dflt, double min, double max) {
		String v = x.get(key);
		if (v == null || v.trim().isEmpty()) return dflt;
		double d;
		try {
			d = Double.parseDouble(v.trim());
		}
		catch (NumberFormatException e) {
			throw new ModelException("Setting " + key + "=" + v + " is not a number");
		}
		if (!(d >= min && d <= max)) throw new ModelException("Setting " + key + "=" + v + " must be between " + min + " and " + max);
		return d;
	}

	private static long integer(Map<String, String> x, String key, long dflt, long min, long max) {
		String v = x.get(key);
		if (v == null || v.trim().isEmpty()) return dflt;
		long d;
		try {
			d = Long.parseLong(v.trim());
		}
		catch (NumberFormatException e) {
			throw new ModelException("Setting " + key + "=" + v + " is not a whole number");
		}
		if (d < min || d > max) throw new ModelException("Setting " + key + "=" + v + " must be between " + min + " and " + max);
		return d;
	}

	/** The URL with any {@code user:password@} part replaced, for messages and reports. */
	public static String redactUrl(String url) {
		if (url == null) return null;
		return url.replaceAll("(?i)(https?://)[^/@\\s]*@", "$1***@");
	}
}
