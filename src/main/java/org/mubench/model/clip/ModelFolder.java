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
package org.mubench.model.clip;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

import org.mubench.base.Json;
import org.mubench.base.Messages;
import org.mubench.model.ModelException;

/**
 * A CLIP model folder on disk: its files and what its JSON configs say (logit scale, context length, pad token).
 * Every problem becomes a {@link ModelException} naming the file and the fix.
 */
final class ModelFolder {
	static final String CONFIG = "config.json";
	static final String TOKENIZER = "tokenizer.json";
	static final String TOKENIZER_CONFIG = "tokenizer_config.json";
	/** CLIP's context length, used when no config gives one. */
	static final int DEFAULT_CONTEXT = 77;

	final Path dir;
	private final JsonNode config;
	private final JsonNode tokenizerConfig;

	ModelFolder(Path dir) {
		this.dir = dir;
		if (!Files.isDirectory(dir)) throw new ModelException("Model folder " + dir + " does not exist: give the folder that holds the model's files.");
		this.config = readOptional(CONFIG);
		this.tokenizerConfig = readOptional(TOKENIZER_CONFIG);
	}

	String name() {
		Path n = dir.toAbsolutePath().normalize().getFileName();
		return n == null ? dir.toString() : n.toString();
	}

	/** The file, which must exist and be readable. */
	Path require(String relative, String fix) {
		Path p = dir.resolve(relative);
		if (!Files.isRegularFile(p)) throw new ModelException(relative + " is missing from " + dir + ": " + fix + ".");
		if (!Files.isReadable(p)) throw new ModelException(relative + " in " + dir + " is not readable: check its permissions.");
		return p;
	}

	Path tokenizerFile() {
		return require(TOKENIZER, "copy tokenizer.json from the model's Hugging Face repository (docs/models.md)");
	}

	Path preprocessorFile() {
		return require(PreprocessConfigReader.FILE,
			"copy preprocessor_config.json from the model's Hugging Face repository (docs/models.md)");
	}

	/**
	 * exp of the model's logit scale: {@code logit_scale} (the trained parameter, log space) when the config has it,
	 * else {@code logit_scale_init_value}, else 1.
	 */
	float logitScale() {
		if (config == null) return 1f;
		JsonNode v = config.get("logit_scale");
		if (v == null || !v.isNumber()) v = config.get("logit_scale_init_value");
		if (v == null || !v.isNumber()) return 1f;
		double scale = Math.exp(v.asDouble());
		if (!(scale > 0) || Double.isInfinite(scale)) throw new ModelException(
			CONFIG + " in " + dir + ": logit scale " + v.asText() + " is not usable; fix or remove the value.");
		return (float) scale;
	}

	/** Tokens per text: config.json text_config.max_position_embeddings, else model_max_length, else 77. */
	int contextLength() {
		if (config != null) {
			JsonNode text = config.get("text_config");
			JsonNode v = text == null ? null : text.get("max_position_embeddings");
			if (v == null) v = config.get("context_length");
			if (v != null && v.isIntegralNumber() && v.asLong() > 1 && v.asLong() < 1_000_000) return v.asInt();
		}
		if (tokenizerConfig != null) {
			JsonNode v = tokenizerConfig.get("model_max_length");
			// Hugging Face writes a huge sentinel (1e30) when the length is unknown.
			if (v != null && v.isNumber() && v.asDouble() > 1 && v.asDouble() < 1_000_000) return v.asInt();
		}
		return DEFAULT_CONTEXT;
	}

	/** The pad token's text from tokenizer_config.json ({@code pad_token} as a string or {content}), or null. */
	String padToken() {
		if (tokenizerConfig == null) return null;
		JsonNode v = tokenizerConfig.get("pad_token");
		if (v == null || v.isNull()) return null;
		if (v.isTextual()) return v.asText();
		JsonNode content = v.get("content");
		return content != null && content.isTextual() ? content.asText() : null;
	}

	/**
	 * The id of {@code token} in tokenizer.json: an added token, or an entry of the model's vocabulary (a map for
	 * BPE/WordPiece, a list of [token, score] for Unigram); -1 when absent.
	 */
	static long tokenId(Path tokenizerJson, String token) {
		JsonNode root;
		try {
			root = Json.MAPPER.readTree(tokenizerJson.toFile());
		}
		catch (IOException e) {
			throw new ModelException(tokenizerJson + " cannot be read as JSON (" + Messages.firstLine(e)
				+ "): copy tokenizer.json again from the model's repository.");
		}
		JsonNode added = root.get("added_tokens");
		if (added != null && added.isArray()) {
			for (JsonNode t : added) {
				if (token.equals(t.path("content").asText(null)) && t.path("id").isIntegralNumber()) return t.get("id").asLong();
			}
		}
		JsonNode vocab = root.path("model").get("vocab");
		if (vocab != null && vocab.isObject()) {
			JsonNode id = vocab.get(token);
			if (id != null && id.isIntegralNumber()) return id.asLong();
		}
		else if (vocab != null && vocab.isArray()) {
			for (int i = 0; i < vocab.size(); i++) {
				if (token.equals(vocab.get(i).path(0).asText(null))) return i;
			}
		}
		JsonNode padding = root.get("padding");
		if (padding != null && token.equals(padding.path("pad_token").asText(null)) && padding.path("pad_id").isIntegralNumber())
			return padding.get("pad_id").asLong();
		return -1;
	}

	/** The pad id tokenizer.json's own padding section declares, or -1. */
	static long declaredPadId(Path tokenizerJson) {
		try {
			JsonNode padding = Json.MAPPER.readTree(tokenizerJson.toFile()).get("padding");
			if (padding != null && padding.path("pad_id").isIntegralNumber()) return padding.get("pad_id").asLong();
		}
		catch (IOException e) {
			// Reported when the tokenizer itself is opened.
		}
		return -1;
	}

	/** The family profile from mubench_profile.json; {@link ModelProfile#CLIP} when the folder has none. */
	ModelProfile profile() {
		JsonNode p = readOptional(ModelProfile.FILE);
		return p == null ? ModelProfile.CLIP : ModelProfile.parse(p, ModelProfile.FILE + " in " + dir);
	}

	/** preprocessor_config.json, prepared the way the family's profile says. */
	org.mubench.image.PreprocessConfig preprocessing() {
		org.mubench.image.PreprocessConfig pre = PreprocessConfigReader.read(preprocessorFile());
		pre.pipeline = profile().imagePipeline;
		return pre;
	}

	private JsonNode readOptional(String relative) {
		Path p = dir.resolve(relative);
		if (!Files.isRegularFile(p)) return null;
		try {
			JsonNode n = Json.MAPPER.readTree(p.toFile());
			if (n == null || !n.isObject()) throw new IOException("not a JSON object");
			return n;
		}
		catch (IOException e) {
			throw new ModelException(relative + " in " + dir + " cannot be read (" + Messages.firstLine(e)
				+ "): fix it or copy it again from the model's repository.");
		}
	}
}
