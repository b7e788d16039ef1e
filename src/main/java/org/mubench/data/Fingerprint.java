package org.mubench.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A cheap fingerprint of a file or folder, for telling runs apart: SHA-256 over every file's relative path and size and,
 * for files that are not images, the first and the last MiB of its content (the whole file when it is at most 2 MiB).
 * <p>
 * Why this recipe: a model or dataset can be many GiB, and a run must not read it twice just to label itself; 2 MiB
 * per file covers headers, configs, manifests and the ends of weight files, and the size catches truncation. Image
 * files of a manifest dataset (possibly tens of thousands) count by path and size only, so that fingerprinting a
 * folder of images costs a directory listing. Modification times are deliberately left out: a copy of the same data to
 * a cluster node (plain {@code cp}, {@code rsync} without {@code -t}) must give the same fingerprint, or shards run
 * there could never be merged. A change that keeps every size and touches only the middle of a large file (or the
 * pixels of an image) goes unnoticed; that is the price of not reading everything.
 */
public final class Fingerprint {
	private Fingerprint() {}

	/** Bytes read from each end of a file. */
	static final int EDGE = 1 << 20;

	/** The fingerprint (64 hex digits) of a file or of every file under a folder; hidden files and partial downloads are left out. */
	public static String of(Path path) {
		MessageDigest md = sha256();
		try {
			if (Files.isRegularFile(path)) addFile(md, path.getFileName().toString(), path);
			else if (Files.isDirectory(path)) {
				List<Path> files = new ArrayList<>();
				try (Stream<Path> all = Files.walk(path)) {
					all.filter(Files::isRegularFile).filter(p -> counts(path.relativize(p))).forEach(files::add);
				}
				List<String> names = new ArrayList<>();
				for (Path f : files) names.add(path.relativize(f).toString().replace('\\', '/'));
				java.util.Collections.sort(names);
				for (String n : names) addFile(md, n, path.resolve(n));
			}
			else throw new UncheckedIOException(new java.nio.file.NoSuchFileException(path + ": no such file or folder"));
		}
		catch (IOException e) {
			throw new UncheckedIOException(path + ": cannot read for its fingerprint (" + e.getMessage() + ")", e);
		}
		return hex(md.digest());
	}

	private static boolean counts(Path relative) {
		for (Path part : relative) {
			String s = part.toString();
			if (s.startsWith(".")) return false;
		}
		String name = relative.getFileName().toString();
		return !(name.endsWith(".part") || name.endsWith(".tmp") || name.endsWith(".lock"));
	}

	private static boolean isImage(String name) {
		String n = name.toLowerCase(Locale.ROOT);
		return n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".tif") || n.endsWith(".tiff")
			|| n.endsWith(".bmp") || n.endsWith(".gif");
	}

	private static void addFile(MessageDigest md, String name, Path file) throws IOException {
		long size = Files.size(file);
		md.update((name + "\u0000" + size + "\u0000").getBytes(StandardCharsets.UTF_8));
		if (isImage(name)) return;
		try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
			if (size <= 2L * EDGE) digest(md, ch, 0, size);
			else {
				digest(md, ch, 0, EDGE);
				digest(md, ch, size - EDGE, EDGE);
			}
		}
	}

	private static void digest(MessageDigest md, FileChannel ch, long from, long length) throws IOException {
		ByteBuffer buf = ByteBuffer.allocate(1 << 16);
		long pos = from, end = from + length;
		while (pos < end) {
			buf.clear();
			buf.limit((int) Math.min(buf.capacity(), end - pos));
			int n = ch.read(buf, pos);
			if (n < 0) break;
			buf.flip();
			md.update(buf);
			pos += n;
		}
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e); // every Java has SHA-256
		}
	}

	private static String hex(byte[] bytes) {
		StringBuilder sb = new StringBuilder(bytes.length * 2);
		for (byte b : bytes) sb.append(Character.forDigit((b >> 4) & 15, 16)).append(Character.forDigit(b & 15, 16));
		return sb.toString();
	}
}
