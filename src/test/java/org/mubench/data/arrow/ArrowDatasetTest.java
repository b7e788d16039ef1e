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
package org.mubench.data.arrow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mubench.data.Annotation;
import org.mubench.data.Dataset;
import org.mubench.data.DatasetException;
import org.mubench.data.Question;
import org.mubench.data.Sample;
import org.mubench.data.SampleStream;
import org.mubench.testdata.TestImages;
import org.mubench.testdata.TestShards;

class ArrowDatasetTest {
	static final List<String> CLASSES = Arrays.asList("lymphocyte", "neutrophil", "basophil", "monocyte");

	static Sample.Builder typical(long i) {
		return TestShards.typical(i, "acevedo_et_al_2020", CLASSES.get((int) (i % CLASSES.size())), CLASSES,
			TestImages.grey8Png(6, 5));
	}

	static List<Sample> readAll(Dataset d) {
		List<Sample> out = new ArrayList<>();
		try (SampleStream s = d.samples()) {
			while (s.hasNext()) out.add(s.next());
		}
		return out;
	}

	@Test
	void roundTripsEveryColumn(@TempDir Path dir) throws Exception {
		Sample.Builder b = typical(0);
		b.polygons = Collections.singletonList(new Annotation("nucleus", new double[] { 1, 2, 3, 4.5, 5, 6 }));
		b.boxes = Collections.singletonList(new Annotation("nucleus", new double[] { 1, 2, 5, 6 }));
		b.pmid = "12345";
		TestShards.builder().add(b).writeTo(dir);
		Sample s = readAll(Dataset.open(dir)).get(0);
		Sample e = b.build();
		assertEquals(0, s.row);
		assertEquals("img-0", s.imageId);
		assertArrayEquals(e.imageBytes, s.imageBytes);
		assertNull(s.imagePath);
		assertEquals(Integer.valueOf(0), s.label);
		assertEquals("lymphocyte", s.labelName);
		assertEquals("acevedo_et_al_2020", s.dataset);
		assertEquals("acevedo_et_al_2020", s.datasetRaw);
		assertEquals("pathology", s.domain);
		assertEquals("hematopathology", s.subdomain);
		assertEquals("light microscopy", s.modality);
		assertEquals("brightfield microscopy", s.submodality);
		assertEquals("H&E", s.stain);
		assertEquals(0.25, s.micronsPerPixel, 0);
		assertEquals("NCBITaxon_9606", s.ncbitaxonId);
		assertEquals("Homo sapiens", s.ncbitaxonName);
		assertEquals("12345", s.pmid);
		assertEquals("test", s.split);
		assertEquals("CC0-1.0", s.license);
		assertEquals(Boolean.FALSE, s.synthetic);
		// the release's struct order, not insertion order
		assertEquals(TestShards.QUESTION_KEYS, new ArrayList<>(s.questions.keySet()));
		assertEquals(TestShards.CAPTION_KEYS.subList(0, 10), new ArrayList<>(s.captions.keySet()));
		Question q = s.questions.get("modality");
		assertEquals(1, q.answerIdx);
		assertEquals("light microscopy", q.answer);
		assertEquals(e.questions.get("modality").options, q.options);
		assertEquals("What is the most likely microscopy modality used to acquire this image?", q.text);
		assertFalse(q.isCaption());
		Question c = s.captions.get("modality_1");
		assertEquals(1, c.answerIdx); // stored as the string "1"
		assertNull(c.answer);
		assertEquals("modality", c.name);
		assertEquals(q.id, c.id);
		assertEquals("A microscopy image obtained through light microscopy.", c.options.get(1));
		assertEquals("none of the above", c.options.get(3));
		assertEquals(1, c.template());
		assertEquals(1, s.polygons.size());
		assertEquals("nucleus", s.polygons.get(0).className);
		assertArrayEquals(new double[] { 1, 2, 3, 4.5, 5, 6 }, s.polygons.get(0).points, 0);
		assertArrayEquals(new double[] { 1, 2, 5, 6 }, s.boxes.get(0).points, 0);
	}

	@Test
	void nestedNulls(@TempDir Path dir) throws Exception {
		Sample.Builder noStain = typical(1);
		noStain.questions.remove("stain");
		noStain.captions.remove("stain_0");
		noStain.micronsPerPixel = null;
		noStain.label = null;
		TestShards.builder().add(typical(0)).add(noStain).add(typical(2)).add(typical(3)).nullQuestions(2)
			.nullCaptions(3).writeTo(dir);
		List<Sample> all = readAll(Dataset.open(dir));
		assertEquals(4, all.size());
		assertEquals(6, all.get(0).questions.size());
		assertEquals(10, all.get(0).captions.size());
		assertEquals(5, all.get(1).questions.size());
		assertFalse(all.get(1).questions.containsKey("stain"));
		assertEquals(9, all.get(1).captions.size());
		assertTrue(all.get(1).captions.containsKey("stain_1"));
		assertNull(all.get(1).micronsPerPixel);
		assertNull(all.get(1).label);
		assertTrue(all.get(2).questions.isEmpty());
		assertEquals(10, all.get(2).captions.size());
		assertEquals(6, all.get(3).questions.size());
		assertTrue(all.get(3).captions.isEmpty());
		assertTrue(all.get(0).boxes.isEmpty()); // null bbox list
	}

	@Test
	void truncatedShardKeepsEarlierRows(@TempDir Path dir) throws Exception {
		TestShards.Builder b = TestShards.builder().shards(2).rowsPerBatch(2);
		for (int i = 0; i < 8; i++) b.add(typical(i));
		List<Path> files = b.truncate(1, -40).writeTo(dir); // cuts into the last batch (rows 6, 7) of shard 1
		List<Long> rows = new ArrayList<>();
		DatasetException err;
		try (SampleStream s = Dataset.open(dir).samples()) {
			err = assertThrows(DatasetException.class, () -> {
				while (s.hasNext()) rows.add(s.next().row);
			});
			assertFalse(s.hasNext());
		}
		assertEquals(Arrays.asList(0L, 1L, 2L, 3L, 4L, 5L), rows);
		String m = err.getMessage();
		assertTrue(m.startsWith(files.get(1).toString() + ": stream ends inside a record batch after row 5"), m);
		assertTrue(m.contains("truncated") && m.contains("mubench download"), m);
		assertFalse(m.contains("\n"));
	}

	@Test
	void truncatedInsideFirstBatch(@TempDir Path dir) throws Exception {
		TestShards.Builder b = TestShards.builder();
		for (int i = 0; i < 3; i++) b.add(typical(i));
		List<Path> files = b.writeTo(dir);
		TestShardsAccess.cut(files.get(0), Files.size(files.get(0)) / 2);
		DatasetException e = assertThrows(DatasetException.class, () -> readAll(Dataset.open(dir)));
		assertTrue(e.getMessage().contains("stream ends inside a record batch before its first row"), e.getMessage());
	}

	@Test
	void corruptPngIsDeliveredAndReadingContinues(@TempDir Path dir) throws Exception {
		Sample.Builder bad = typical(1);
		bad.imageBytes = TestImages.corruptPng();
		TestShards.builder().add(typical(0)).add(bad).add(typical(2)).writeTo(dir);
		List<Sample> all = readAll(Dataset.open(dir));
		assertEquals(3, all.size());
		assertArrayEquals(TestImages.corruptPng(), all.get(1).imageBytes);
		assertEquals(2, all.get(2).row);
	}

	@Test
	void duplicateImageIdsKeepDistinctRows(@TempDir Path dir) throws Exception {
		TestShards.Builder b = TestShards.builder().shards(2);
		for (int i = 0; i < 4; i++) {
			Sample.Builder s = typical(i);
			s.imageId = "same";
			b.add(s);
		}
		b.writeTo(dir);
		List<Sample> all = readAll(Dataset.open(dir));
		assertEquals(4, all.size());
		for (int i = 0; i < 4; i++) {
			assertEquals("same", all.get(i).imageId);
			assertEquals(i, all.get(i).row);
		}
	}

	@Test
	void sixteenBitAndRgbaPngBytesRoundTrip(@TempDir Path dir) throws Exception {
		byte[] g16 = TestImages.grey16Png(7, 5), rgba = TestImages.rgbaPng(5, 7);
		Sample.Builder a = typical(0), b = typical(1);
		a.imageBytes = g16;
		b.imageBytes = rgba;
		TestShards.builder().add(a).add(b).writeTo(dir);
		List<Sample> all = readAll(Dataset.open(dir));
		assertArrayEquals(g16, all.get(0).imageBytes);
		assertEquals(16, TestImages.bitDepth(all.get(0).imageBytes));
		assertArrayEquals(rgba, all.get(1).imageBytes);
		assertEquals(6, TestImages.colourType(all.get(1).imageBytes));
	}

	@Test
	void heldRowsWithNullDatasetAreDerivedFromStain(@TempDir Path dir) throws Exception {
		Sample.Builder h2b = typical(0), galt = typical(1), unknown = typical(2);
		h2b.dataset = null;
		h2b.stain = "H2B-mCherry";
		galt.dataset = null;
		galt.stain = "GalT-YFP";
		unknown.dataset = null;
		unknown.stain = "None";
		TestShards.builder().add(h2b).add(galt).add(unknown).writeTo(dir);
		List<Sample> all = readAll(Dataset.open(dir));
		assertEquals("held_et_al_2010_h2b", all.get(0).dataset);
		assertNull(all.get(0).datasetRaw);
		assertEquals("held_et_al_2010_galt", all.get(1).dataset);
		assertNull(all.get(2).dataset);
	}

	@Test
	void columnOrderDoesNotMatter(@TempDir Path dir) throws Exception {
		Path a = dir.resolve("a"), b = dir.resolve("b");
		TestShards.Builder x = TestShards.builder(), y = TestShards.builder().shuffleColumns(42);
		for (int i = 0; i < 3; i++) {
			x.add(typical(i));
			y.add(typical(i));
		}
		x.writeTo(a);
		List<Path> shuffled = y.writeTo(b);
		assertFalse(ArrowDataset.readSchema(shuffled.get(0)).getFields().get(0).getName().equals("image_id"));
		List<Sample> sa = readAll(Dataset.open(a)), sb = readAll(Dataset.open(b));
		for (int i = 0; i < 3; i++) {
			assertEquals(sa.get(i).imageId, sb.get(i).imageId);
			assertEquals(sa.get(i).labelName, sb.get(i).labelName);
			assertEquals(sa.get(i).stain, sb.get(i).stain);
			assertEquals(sa.get(i).questions.keySet(), sb.get(i).questions.keySet());
			assertArrayEquals(sa.get(i).imageBytes, sb.get(i).imageBytes);
		}
	}

	@Test
	void missingColumnNamesFileAndColumn(@TempDir Path dir) throws Exception {
		List<Path> files = TestShards.builder().add(typical(0)).omitColumn("questions").writeTo(dir);
		DatasetException e = assertThrows(DatasetException.class, () -> readAll(Dataset.open(dir)));
		assertTrue(e.getMessage().startsWith(files.get(0) + ": column 'questions' is missing"), e.getMessage());
	}

	@Test
	void optionalColumnMissingIsNull(@TempDir Path dir) throws Exception {
		TestShards.builder().add(typical(0)).omitColumn("pmid").omitColumn("bbox").writeTo(dir);
		Sample s = readAll(Dataset.open(dir)).get(0);
		assertNull(s.pmid);
		assertTrue(s.boxes.isEmpty());
	}

	@Test
	void notAnArrowStream(@TempDir Path dir) throws Exception {
		Path f = dir.resolve("ubench-test-00000-of-00001.arrow");
		Files.write(f, "this is a text file, not arrow".getBytes("UTF-8"));
		DatasetException e = assertThrows(DatasetException.class, () -> readAll(Dataset.open(dir)));
		assertTrue(e.getMessage().startsWith(f + ": not an Arrow IPC stream"), e.getMessage());
		Files.write(f, "PAR1xxxxxxxxxxxxxxxx".getBytes("UTF-8"));
		e = assertThrows(DatasetException.class, () -> readAll(Dataset.open(dir)));
		assertTrue(e.getMessage().contains("Parquet"), e.getMessage());
	}

	@Test
	void classLabelNamesFromMetadata(@TempDir Path dir) throws Exception {
		List<String> names = Arrays.asList("a", "b", "c", "d", "e");
		TestShards.builder().add(typical(0)).labelNames(names).withoutDatasetInfo().writeTo(dir);
		assertEquals(names, Dataset.open(dir).labelNames());
	}

	@Test
	void classLabelNamesFallBackToDatasetInfo(@TempDir Path dir) throws Exception {
		List<String> names = Arrays.asList("x", "y");
		TestShards.builder().add(typical(0)).labelNames(names).withoutMetadata().writeTo(dir);
		ArrowDataset d = ArrowDataset.open(dir);
		assertEquals(names, d.labelNames());
		assertEquals(1, d.declaredRows().getAsLong());
	}

	@Test
	void multiShardGlobalRowOrder(@TempDir Path dir) throws Exception {
		TestShards.Builder b = TestShards.builder().shards(3).rowsPerBatch(2);
		for (int i = 0; i < 11; i++) {
			Sample.Builder s = typical(i);
			s.imageId = "id-" + i;
			b.add(s);
		}
		b.writeTo(dir);
		ArrowDataset d = ArrowDataset.open(dir);
		assertEquals(3, d.shards().size());
		List<Sample> all = readAll(d);
		assertEquals(11, all.size());
		for (int i = 0; i < 11; i++) {
			assertEquals(i, all.get(i).row);
			assertEquals("id-" + i, all.get(i).imageId);
		}
	}

	@Test
	void releaseSubfolderAndSingleFile(@TempDir Path dir) throws Exception {
		List<Path> files = TestShards.builder().add(typical(0)).add(typical(1)).shards(2)
			.writeTo(dir.resolve("perception/0.1.0"));
		Dataset d = Dataset.open(dir);
		assertEquals(dir.resolve("perception/0.1.0"), d.location());
		assertEquals(2, readAll(d).size());
		assertEquals(1, readAll(Dataset.open(files.get(1))).size());
		assertEquals(2, d.size()); // from dataset_info.json
		assertEquals(-1, Dataset.open(files.get(1)).size()); // one shard of two: the declared count does not apply
	}

	@Test
	void noDatasetHere(@TempDir Path dir) {
		DatasetException e = assertThrows(DatasetException.class, () -> Dataset.open(dir));
		assertTrue(e.getMessage().startsWith(dir.toString()), e.getMessage());
		e = assertThrows(DatasetException.class, () -> Dataset.open(dir.resolve("nope")));
		assertTrue(e.getMessage().contains("no such file or folder"));
	}

	@Test
	void questionWithBadAnswerIndexIsSkippedAndReported(@TempDir Path dir) throws Exception {
		Sample.Builder s = typical(0);
		Question q = s.questions.get("domain");
		s.questions.put("domain", new Question("domain", q.id, q.name, q.text, q.answer, 9, q.options, null));
		TestShards.builder().add(s).writeTo(dir);
		List<String> notes = new ArrayList<>();
		ArrowDataset d = ArrowDataset.open(dir);
		try (SampleStream st = d.samples(new org.mubench.base.ProgressListener() {
			@Override
			public void progress(long done, long total, String message) {}

			@Override
			public void log(String message) {
				notes.add(message);
			}
		})) {
			Sample r = st.next();
			assertFalse(r.questions.containsKey("domain"));
			assertEquals(5, r.questions.size());
		}
		assertEquals(1, notes.size());
		assertTrue(notes.get(0).contains("row 0") && notes.get(0).contains("domain"), notes.get(0));
	}

	/** One record batch at a time: Arrow memory held while reading stays at about one batch, whatever the row. */
	@Test
	void holdsOneBatchAtATime(@TempDir Path dir) throws Exception {
		TestShards.Builder b = TestShards.builder().shards(2).rowsPerBatch(1);
		int rows = 40;
		for (int i = 0; i < rows; i++) {
			Sample.Builder s = typical(i);
			s.imageBytes = new byte[20_000];
			Arrays.fill(s.imageBytes, (byte) i);
			b.add(s);
		}
		b.writeTo(dir);
		long max = 0;
		try (ShardStream s = (ShardStream) ArrowDataset.open(dir).samples()) {
			int n = 0;
			while (s.hasNext()) {
				assertEquals((byte) n, s.next().imageBytes[0]);
				max = Math.max(max, s.allocatedBytes());
				n++;
			}
			assertEquals(rows, n);
		}
		assertTrue(max > 20_000, "a batch holds an image: " + max);
		assertTrue(max < 4 * 20_000 + 200_000, "more than one batch held: " + max + " bytes for " + rows * 20_000);
	}

	@Test
	void arrowSupportPasses() {
		ArrowSupport.check(); // surefire passes the flag
		assertNotNull(ArrowSupport.JVM_FLAG);
	}
}
