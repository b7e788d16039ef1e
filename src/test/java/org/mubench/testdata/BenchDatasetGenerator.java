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
package org.mubench.testdata;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.mubench.image.PngEncoder;

/**
 * Writes a throughput-test dataset in the release's shard format: {@code rows} rows of RGB PNGs with random sizes
 * between {@code minSize} and {@code maxSize} pixels per side, textured like stained tissue (smooth blobs plus sensor
 * noise, so they compress like micrographs rather than flat colour), each with the {@link TestShards#typical} questions.
 * For {@code mubench bench} and {@code tools/run_benchmarks.sh}; not used by unit tests at full size, never committed.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(deps) org.mubench.testdata.BenchDatasetGenerator DIR [ROWS] [MIN] [MAX] [SHARDS]
 * </pre>
 */
public final class BenchDatasetGenerator {
	private BenchDatasetGenerator() {}

	static final List<String> CLASSES = Arrays.asList("lymphocyte", "neutrophil", "basophil", "eosinophil", "monocyte",
		"erythroblast", "platelet", "immature granulocyte");

	public static void main(String[] args) throws IOException {
		Path dir = Paths.get(args.length > 0 ? args[0] : "/tmp/bench-data");
		int rows = args.length > 1 ? Integer.parseInt(args[1]) : 600;
		int min = args.length > 2 ? Integer.parseInt(args[2]) : 224;
		int max = args.length > 3 ? Integer.parseInt(args[3]) : 512;
		int shards = args.length > 4 ? Integer.parseInt(args[4]) : Math.max(1, rows / 300);
		List<Path> files = write(dir, rows, min, max, shards, 7);
		System.out.println("wrote " + rows + " rows in " + files.size() + " shards to " + dir);
	}

	public static List<Path> write(Path dir, int rows, int min, int max, int shards, long seed) throws IOException {
		TestShards.Builder b = TestShards.builder().shards(shards).rowsPerBatch(100).prefix("ubench-bench");
		Random r = new Random(seed);
		for (int i = 0; i < rows; i++) {
			int w = min + r.nextInt(max - min + 1);
			int h = min + r.nextInt(max - min + 1);
			b.add(TestShards.typical(i, "acevedo_et_al_2020", CLASSES.get(i % CLASSES.size()), CLASSES, image(w, h, r)));
		}
		return b.writeTo(dir);
	}

	/** Pinkish background, purple blobs (nuclei-like), ±6 levels of noise. */
	static byte[] image(int w, int h, Random r) {
		int blobs = 4 + r.nextInt(10);
		double[][] c = new double[blobs][3];
		for (double[] blob : c) {
			blob[0] = r.nextDouble() * w;
			blob[1] = r.nextDouble() * h;
			blob[2] = 8 + r.nextDouble() * Math.min(w, h) / 6.0;
		}
		byte[] rgb = new byte[w * h * 3];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				double v = 0;
				for (double[] blob : c) {
					double dx = x - blob[0], dy = y - blob[1];
					v = Math.max(v, Math.exp(-(dx * dx + dy * dy) / (2 * blob[2] * blob[2])));
				}
				int i = (y * w + x) * 3;
				rgb[i] = clamp(235 - 120 * v + r.nextGaussian() * 6);
				rgb[i + 1] = clamp(200 - 150 * v + r.nextGaussian() * 6);
				rgb[i + 2] = clamp(225 - 40 * v + r.nextGaussian() * 6);
			}
		}
		return PngEncoder.rgb8(w, h, rgb);
	}

	private static byte clamp(double v) {
		return (byte) Math.max(0, Math.min(255, (int) Math.round(v)));
	}
}
