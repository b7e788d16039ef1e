package org.mubench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mubench.data.Sample;
import org.mubench.testdata.TestImages;
import org.mubench.testdata.TestShards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class InfoCommandTest {
	static final List<String> CLASSES = Arrays.asList("a", "b", "c");

	static String[] run(String... args) {
		StringWriter out = new StringWriter(), err = new StringWriter();
		int code = MuBenchCli.execute(args, new PrintWriter(out), new PrintWriter(err));
		return new String[] { Integer.toString(code), out.toString(), err.toString() };
	}

	/** 5 rows: 3 of "alpha", 2 Held rows with null dataset; row 1 lacks the stain question, row 4 has null questions. */
	static void write(Path dir) throws Exception {
		TestShards.Builder b = TestShards.builder().shards(2).rowsPerBatch(2);
		for (int i = 0; i < 5; i++) {
			Sample.Builder s = TestShards.typical(i, i < 3 ? "alpha" : null, CLASSES.get(i % 3), CLASSES,
				TestImages.grey8Png(4, 4));
			if (i >= 3) s.stain = "H2B-mCherry";
			if (i == 1) {
				s.questions.remove("stain");
				s.captions.remove("stain_1");
			}
			b.add(s);
		}
		b.nullQuestions(4).writeTo(dir);
	}

	@Test
	void json(@TempDir Path dir) throws Exception {
		write(dir);
		String[] r = run("info", "--dataset", dir.toString(), "--json");
		assertEquals("0", r[0], r[2]);
		JsonNode o = new ObjectMapper().readTree(r[1]);
		assertEquals(5, o.get("rows").asLong());
		assertEquals(2, o.get("datasets").size());
		assertEquals(3, o.get("datasets").get("alpha").asLong());
		assertEquals(2, o.get("datasets").get("held_et_al_2010_h2b").asLong());
		assertEquals(4, o.get("questions").get("classification").asLong());
		assertEquals(3, o.get("questions").get("stain").asLong());
		assertEquals(6, o.get("questions").size());
		assertEquals(5, o.get("captions").get("stain_0").asLong());
		assertEquals(4, o.get("captions").get("stain_1").asLong());
		assertEquals(10, o.get("captions").size());
		assertFalse(r[2].contains("warning"), r[2]);
	}

	@Test
	void text(@TempDir Path dir) throws Exception {
		write(dir);
		String[] r = run("info", "--dataset", dir.toString());
		assertEquals("0", r[0], r[2]);
		assertTrue(r[1].contains("rows: 5"), r[1]);
		assertTrue(r[1].matches("(?s).*\n  alpha\\s+3\n.*"), r[1]);
		assertTrue(r[1].matches("(?s).*\n  stain\\s+3\n.*"), r[1]);
		assertTrue(r[1].matches("(?s).*\n  classification_1\\s+5\n.*"), r[1]);
	}

	@Test
	void truncatedShardFailsWithOneLine(@TempDir Path dir) throws Exception {
		TestShards.Builder b = TestShards.builder().rowsPerBatch(1);
		for (int i = 0; i < 3; i++) b.add(TestShards.typical(i, "x", "a", CLASSES, TestImages.grey8Png(4, 4)));
		List<Path> files = b.truncate(0, -30).writeTo(dir);
		String[] r = run("info", "--dataset", dir.toString());
		assertEquals("1", r[0]);
		assertTrue(r[2].startsWith("error: " + files.get(0) + ": stream ends inside a record batch after row 1"), r[2]);
		assertEquals(1, r[2].trim().split("\n").length, r[2]);
	}

	@Test
	void missingDatasetAndBadUsage(@TempDir Path dir) {
		String[] r = run("info", "--dataset", dir.resolve("nope").toString());
		assertEquals("1", r[0]);
		assertTrue(r[2].contains("nope: no such file or folder"), r[2]);
		assertEquals("2", run("info")[0]);
		assertEquals("0", run("info", "--help")[0]);
	}

	@Test
	void declaredRowsMismatchWarns(@TempDir Path dir) throws Exception {
		TestShards.Builder b = TestShards.builder().shards(2);
		for (int i = 0; i < 4; i++) b.add(TestShards.typical(i, "x", "a", CLASSES, TestImages.grey8Png(4, 4)));
		List<Path> files = b.writeTo(dir);
		java.nio.file.Files.delete(files.get(1));
		String[] r = run("info", "--dataset", dir.toString(), "--json");
		assertEquals("0", r[0]);
		assertTrue(r[2].contains("declares 4 rows but the shards hold 2"), r[2]);
	}

	@Test
	void progressInBytes() {
		java.io.StringWriter sw = new java.io.StringWriter();
		TerminalProgress p = new TerminalProgress(new java.io.PrintWriter(sw), false, "bytes", true);
		p.progress(512L << 20, 1L << 30, "shard 1");
		assertTrue(sw.toString().startsWith("512 MiB/1.00 GiB"), sw.toString());
		assertEquals("1023 B", TerminalProgress.amountOfBytes(1023));
		assertEquals("1.50 KiB", TerminalProgress.amountOfBytes(1536));
		assertEquals("2.00 GiB", TerminalProgress.amountOfBytes(2L << 30));
	}

	@Test
	void manifestFolderWithMissingImage(@TempDir Path dir) throws Exception {
		java.nio.file.Files.write(dir.resolve("a.png"), TestImages.grey8Png(3, 3));
		java.nio.file.Files.write(dir.resolve("manifest.csv"), ("image,dataset,stain_options,stain_templates\n" +
			"a.png,mine,*H&E|None,Stained with {class}.\nb.png,mine,H&E|*None,Stained with {class}.\n").getBytes("UTF-8"));
		String[] r = run("info", "--dataset", dir.toString(), "--json");
		assertEquals("0", r[0], r[2]);
		JsonNode o = new ObjectMapper().readTree(r[1]);
		assertEquals(2, o.get("rows").asLong());
		assertEquals(2, o.get("questions").get("stain").asLong());
		assertEquals(2, o.get("captions").get("stain_0").asLong());
		assertTrue(r[2].contains("warning: ") && r[2].contains("image file not found at " + dir.resolve("b.png")), r[2]);
	}
}
