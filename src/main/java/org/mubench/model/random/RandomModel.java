package org.mubench.model.random;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import org.mubench.model.VisionLanguageModel;

/**
 * The paper's Random baseline: shuffle a question's options with a fixed seed and take the first. The shuffle is
 * seeded from (seed, row, question key) alone, so a sharded, resumed or reordered run picks exactly what an
 * uninterrupted one does. It never looks at the image.
 */
public final class RandomModel implements VisionLanguageModel {
	private final long seed;

	public RandomModel(long seed) {
		this.seed = seed;
	}

	@Override
	public java.util.Map<String, Object> answerSettings() {
		return java.util.Collections.singletonMap("seed", seed);
	}

	public long seed() {
		return seed;
	}

	@Override
	public String name() {
		return "random";
	}

	/** The index of the option that comes first after a seeded Fisher–Yates shuffle of {@code 0 … options-1}. */
	public int pick(long row, String questionKey, int options) {
		if (options <= 0) return -1;
		int[] order = shuffled(row, questionKey, options);
		return order[0];
	}

	/** The whole seeded permutation (exposed so tests can check it is one). */
	int[] shuffled(long row, String questionKey, int options) {
		SplittableRandom random = new SplittableRandom(mix(seed, row, questionKey));
		int[] order = new int[options];
		for (int i = 0; i < options; i++) order[i] = i;
		for (int i = options - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			int t = order[i];
			order[i] = order[j];
			order[j] = t;
		}
		return order;
	}

	/** A 64-bit hash of the three parts (FNV-1a over the key, finished with the SplitMix64 mixer). */
	static long mix(long seed, long row, String key) {
		long h = 0xcbf29ce484222325L;
		for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
			h ^= b & 0xff;
			h *= 0x100000001b3L;
		}
		h = fmix(h ^ fmix(row + 0x9E3779B97F4A7C15L));
		return fmix(h ^ fmix(seed ^ 0xD1B54A32D192ED03L));
	}

	private static long fmix(long z) {
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

	@Override
	public void close() {}
}
