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
import org.mubench.image.PreprocessConfig;
import org.mubench.model.ModelException;

/**
 * Reads a Hugging Face {@code preprocessor_config.json} into a {@link PreprocessConfig}. Fields that are absent keep
 * the OpenAI CLIP defaults of {@link PreprocessConfig}.
 * <p>
 * {@code size} may be an integer, {@code {"shortest_edge": n}} or {@code {"height": h, "width": w}} (the shorter of the
 * two is used as the shortest edge); {@code crop_size} an integer or {@code {"height", "width"}}.
 */
public final class PreprocessConfigReader {
	public static final String FILE = "preprocessor_config.json";

	private PreprocessConfigReader() {}

	public static PreprocessConfig read(Path file) {
		JsonNode root;
		try {
			root = Json.MAPPER.readTree(Files.readAllBytes(file));
		}
		catch (IOException e) {
			throw new ModelException(file + " cannot be read as JSON (" + Messages.firstLine(e)
				+ "): copy preprocessor_config.json again from the model's repository.");
		}
		if (root == null || !root.isObject()) throw new ModelException(file
			+ " is not a JSON object: copy preprocessor_config.json again from the model's repository.");
		return parse(root, file.toString());
	}

	/** @param where the file name, for messages */
	static PreprocessConfig parse(JsonNode root, String where) {
		PreprocessConfig c = new PreprocessConfig();
		c.doResize = bool(root, "do_resize", c.doResize, where);
		c.doCenterCrop = bool(root, "do_center_crop", c.doCenterCrop, where);
		c.doRescale = bool(root, "do_rescale", c.doRescale, where);
		c.doNormalize = bool(root, "do_normalize", c.doNormalize, where);

		JsonNode size = root.get("size");
		if (size != null && !size.isNull()) {
			if (size.isNumber()) c.shortestEdge = positive(size, "size", where);
			else if (size.has("shortest_edge")) c.shortestEdge = positive(size.get("shortest_edge"), "size.shortest_edge", where);
			else if (size.has("height") && size.has("width")) c.shortestEdge = Math.min(
				positive(size.get("height"), "size.height", where), positive(size.get("width"), "size.width", where));
			else throw bad(where, "size", "a number, {\"shortest_edge\": n} or {\"height\": h, \"width\": w}");
		}
		JsonNode crop = root.get("crop_size");
		if (crop != null && !crop.isNull()) {
			if (crop.isNumber()) {
				c.cropHeight = positive(crop, "crop_size", where);
				c.cropWidth = c.cropHeight;
			}
			else if (crop.has("height") && crop.has("width")) {
				c.cropHeight = positive(crop.get("height"), "crop_size.height", where);
				c.cropWidth = positive(crop.get("width"), "crop_size.width", where);
			}
			else throw bad(where, "crop_size", "a number or {\"height\": h, \"width\": w}");
		}
		else if (size != null && !size.isNull()) {
			// No crop size: crop to the resize target (older configs give one "size" for both).
			c.cropHeight = c.shortestEdge;
			c.cropWidth = c.shortestEdge;
		}
		JsonNode factor = root.get("rescale_factor");
		if (factor != null && !factor.isNull()) {
			if (!factor.isNumber() || factor.asDouble() <= 0) throw bad(where, "rescale_factor", "a positive number");
			c.rescaleFactor = factor.asDouble();
		}
		c.mean = triple(root, "image_mean", c.mean, where);
		c.std = triple(root, "image_std", c.std, where);
		for (float s : c.std)
			if (s <= 0) throw bad(where, "image_std", "three positive numbers");
		return c;
	}

	private static boolean bool(JsonNode root, String key, boolean fallback, String where) {
		JsonNode v = root.get(key);
		if (v == null || v.isNull()) return fallback;
		if (!v.isBoolean()) throw bad(where, key, "true or false");
		return v.asBoolean();
	}

	private static int positive(JsonNode v, String key, String where) {
		if (v == null || !v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() <= 0) throw bad(where, key, "a positive integer");
		return v.asInt();
	}

	private static float[] triple(JsonNode root, String key, float[] fallback, String where) {
		JsonNode v = root.get(key);
		if (v == null || v.isNull()) return fallback;
		if (v.isNumber()) {
			// A single number applies to all three channels (seen in some grey-scale processors).
			float f = (float) v.asDouble();
			return new float[] { f, f, f };
		}
		if (!v.isArray() || v.size() != 3) throw bad(where, key, "three numbers (one per RGB channel)");
		float[] out = new float[3];
		for (int i = 0; i < 3; i++) {
			if (!v.get(i).isNumber()) throw bad(where, key, "three numbers (one per RGB channel)");
			out[i] = (float) v.get(i).asDouble();
		}
		return out;
	}

	private static ModelException bad(String where, String key, String expected) {
		return new ModelException(where + ": '" + key + "' must be " + expected + "; fix the file or copy it again from the model's repository.");
	}

}
