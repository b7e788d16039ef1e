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
package org.mubench.image;

/**
 * Manual measurement (not a test): CPU time per image of {@link ImageTensors#fromEncoded} and of its stages on synthetic PNGs
 * of a few sizes, single thread. Run: {@code java -cp target/classes:target/test-classes:<deps>
 * org.mubench.image.PreprocessThroughput [DATASET_DIR [ROWS]]}. With a dataset: its first ROWS images (default 100),
 * each turned into a tensor by the full decode path ({@link ImageTensors#fromEncodedFullDecode}: whole image decoded,
 * converted, resized, then cropped) and by the streaming path ({@link ImageTensors#fromEncoded}), alternating image by
 * image so both see the same machine; prints CPU ms per image of each and their ratio.
 */
public final class PreprocessThroughput {
	/** Thread CPU time: the machine is shared, wall time would measure the neighbours. */
	static long cpu() {
		return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
	}

	public static void main(String[] args) throws Exception {
		if (args.length > 0) {
			dataset(java.nio.file.Paths.get(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 100);
			return;
		}
		final PreprocessConfig cfg = new PreprocessConfig();
		for (int[] s : new int[][] { { 300, 300 }, { 1024, 1024 }, { 2048, 1536 } }) {
			final int w = s[0], h = s[1];
			final int[] samples = new int[w * h * 3];
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++)
					for (int c = 0; c < 3; c++)
						samples[(y * w + x) * 3 + c] = (int) (128 + 100 * Math.sin(x * 0.05 + c) * Math.cos(y * 0.03));
			final PngTestWriter pw = new PngTestWriter(w, h, 2, 8, samples);
			final byte[] png = pw.write();
			final byte[] rgb = PngDecoder.decode(png, "x").toRgb8(ContrastMapping.PIL);
			final ResizeGeometry g = ResizeGeometry.of(w, h, cfg);
			final int reps = Math.max(5, 30_000_000 / (w * h));
			for (int warm = 0; warm < 2; warm++) {
				long t0 = cpu();
				for (int i = 0; i < reps; i++)
					PngDecoder.decode(png, "x");
				final double decode = (cpu() - t0) / 1e9 / reps;
				t0 = cpu();
				for (int i = 0; i < reps; i++)
					PilResize.resize(rgb, w, h, 3, g.resizedWidth(), g.resizedHeight());
				final double resize = (cpu() - t0) / 1e9 / reps;
				t0 = cpu();
				for (int i = 0; i < reps; i++)
					ImageTensors.fromEncoded(png, "x", cfg);
				final double all = (cpu() - t0) / 1e9 / reps;
				if (warm == 1)
					System.out.printf("%dx%d (png %d KiB): decode %.2f ms, resize %.2f ms, fromEncoded %.2f ms = %.0f img/s%n",
						w, h, png.length / 1024, decode * 1e3, resize * 1e3, all * 1e3, 1 / all);
			}
		}
	}

	static void dataset(java.nio.file.Path dir, int rows) throws Exception {
		final PreprocessConfig cfg = new PreprocessConfig();
		final java.util.List<byte[]> images = new java.util.ArrayList<>();
		long pixels = 0;
		try (org.mubench.data.SampleStream s = org.mubench.data.Dataset.open(dir).samples()) {
			while (s.hasNext() && images.size() < rows) {
				final byte[] b = s.next().imageBytes;
				if (b == null)
					continue;
				images.add(b);
				final PngDecoder.Parsed p = PngDecoder.parse(b, "x");
				pixels += (long) p.width * p.height;
			}
		}
		for (int round = 0; round < 2; round++) { // the first round warms the JIT up
			long full = 0, streamed = 0;
			for (int i = 0; i < images.size(); i++) {
				long t0 = cpu();
				final float[] a = ImageTensors.fromEncodedFullDecode(images.get(i), "x", cfg);
				long t1 = cpu();
				final float[] b = ImageTensors.fromEncoded(images.get(i), "x", cfg);
				long t2 = cpu();
				full += t1 - t0;
				streamed += t2 - t1;
				if (!java.util.Arrays.equals(a, b))
					throw new IllegalStateException("image " + i + ": the two paths differ");
			}
			if (round == 1)
				System.out.printf("%s: %d images, %.2f Mpx on average: full decode path %.2f CPU ms/image, streaming path "
					+ "%.2f CPU ms/image, %.2fx faster (tensors identical)%n", dir, images.size(),
					pixels / 1e6 / images.size(), full / 1e6 / images.size(), streamed / 1e6 / images.size(),
					(double) full / streamed);
		}
	}
}
