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
package org.mubench.eval.detect;

import java.util.Locale;

/**
 * What frame the model's coordinates refer to, as a rule applied to each image's size:
 * {@code full} — the whole image as sent (API models, and Qwen-VL / PaliGemma, which stretch the whole image to
 * their input so their 0–1000 / 1024 grids span it); {@code stretch:S} — the image stretched to S×S;
 * {@code crop:S} — shorter side resized to S, then a centre S×S crop (CLIP-style inputs).
 */
public final class ModelFrame {
	private final String kind;
	private final int size;

	private ModelFrame(String kind, int size) {
		this.kind = kind;
		this.size = size;
	}

	public static final ModelFrame FULL = new ModelFrame("full", 0);

	public static ModelFrame stretch(int size) {
		return new ModelFrame("stretch", size);
	}

	public static ModelFrame centreCrop(int size) {
		return new ModelFrame("crop", size);
	}

	/** Parses {@code full}, {@code stretch:S} or {@code crop:S}. */
	public static ModelFrame parse(String s) {
		String t = s == null ? "full" : s.trim().toLowerCase(Locale.ROOT);
		if (t.equals("full")) return FULL;
		int colon = t.indexOf(':');
		if (colon > 0) {
			String k = t.substring(0, colon);
			int n;
			try {
				n = Integer.parseInt(t.substring(colon + 1).trim());
			}
			catch (NumberFormatException e) {
				n = -1;
			}
			if (n > 0 && k.equals("stretch")) return stretch(n);
			if (n > 0 && k.equals("crop")) return centreCrop(n);
		}
		throw new IllegalArgumentException("model frame '" + s + "': use full, stretch:SIZE or crop:SIZE");
	}

	public FrameMapping mapping(int width, int height) {
		if (kind.equals("stretch")) return FrameMapping.stretch(width, height, size, size);
		if (kind.equals("crop")) return FrameMapping.shorterSideThenCentreCrop(width, height, size, size, size);
		return FrameMapping.identity(width, height);
	}

	@Override
	public String toString() {
		return size == 0 ? kind : kind + ":" + size;
	}
}
