package org.mubench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FingerprintTest {
	@TempDir
	Path tmp;

	private Path folder(String name, byte[] weights) throws Exception {
		Path d = tmp.resolve(name);
		Files.createDirectories(d.resolve("onnx"));
		Files.write(d.resolve("config.json"), "{\"a\": 1}".getBytes("UTF-8"));
		Files.write(d.resolve("onnx/model.onnx"), weights);
		return d;
	}

	@Test
	void copiesMatchAndChangesAtTheEndsOrInSizeDoNot() throws Exception {
		byte[] w = new byte[5 << 20];
		new Random(1).nextBytes(w);
		Path a = folder("a", w), b = folder("b", w.clone());
		// Another modification time (a plain copy on a cluster node) is the same data.
		Files.setLastModifiedTime(b.resolve("onnx/model.onnx"), FileTime.fromMillis(0));
		assertEquals(Fingerprint.of(a), Fingerprint.of(b));
		// Hidden files and partial downloads are not part of it.
		Files.write(b.resolve(".DS_Store"), new byte[] { 1 });
		Files.write(b.resolve("x.part"), new byte[] { 1 });
		assertEquals(Fingerprint.of(a), Fingerprint.of(b));

		byte[] tail = w.clone();
		tail[tail.length - 3] ^= 1;
		assertNotEquals(Fingerprint.of(a), Fingerprint.of(folder("tail", tail)));
		byte[] head = w.clone();
		head[10] ^= 1;
		assertNotEquals(Fingerprint.of(a), Fingerprint.of(folder("head", head)));
		assertNotEquals(Fingerprint.of(a), Fingerprint.of(folder("short", java.util.Arrays.copyOf(w, w.length - 1))));
		// The documented blind spot: the middle of a large file is not read.
		byte[] middle = w.clone();
		middle[middle.length / 2] ^= 1;
		assertEquals(Fingerprint.of(a), Fingerprint.of(folder("middle", middle)));
		// A renamed file is another folder.
		Path c = folder("c", w);
		Files.move(c.resolve("config.json"), c.resolve("config2.json"));
		assertNotEquals(Fingerprint.of(a), Fingerprint.of(c));
	}

	@Test
	void imagesCountByNameAndSizeOnly() throws Exception {
		Path d = tmp.resolve("imgs");
		Files.createDirectories(d);
		Files.write(d.resolve("manifest.csv"), "image,dataset\na.png,x\n".getBytes("UTF-8"));
		Files.write(d.resolve("a.png"), new byte[] { 1, 2, 3 });
		String before = Fingerprint.of(d);
		Files.write(d.resolve("a.png"), new byte[] { 3, 2, 1 });
		assertEquals(before, Fingerprint.of(d));
		Files.write(d.resolve("a.png"), new byte[] { 3, 2, 1, 0 });
		assertNotEquals(before, Fingerprint.of(d));
		Files.write(d.resolve("manifest.csv"), "image,dataset\na.png,y\n".getBytes("UTF-8"));
		assertNotEquals(before, Fingerprint.of(d));
	}
}
