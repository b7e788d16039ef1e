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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;

import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mubench.data.Annotation;
import org.mubench.data.Dataset;
import org.mubench.data.Question;
import org.mubench.data.Sample;
import org.mubench.data.SampleStream;

/** The committed demo dataset is what the generator writes, and has the properties its README promises. */
class DemoDatasetTest {
	static final Path COMMITTED = DemoDatasetGenerator.DEFAULT_DIR;

	static List<Sample> read(Path dir) {
		List<Sample> out = new ArrayList<>();
		try (SampleStream s = Dataset.open(dir).samples()) {
			while (s.hasNext()) out.add(s.next());
		}
		return out;
	}

	static Schema schema(Path shard) throws IOException {
		try (RootAllocator a = new RootAllocator(); InputStream in = Files.newInputStream(shard);
			ArrowStreamReader r = new ArrowStreamReader(in, a))
		{
			return r.getVectorSchemaRoot().getSchema();
		}
	}

	@Test
	void regeneratedMatchesCommitted(@TempDir Path tmp) throws Exception {
		List<Path> fresh = DemoDatasetGenerator.write(tmp);
		assertEquals(2, fresh.size());
		for (Path f : fresh) {
			Path committed = COMMITTED.resolve(f.getFileName());
			assertTrue(Files.exists(committed), "missing " + committed + " — run DemoDatasetGenerator");
			assertEquals(schema(committed), schema(f));
		}
		List<Sample> a = read(COMMITTED), b = read(tmp);
		assertEquals(b.size(), a.size());
		for (int i = 0; i < a.size(); i++) {
			Sample x = a.get(i), y = b.get(i);
			String at = "row " + i;
			assertEquals(y.imageId, x.imageId, at);
			assertEquals(y.label, x.label, at);
			assertEquals(y.labelName, x.labelName, at);
			assertEquals(y.datasetRaw, x.datasetRaw, at);
			assertEquals(y.stain, x.stain, at);
			assertEquals(y.submodality, x.submodality, at);
			assertEquals(y.micronsPerPixel, x.micronsPerPixel, at);
			assertEquals(describe(y.questions), describe(x.questions), at);
			assertEquals(describe(y.captions), describe(x.captions), at);
			assertEquals(describeShapes(y.boxes), describeShapes(x.boxes), at);
			assertEquals(describeShapes(y.polygons), describeShapes(x.polygons), at);
			assertSamePixels(y.imageBytes, x.imageBytes, at);
		}
	}

	private static String describe(Map<String, Question> qs) {
		StringBuilder b = new StringBuilder();
		for (Question q : qs.values())
			b.append(q.key).append('|').append(q.id).append('|').append(q.text).append('|').append(q.answer).append('|')
				.append(q.answerIdx).append('|').append(q.options).append('\n');
		return b.toString();
	}

	private static String describeShapes(List<Annotation> list) {
		StringBuilder b = new StringBuilder();
		for (Annotation a : list) b.append(a.className).append(java.util.Arrays.toString(a.points));
		return b.toString();
	}

	/** Decoded pixels, not PNG bytes: another JDK's zlib may compress the same pixels differently. */
	private static void assertSamePixels(byte[] expected, byte[] actual, String at) throws IOException {
		BufferedImage e = ImageIO.read(new ByteArrayInputStream(expected)), a = ImageIO.read(new ByteArrayInputStream(
			actual));
		assertEquals(e.getWidth(), a.getWidth(), at);
		assertEquals(e.getHeight(), a.getHeight(), at);
		Raster re = e.getRaster(), ra = a.getRaster();
		assertEquals(re.getNumBands(), ra.getNumBands(), at);
		assertEquals(e.getColorModel().getComponentSize(0), a.getColorModel().getComponentSize(0), at);
		assertArrayEquals(re.getPixels(0, 0, e.getWidth(), e.getHeight(), (int[]) null),
			ra.getPixels(0, 0, a.getWidth(), a.getHeight(), (int[]) null), at);
	}

	@Test
	void promisedProperties() throws Exception {
		List<Sample> rows = read(COMMITTED);
		assertTrue(rows.size() >= 36 && rows.size() <= 48, "rows: " + rows.size());
		Set<String> datasets = new HashSet<>();
		int heldNull = 0, nullQuestions = 0, rgba = 0, grey16 = 0, withBoxes = 0;
		Set<String> ids = new HashSet<>();
		boolean duplicateId = false;
		Map<String, int[]> goldPositions = new HashMap<>();
		for (Sample s : rows) {
			datasets.add(s.dataset);
			if (s.datasetRaw == null) {
				heldNull++;
				assertEquals("held_et_al_2010_h2b", s.dataset);
				assertEquals("H2B-mCherry", s.stain);
			}
			if (s.questions.isEmpty()) nullQuestions++;
			else assertEquals(TestShards.QUESTION_KEYS, new ArrayList<>(s.questions.keySet()));
			assertEquals(TestShards.CAPTION_KEYS, new ArrayList<>(s.captions.keySet()));
			if (TestImages.colourType(s.imageBytes) == 6) rgba++;
			if (TestImages.bitDepth(s.imageBytes) == 16) grey16++;
			if (!s.boxes.isEmpty()) {
				withBoxes++;
				assertEquals("wu_et_al_2023", s.dataset);
				assertEquals(s.boxes.size(), s.polygons.size());
			}
			duplicateId |= !ids.add(s.imageId);
			for (Question q : s.questions.values()) {
				int real = q.options.size() - 1;
				assertEquals("none of the above", q.options.get(real));
				assertTrue(real <= 5 && q.answerIdx < real, q.toString());
				if (q.name.equals("modality")) assertEquals(4, q.options.size());
				assertEquals(q.answer, q.options.get(q.answerIdx));
				if (q.name.equals("classification")) assertEquals(s.labelName.replace('_', ' '), q.answer);
				goldPositions.computeIfAbsent(q.name, k -> new int[6])[q.answerIdx]++;
			}
			for (Question c : s.captions.values()) {
				assertEquals("none of the above", c.options.get(c.options.size() - 1));
				String gold = c.options.get(c.answerIdx);
				assertTrue(c.text.contains("{class}"));
				if (!s.questions.isEmpty()) {
					Question q = s.questions.get(c.name);
					assertEquals(q.id, c.id);
					assertEquals(q.answerIdx, c.answerIdx);
					assertEquals(c.text.replace("{class}", q.answer), gold);
				}
			}
		}
		assertEquals(6, datasets.size());
		assertTrue(heldNull >= 6);
		assertEquals(1, nullQuestions);
		assertTrue(rgba >= 2 && grey16 >= 2, rgba + " RGBA, " + grey16 + " 16-bit");
		assertEquals(6, withBoxes);
		assertTrue(duplicateId);
		// No option position is gold for more than 40% of any question type.
		for (Map.Entry<String, int[]> e : goldPositions.entrySet()) {
			int n = 0, max = 0;
			for (int c : e.getValue()) {
				n += c;
				max = Math.max(max, c);
			}
			assertTrue(max <= 0.4 * n, e.getKey() + ": " + java.util.Arrays.toString(e.getValue()));
		}
		long bytes = 0;
		try (DirectoryStream<Path> ds = Files.newDirectoryStream(COMMITTED)) {
			for (Path p : ds) bytes += Files.size(p);
		}
		assertTrue(bytes < 1_500_000, "demo folder is " + bytes + " bytes");
		assertNotNull(Dataset.open(COMMITTED).labelNames());
		assertNull(rows.get(DemoDatasetGenerator.NULL_QUESTIONS_ROW).questions.get("domain"));
	}
}
