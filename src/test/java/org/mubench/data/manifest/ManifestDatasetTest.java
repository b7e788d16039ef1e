package org.mubench.data.manifest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mubench.data.Dataset;
import org.mubench.data.DatasetException;
import org.mubench.data.ProgressListener;
import org.mubench.data.Question;
import org.mubench.data.Sample;
import org.mubench.data.SampleStream;
import org.mubench.testdata.TestImages;

class ManifestDatasetTest {
	/** The fenced block of {@code lang} in docs/manifest.md, so the documented examples are the tested ones. */
	static String docExample(String lang) throws Exception {
		String doc = new String(Files.readAllBytes(Paths.get("docs", "manifest.md")), StandardCharsets.UTF_8);
		Matcher m = Pattern.compile("```" + lang + "\n(.*?)```", Pattern.DOTALL).matcher(doc);
		assertTrue(m.find(), "no ```" + lang + " block in docs/manifest.md");
		return m.group(1);
	}

	static void images(Path dir, String... names) throws Exception {
		for (String n : names) {
			Path p = dir.resolve(n);
			Files.createDirectories(p.getParent());
			Files.write(p, TestImages.rgbPng(5, 4));
		}
	}

	static Path write(Path dir, String name, String text) throws Exception {
		Path f = dir.resolve(name);
		Files.write(f, text.getBytes(StandardCharsets.UTF_8));
		return f;
	}

	static List<Sample> read(Dataset d) {
		List<Sample> out = new ArrayList<>();
		try (SampleStream s = d.samples()) {
			while (s.hasNext()) out.add(s.next());
		}
		return out;
	}

	@Test
	void documentedCsvExample(@TempDir Path dir) throws Exception {
		images(dir, "images/cell-001.png", "images/cell-002.png", "images/cell-003.png");
		write(dir, "manifest.csv", docExample("csv"));
		Dataset d = Dataset.open(dir);
		assertTrue(d instanceof ManifestDataset);
		List<Sample> rows = read(d);
		assertEquals(3, rows.size());
		Sample s = rows.get(0);
		assertEquals(0, s.row);
		assertEquals("images/cell-001.png", s.imageId);
		assertArrayEquals(TestImages.rgbPng(5, 4), s.imageBytes);
		assertEquals("my_lab_2025", s.dataset);
		assertEquals(Arrays.asList("classification", "modality"), new ArrayList<>(s.questions.keySet()));
		assertEquals(Arrays.asList("modality_0", "modality_1", "classification_0", "classification_1"),
			new ArrayList<>(s.captions.keySet()));
		Question q = s.questions.get("modality");
		assertEquals(Arrays.asList("fluorescence microscopy", "light microscopy", "electron microscopy",
			"none of the above"), q.options);
		assertEquals(1, q.answerIdx);
		assertEquals("light microscopy", q.answer);
		assertEquals("What is the most likely microscopy modality used to acquire this image?", q.text);
		Question c = s.captions.get("modality_1");
		assertEquals(Arrays.asList("A microscopy image obtained through fluorescence microscopy.",
			"A microscopy image obtained through light microscopy.",
			"A microscopy image obtained through electron microscopy.", "none of the above"), c.options);
		assertEquals(1, c.answerIdx);
		assertEquals(q.id, c.id);
		assertEquals("A microscopy image obtained through {class}.", c.text);
		Question cls = rows.get(2).questions.get("classification");
		assertEquals("Which cell cycle state does this cell show?", cls.text);
		assertEquals(2, cls.answerIdx);
		assertEquals("A micrograph of a apoptotic cell.", rows.get(2).captions.get("classification_0").options.get(2));
		assertEquals(Arrays.asList("mitotic", "interphase", "apoptotic"), d.labelNames());
		assertEquals(Integer.valueOf(2), rows.get(2).label);
	}

	@Test
	void documentedJsonlExampleAndJsonArray(@TempDir Path dir) throws Exception {
		images(dir, "images/cell-001.png", "images/cell-002.png");
		String jsonl = docExample("json");
		write(dir, "manifest.jsonl", jsonl);
		List<Sample> rows = read(Dataset.open(dir));
		assertEquals(2, rows.size());
		Sample a = rows.get(0), b = rows.get(1);
		assertEquals("c1", a.imageId);
		assertEquals("light microscopy", a.modality);
		assertEquals(1, a.questions.get("modality").answerIdx);
		assertEquals(1, a.questions.get("classification").answerIdx);
		assertEquals(4, a.captions.size());
		assertArrayEquals(new double[] { 10, 12, 54, 60 }, a.boxes.get(0).points, 0);
		assertEquals("cell", a.boxes.get(0).className);
		Question c = b.captions.get("classification_1");
		assertEquals(0, c.answerIdx);
		assertEquals("A microscopy image showing a interphase cell.", c.options.get(0));
		assertEquals("none of the above", c.options.get(3));
		assertEquals(1, b.captions.size());

		Path other = dir.resolve("array");
		images(other, "images/cell-001.png", "images/cell-002.png");
		write(other, "manifest.json", "[" + String.join(",", jsonl.trim().split("\n")) + "]");
		List<Sample> again = read(Dataset.open(other));
		assertEquals(2, again.size());
		assertEquals(a.questions.get("modality").options, again.get(0).questions.get("modality").options);
	}

	@Test
	void releaseStyleCaptionsWithStringIndex(@TempDir Path dir) throws Exception {
		images(dir, "a.png");
		write(dir, "manifest.jsonl", "{\"image\": {\"path\": \"a.png\"}, \"captions\": {\"stain_1\": {\"question\": " +
			"\"Stained with {class}.\", \"options\": [\"Stained with H&E.\", \"Stained with None.\", " +
			"\"none of the above\"], \"answer_idx\": \"1\", \"id\": \"s1\"}}}\n");
		Sample s = read(Dataset.open(dir)).get(0);
		Question c = s.captions.get("stain_1");
		assertEquals(1, c.answerIdx);
		assertEquals("stain", c.name);
		assertEquals(3, c.options.size()); // none of the above not doubled
		assertEquals("s1", c.id);
		assertTrue(s.questions.isEmpty());
	}

	@Test
	void csvQuotingAndEscapes(@TempDir Path dir) throws Exception {
		images(dir, "a b.png");
		write(dir, "manifest.csv", "image,label,classification_question,classification_options,classification_answer," +
			"synthetic,microns_per_pixel\r\n" +
			"\"a b.png\",3,\"Which one, \"\"really\"\"?\nThink.\",x\\|y|\\*z|w,*z,yes,0.5\r\n");
		ManifestDataset d = ManifestDataset.open(dir);
		Sample s = read(d).get(0);
		Question q = s.questions.get("classification");
		assertEquals("Which one, \"really\"?\nThink.", q.text);
		assertEquals(Arrays.asList("x|y", "*z", "w", "none of the above"), q.options);
		assertEquals(1, q.answerIdx);
		assertEquals(Boolean.TRUE, s.synthetic);
		assertEquals(0.5, s.micronsPerPixel, 0);
		assertEquals(Integer.valueOf(3), s.label);
		assertTrue(s.captions.isEmpty());
	}

	@Test
	void missingImageIsReportedAndReadingContinues(@TempDir Path dir) throws Exception {
		images(dir, "b.png");
		write(dir, "manifest.csv", "image,dataset\nmissing.png,x\nb.png,x\n");
		List<String> notes = new ArrayList<>();
		List<Sample> rows = new ArrayList<>();
		try (SampleStream s = Dataset.open(dir).samples(new ProgressListener() {
			@Override
			public void progress(long done, long total, String message) {}

			@Override
			public void log(String message) {
				notes.add(message);
			}
		})) {
			while (s.hasNext()) rows.add(s.next());
		}
		assertEquals(2, rows.size());
		assertNull(rows.get(0).imageBytes);
		assertEquals(1, notes.size());
		assertTrue(notes.get(0).contains("row 0") && notes.get(0).contains("missing.png"), notes.get(0));
		assertEquals(1, rows.get(1).row);
		// What a run's skip line says about the row: the file and that it was not found, not "no image bytes".
		org.mubench.data.DatasetException e = org.junit.jupiter.api.Assertions.assertThrows(
			org.mubench.data.DatasetException.class, () -> rows.get(0).requireImage());
		assertTrue(e.getMessage().contains("image file not found at " + dir.resolve("missing.png")), e.getMessage());
		assertEquals(rows.get(1).imageBytes, rows.get(1).requireImage());
	}

	static String error(Path dir, String name, String text) throws Exception {
		Path sub = Files.createTempDirectory(dir, "m");
		write(sub, name, text);
		return assertThrows(DatasetException.class, () -> Dataset.open(sub)).getMessage();
	}

	@Test
	void csvErrorsNameFileLineAndProblem(@TempDir Path dir) throws Exception {
		String h = "image,modality_options,modality_answer_idx\n";
		String m = error(dir, "manifest.csv", h + "a.png,x|y,\n");
		assertTrue(m.endsWith("manifest.csv line 2: modality: no gold answer (give answer_idx or answer)"), m);
		m = error(dir, "manifest.csv", h + "a.png,*x|*y,\n");
		assertTrue(m.contains("line 2: modality_options marks more than one option"), m);
		m = error(dir, "manifest.csv", h + "a.png,x|y,0\nb.png,x|y,7\n");
		assertTrue(m.contains("line 3: modality: answer_idx 7 is outside the 3 options"), m);
		m = error(dir, "manifest.csv", h + "a.png,x|*y,0\n");
		assertTrue(m.contains("line 2: modality: the * marks option 1 but modality_answer_idx is 0"), m);
		m = error(dir, "manifest.csv", h + "a.png,x|y\n");
		assertTrue(m.contains("line 2: 2 fields but the header has 3"), m);
		m = error(dir, "manifest.csv", h + "\"a.png,x|y,0\n");
		assertTrue(m.contains("line 2: a quoted field is never closed"), m);
		m = error(dir, "manifest.csv", "file,label\na.png,1\n");
		assertTrue(m.contains("line 1: no 'image' column"), m);
		m = error(dir, "manifest.csv", "image,phenotype_answer\na.png,x\n");
		assertTrue(m.contains("no 'phenotype_options' column"), m);
		m = error(dir, "manifest.csv", "image,classification_options\na.png,*x|y\n");
		assertTrue(m.contains("classification: no question text"), m);
		m = error(dir, "manifest.csv", "image,stain_options,stain_templates\na.png,*x|y,Stained.\n");
		assertTrue(m.contains("has no {class} placeholder"), m);
		m = error(dir, "manifest.csv", "image\n");
		assertTrue(m.contains("lists no images"), m);
	}

	@Test
	void jsonErrorsNameLine(@TempDir Path dir) throws Exception {
		String m = error(dir, "manifest.jsonl", "{\"image\": \"a.png\"}\n\n{\"image\": \"b.png\",\n");
		assertTrue(m.contains("manifest.jsonl line 3: not valid JSON"), m);
		m = error(dir, "manifest.jsonl", "{\"image\": \"a.png\", \"questions\": {\"domain\": {\"options\": [\"a\"], " +
			"\"answer\": \"b\"}}}\n");
		assertTrue(m.contains("line 1: domain: answer 'b' is not one of the options"), m);
		m = error(dir, "manifest.jsonl", "{\"image_id\": \"x\"}\n");
		assertTrue(m.contains("line 1: 'image' must name the image file"), m);
		m = error(dir, "manifest.jsonl", "{\"image\": \"a.png\", \"bbox\": [{\"className\": \"c\", \"points\": [1, 2]}]}");
		assertTrue(m.contains("bbox points must be [x1, y1, x2, y2]"), m);
		m = error(dir, "manifest.jsonl", "{\"image\": \"a.png\", \"captions\": {\"stain_1\": {\"question\": \"{class}\"}}}");
		assertTrue(m.contains("no 'stain' question to build them from"), m);
		m = error(dir, "manifest.json", "{\"image\": \"a.png\"}");
		assertTrue(m.contains("must hold a JSON array"), m);
	}

	@Test
	void severalManifestsMustBeChosen(@TempDir Path dir) throws Exception {
		images(dir, "a.png");
		write(dir, "manifest.csv", "image\na.png\n");
		Path jsonl = write(dir, "manifest.jsonl", "{\"image\": \"a.png\"}\n{\"image\": \"a.png\"}\n");
		DatasetException e = assertThrows(DatasetException.class, () -> Dataset.open(dir));
		assertTrue(e.getMessage().contains("holds several manifests"), e.getMessage());
		assertEquals(2, read(Dataset.open(jsonl)).size());
	}

	@Test
	void explicitLabelsKeepTheirIndices(@TempDir Path dir) throws Exception {
		write(dir, "manifest.csv", "image,label,label_name\na.png,2,two\nb.png,,zero?\nc.png,0,zero\n");
		ManifestDataset d = ManifestDataset.open(dir);
		assertEquals(Arrays.asList("zero", "class_1", "two", "zero?"), d.labelNames());
		assertEquals(Integer.valueOf(3), read(d).get(1).label);
	}
}
