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
package org.mubench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mubench.image.ImageTensors;
import org.mubench.image.PreprocessConfig;
import org.mubench.model.clip.PreprocessConfigReader;
import org.mubench.model.clip.TestClipFolder;

class ClassifyCommandTest {
	@TempDir
	Path tmp;

	private static final class Run {
		int code;
		String out, err;
	}

	private static Run run(String... args) {
		StringWriter out = new StringWriter(), err = new StringWriter();
		Run r = new Run();
		r.code = MuBenchCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
		r.out = out.toString();
		r.err = err.toString();
		return r;
	}

	private static BufferedImage rgbImage(int w, int h, long seed) {
		Random rnd = new Random(seed);
		BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				img.setRGB(x, y, rnd.nextInt(0x1000000));
		return img;
	}

	private static Path write(BufferedImage img, String format, Path file) throws IOException {
		assertTrue(ImageIO.write(img, format, file.toFile()), format);
		return file;
	}

	/** label → probability, in printed order. */
	private static List<String[]> lines(String out) {
		List<String[]> rows = new ArrayList<>();
		for (String line : out.split("\n")) {
			if (!line.trim().isEmpty()) rows.add(line.split("\t"));
		}
		return rows;
	}

	/**
	 * The printed probabilities equal a softmax computed here over similarities of embeddings computed here (plain Java
	 * from the test model's weights), for the tensor the image layer makes of the PNG.
	 */
	@Test
	void printsEveryLabelsProbabilityHighestFirst() throws IOException {
		TestClipFolder spec = new TestClipFolder();
		Path model = spec.write(tmp.resolve("model"));
		Path png = write(rgbImage(13, 10, 1), "png", tmp.resolve("cells.png"));
		List<String> labels = Arrays.asList("mitosis", "nucleus", "tissue", "blue cell");
		Run r = run("classify", "--model", model.toString(), "--image", png.toString(), "--labels",
			" mitosis, nucleus ,tissue,blue cell", "--template", "a photo of {}", "--device", "cpu");
		assertEquals(0, r.code, r.err);

		PreprocessConfig cfg = PreprocessConfigReader.read(model.resolve("preprocessor_config.json"));
		float[] image = spec.expectedImageEmbedding(ImageTensors.fromEncoded(Files.readAllBytes(png), "cells.png", cfg));
		double[] logits = new double[labels.size()];
		double max = Double.NEGATIVE_INFINITY;
		for (int i = 0; i < logits.length; i++) {
			float[] t = spec.expectedTextEmbedding("a photo of " + labels.get(i));
			for (int d = 0; d < t.length; d++)
				logits[i] += 100.0 * image[d] * t[d];
			max = Math.max(max, logits[i]);
		}
		double sum = 0;
		for (double l : logits)
			sum += Math.exp(l - max);

		List<String[]> rows = lines(r.out);
		assertEquals(labels.size(), rows.size(), r.out);
		double previous = 2;
		for (String[] row : rows) {
			double p = Double.parseDouble(row[0]);
			assertTrue(p <= previous, r.out);
			previous = p;
			int i = labels.indexOf(row[1]);
			assertTrue(i >= 0, row[1]);
			assertEquals(Math.exp(logits[i] - max) / sum, p, 1e-4, row[1]);
		}
	}

	/** The same 8-bit pixels as PNG (image layer decoder) and as TIFF or BMP (javax.imageio here) classify alike. */
	@Test
	void tiffAndBmpGiveThePngResult() throws IOException {
		Path model = new TestClipFolder().write(tmp.resolve("model"));
		BufferedImage img = rgbImage(9, 12, 2);
		String[] args = { "classify", "--model", model.toString(), "--labels", "mitosis,nucleus,cell", "--device", "cpu", "--image" };
		Run png = run(concat(args, write(img, "png", tmp.resolve("a.png")).toString()));
		Run tif = run(concat(args, write(img, "tiff", tmp.resolve("a.tif")).toString()));
		Run bmp = run(concat(args, write(img, "bmp", tmp.resolve("a.bmp")).toString()));
		assertEquals(0, png.code, png.err);
		assertEquals(png.out, tif.out);
		assertEquals(png.out, bmp.out);
	}

	/** 16-bit data reaches the image layer with its values, so the contrast option matters. */
	@Test
	void sixteenBitTiffUsesTheContrastMapping() throws IOException {
		Path model = new TestClipFolder().write(tmp.resolve("model"));
		BufferedImage img = new BufferedImage(10, 10, BufferedImage.TYPE_USHORT_GRAY);
		Random rnd = new Random(3);
		for (int y = 0; y < 10; y++)
			for (int x = 0; x < 10; x++)
				img.getRaster().setSample(x, y, 0, 1000 + rnd.nextInt(3000));
		Path tif = write(img, "tiff", tmp.resolve("deep.tif"));
		Run pil = run("classify", "--model", model.toString(), "--image", tif.toString(), "--labels", "mitosis,nucleus,cell",
			"--device", "cpu");
		Run stretched = run("classify", "--model", model.toString(), "--image", tif.toString(), "--labels",
			"mitosis,nucleus,cell", "--device", "cpu", "--contrast", "min-max");
		assertEquals(0, pil.code, pil.err);
		assertEquals(0, stretched.code, stretched.err);
		assertEquals(3, lines(pil.out).size());
		// PIL clipping makes every value 255 (a white image); min-max keeps the texture: different answers.
		assertTrue(!pil.out.equals(stretched.out), pil.out);
	}

	@Test
	void badInputsFailWithOneLine() throws IOException {
		Path model = new TestClipFolder().write(tmp.resolve("model"));
		Path png = write(rgbImage(8, 8, 4), "png", tmp.resolve("x.png"));
		Path text = tmp.resolve("notes.txt");
		Files.write(text, "not an image".getBytes("UTF-8"));
		String[][] cases = {
			{ "--image", tmp.resolve("absent.png").toString(), "--labels", "a,b", "does not exist" },
			{ "--image", png.toString(), "--labels", "onlyone", "at least two" },
			{ "--image", png.toString(), "--labels", "a,b", "--template", "no slot", "has no {}" },
			{ "--image", text.toString(), "--labels", "a,b", "cannot read" },
			{ "--image", png.toString(), "--labels", "a,b", "--device", "tpu", "Unknown device 'tpu'" },
			{ "--image", png.toString(), "--labels", "a,b", "--contrast", "gamma", "Unknown --contrast" } };
		for (String[] c : cases) {
			String[] args = new String[c.length + 1];
			args[0] = "classify";
			args[1] = "--model=" + model;
			System.arraycopy(c, 0, args, 2, c.length - 1);
			Run r = run(args);
			assertEquals(1, r.code, Arrays.toString(c) + r.err);
			assertTrue(r.err.startsWith("error: ") && r.err.contains(c[c.length - 1]), r.err);
			assertEquals(1, r.err.trim().split("\n").length, r.err);
		}
		Run notClip = run("classify", "--model", "random", "--image", png.toString(), "--labels", "a,b");
		assertEquals(1, notClip.code, notClip.err);
		assertTrue(notClip.err.contains("not a CLIP-style model"), notClip.err);
		assertEquals(2, run("classify", "--image", png.toString(), "--labels", "a,b").code);
	}

	private static String[] concat(String[] a, String last) {
		String[] out = Arrays.copyOf(a, a.length + 1);
		out[a.length] = last;
		return out;
	}
}
