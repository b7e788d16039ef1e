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
import org.mubench.image.PngTestWriter;

/**
 * Writes a throughput-test dataset in the release's shard format: {@code rows} rows of RGB PNGs with random sizes
 * between {@code minSize} and {@code maxSize} pixels per side, textured like stained tissue (smooth blobs plus sensor
 * noise, so they compress like micrographs rather than flat colour), each with the {@link TestShards#typical} questions.
 * For {@code mubench bench} and {@code tools/run_benchmarks.sh}; not used by unit tests at full size, never committed.
 * <p>
 * With {@code mixed} as the sixth argument the set looks like μ-Bench's micrographs instead: side lengths
 * log-uniform between MIN and MAX (e.g. 224 and 2048), each image one of 8-bit RGB (40 %), 8-bit grey (25 %), 16-bit
 * grey (20 %, a 12-bit camera's range) and 16-bit RGB (15 %), rows written with the Paeth filter as libpng mostly
 * chooses for such images.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(deps) org.mubench.testdata.BenchDatasetGenerator DIR [ROWS] [MIN] [MAX] [SHARDS] [rgb8|mixed]
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
		boolean mixed = args.length > 5 && args[5].equals("mixed");
		List<Path> files = mixed ? writeMixed(dir, rows, min, max, shards, 7) : write(dir, rows, min, max, shards, 7);
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

	/** The μ-Bench-like set (see the class comment). */
	public static List<Path> writeMixed(Path dir, int rows, int min, int max, int shards, long seed) throws IOException {
		TestShards.Builder b = TestShards.builder().shards(shards).rowsPerBatch(50).prefix("ubench-bench");
		Random r = new Random(seed);
		double lo = Math.log(min), hi = Math.log(max);
		for (int i = 0; i < rows; i++) {
			int w = (int) Math.round(Math.exp(lo + r.nextDouble() * (hi - lo)));
			int h = (int) Math.round(Math.exp(lo + r.nextDouble() * (hi - lo)));
			double kind = r.nextDouble();
			boolean grey = kind >= 0.40 && kind < 0.85;
			int depth = kind < 0.40 || kind >= 0.65 && kind < 0.85 ? 8 : 16;
			b.add(TestShards.typical(i, "acevedo_et_al_2020", CLASSES.get(i % CLASSES.size()), CLASSES,
				micrograph(w, h, grey, depth, r)));
		}
		return b.writeTo(dir);
	}

	/**
	 * Blobs on a background with noise, as {@link #image} but fast enough for 2,048 px sides (each blob touches only
	 * its 3-sigma box, uniform noise); grey or RGB, 8 or 16 bits (16-bit grey spans 12 bits, 16-bit RGB the full range).
	 */
	static byte[] micrograph(int w, int h, boolean grey, int depth, Random r) {
		float[] v = new float[w * h];
		int blobs = 4 + r.nextInt(20);
		for (int k = 0; k < blobs; k++) {
			double cx = r.nextDouble() * w, cy = r.nextDouble() * h, s = 8 + r.nextDouble() * Math.min(w, h) / 8.0;
			int x0 = Math.max(0, (int) (cx - 3 * s)), x1 = Math.min(w, (int) (cx + 3 * s) + 1);
			int y0 = Math.max(0, (int) (cy - 3 * s)), y1 = Math.min(h, (int) (cy + 3 * s) + 1);
			for (int y = y0; y < y1; y++)
				for (int x = x0; x < x1; x++) {
					double dx = x - cx, dy = y - cy;
					float g = (float) Math.exp(-(dx * dx + dy * dy) / (2 * s * s));
					if (g > v[y * w + x]) v[y * w + x] = g;
				}
		}
		int spp = grey ? 1 : 3;
		int[] samples = new int[w * h * spp];
		double[] base = grey ? new double[] { 30 } : new double[] { 235, 200, 225 };
		double[] gain = grey ? new double[] { 200 } : new double[] { -120, -150, -40 };
		double full = depth == 16 ? (grey ? 4095 / 255.0 : 65535 / 255.0) : 1;
		int maxValue = depth == 16 ? (grey ? 4095 : 65535) : 255;
		for (int i = 0; i < w * h; i++)
			for (int c = 0; c < spp; c++) {
				double x = (base[c] + gain[c] * v[i] + r.nextInt(13) - 6) * full;
				samples[i * spp + c] = Math.max(0, Math.min(maxValue, (int) x));
			}
		PngTestWriter png = new PngTestWriter(w, h, grey ? 0 : 2, depth, samples);
		png.filters = new int[] { 4 };
		png.level = 6;
		return png.write();
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
