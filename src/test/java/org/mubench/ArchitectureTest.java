package org.mubench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Enforces the layering of the main code: {@code data → image → model → eval → (fiji | cli)}. A file may name (by
 * import or fully qualified in code) only {@code org.mubench} packages of its own layer or layers to its left; fiji and
 * cli may not name each other; nothing below fiji/cli may name ImageJ, Swing or window classes. Headless Java2D,
 * ImageIO and JFreeChart are allowed in one rendering package, {@value #RENDERING}, and nowhere else below fiji/cli.
 * Comments and string literals are ignored, so prose about other layers does not count.
 */
class ArchitectureTest {

	private static final Path MAIN = Paths.get("src", "main", "java", "org", "mubench");

	/** Rank of each layer; fiji and cli share the top rank but may not see each other. */
	private static final List<String> LAYERS = Arrays.asList("data", "image", "model", "eval", "fiji", "cli");

	private static final Pattern PACKAGE = Pattern.compile("\\bpackage\\s+org\\.mubench\\.(\\w+)[\\w.]*\\s*;");
	private static final Pattern MUBENCH_REF = Pattern.compile("(?<![\\w.$])org\\s*\\.\\s*mubench\\s*\\.\\s*(\\w+)");
	private static final Pattern UI_REF = Pattern
			.compile("(?<![\\w.$])(ij|java\\s*\\.\\s*awt|javax\\s*\\.\\s*imageio|javax\\s*\\.\\s*swing|org\\s*\\.\\s*jfree)\\s*\\.\\s*[\\w*]");
	/** The one package below fiji/cli that may draw (headless: no windows). */
	static final String RENDERING = "org.mubench.eval.chart";
	/** What even the rendering package may not use: ImageJ, Swing, windows and JFreeChart's Swing side. */
	private static final Pattern WINDOW_REF = Pattern.compile("(?<![\\w.$])(ij\\s*\\.\\s*[\\w*]|javax\\s*\\.\\s*swing\\b"
			+ "|java\\s*\\.\\s*awt\\s*\\.\\s*(Frame|Window|Dialog|Component|Container|Panel|Toolkit|event)\\b"
			+ "|org\\s*\\.\\s*jfree\\s*\\.\\s*chart\\s*\\.\\s*(ChartPanel|ChartFrame|ui\\s*\\.\\s*ApplicationFrame)\\b)");
	private static final Pattern FULL_PACKAGE = Pattern.compile("\\bpackage\\s+([\\w.]+)\\s*;");

	@Test
	void everyMainFileRespectsTheLayers() throws IOException {
		List<Path> files = mainFiles();
		assertFalse(files.isEmpty(), "no main sources found under " + MAIN.toAbsolutePath());
		List<String> violations = new ArrayList<>();
		for (Path file : files) {
			String code = stripCommentsAndStrings(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
			violations.addAll(violations(MAIN.relativize(file).toString(), code));
		}
		assertEquals("", String.join("\n", violations), "layer violations");
	}

	/** The checker itself must catch what it is meant to catch, or the test above could never fail. */
	@Test
	void checkerCatchesViolations() {
		assertEquals(1, violations("x", stripCommentsAndStrings("package org.mubench.model.clip;\n"
				+ "import org.mubench.eval.Prediction;\nclass A {}")).size());
		assertEquals(1, violations("x", stripCommentsAndStrings("package org.mubench.data;\n"
				+ "class A { Object o = new org.mubench.cli.Foo(); }")).size());
		assertEquals(1, violations("x", stripCommentsAndStrings("package org.mubench.cli;\n"
				+ "import org.mubench.fiji.Foo;\nclass A {}")).size());
		assertEquals(1, violations("x", stripCommentsAndStrings("package org.mubench.fiji;\n"
				+ "import static org.mubench.cli.Foo.bar;\nclass A {}")).size());
		assertEquals(1, violations("x", stripCommentsAndStrings("package org.mubench.image;\n"
				+ "class A { boolean b(Object o) { return o instanceof java.awt.image.BufferedImage; } }")).size());
		assertEquals(1, violations("x", stripCommentsAndStrings("package org.mubench.eval.report;\n"
				+ "import ij.ImagePlus;\nclass A {}")).size());
		assertEquals(1, violations("x", stripCommentsAndStrings("package org.mubench.eval;\n"
				+ "import javax.imageio.*;\nclass A {}")).size());
		assertEquals(1, violations("x", stripCommentsAndStrings("package org.mubench.model;\n"
				+ "import javax.swing.JFrame;\nclass A {}")).size());
		assertEquals(1, violations("x", stripCommentsAndStrings("package org.mubench.eval.report;\n"
				+ "import org.jfree.chart.JFreeChart;\nclass A {}")).size());
		assertEquals(1, violations("x", stripCommentsAndStrings("package org.mubench.eval.chart;\n"
				+ "import javax.swing.JFrame;\nclass A {}")).size());
		assertEquals(1, violations("x", stripCommentsAndStrings("package org.mubench.eval.chart;\n"
				+ "import org.jfree.chart.ChartPanel;\nclass A {}")).size());
		assertEquals(1, violations("x", stripCommentsAndStrings("package org.mubench.eval.chart;\n"
				+ "class A { java.awt.Frame f; }")).size());
		// The rendering package may draw headless.
		assertTrue(violations("x", stripCommentsAndStrings("package org.mubench.eval.chart;\n"
				+ "import java.awt.Color;\nimport java.awt.geom.Line2D;\nimport org.jfree.chart.JFreeChart;\n"
				+ "import org.mubench.eval.score.Summary;\nclass A {}")).isEmpty());
		// Allowed: own layer, layers to the left, prose and strings, ImageJ in the top layers.
		assertTrue(violations("x", stripCommentsAndStrings("package org.mubench.eval.run;\n"
				+ "import org.mubench.data.Sample;\nimport org.mubench.eval.Prediction;\n"
				+ "/** see {@link org.mubench.cli.RunCommand} and java.awt.Image */\n"
				+ "class A { String s = \"org.mubench.fiji.X ij.IJ\"; // org.mubench.cli\n"
				+ "int ij = 1; int k = this.ij; char c = '\"'; String t = \"\\\" org.mubench.cli.Y\"; }")).isEmpty());
		assertTrue(violations("x", stripCommentsAndStrings("package org.mubench.fiji;\n"
				+ "import ij.IJ;\nimport java.awt.Frame;\nimport org.mubench.eval.run.BenchmarkJob;\nclass A {}"))
				.isEmpty());
	}

	private static List<Path> mainFiles() throws IOException {
		try (Stream<Path> walk = Files.walk(MAIN)) {
			return walk.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList());
		}
	}

	static List<String> violations(String name, String code) {
		List<String> out = new ArrayList<>();
		Matcher pkg = PACKAGE.matcher(code);
		if (!pkg.find()) {
			out.add(name + ": not in a layer package org.mubench.{" + String.join(",", LAYERS) + "}");
			return out;
		}
		String layer = pkg.group(1);
		int rank = LAYERS.indexOf(layer);
		if (rank < 0) {
			out.add(name + ": package org.mubench." + layer + " is not a layer");
			return out;
		}
		boolean top = "fiji".equals(layer) || "cli".equals(layer);
		Matcher ref = MUBENCH_REF.matcher(code);
		ref.region(pkg.end(), code.length()); // past the package declaration itself
		while (ref.find()) {
			String used = ref.group(1);
			int usedRank = LAYERS.indexOf(used);
			boolean ok;
			if (usedRank < 0)
				ok = false;
			else if (top && ("fiji".equals(used) || "cli".equals(used)))
				ok = used.equals(layer);
			else
				ok = rank(usedRank) <= rank(rank);
			if (!ok)
				out.add(name + ":" + line(code, ref.start()) + ": layer " + layer + " uses org.mubench." + used);
		}
		Matcher full = FULL_PACKAGE.matcher(code);
		boolean rendering = full.find() && RENDERING.equals(full.group(1));
		if (rendering) {
			Matcher w = WINDOW_REF.matcher(code);
			while (w.find())
				out.add(name + ":" + line(code, w.start()) + ": the rendering package uses "
						+ w.group(1).replaceAll("\\s", "") + " (windows and ImageJ belong to fiji/cli)");
		}
		else if (!top) {
			Matcher ui = UI_REF.matcher(code);
			while (ui.find())
				out.add(name + ":" + line(code, ui.start()) + ": layer " + layer + " uses "
						+ ui.group(1).replaceAll("\\s", "") + " (drawing belongs to " + RENDERING
						+ ", UI/ImageJ to fiji/cli)");
		}
		return out;
	}

	/** fiji and cli both sit above eval. */
	private static int rank(int index) {
		return Math.min(index, LAYERS.indexOf("fiji"));
	}

	private static int line(String code, int offset) {
		int n = 1;
		for (int i = 0; i < offset; i++)
			if (code.charAt(i) == '\n')
				n++;
		return n;
	}

	/**
	 * Replaces comments and the contents of string and char literals with spaces, keeping line breaks so that line
	 * numbers stay right.
	 */
	static String stripCommentsAndStrings(String src) {
		StringBuilder out = new StringBuilder(src.length());
		int i = 0;
		int n = src.length();
		while (i < n) {
			char c = src.charAt(i);
			char next = i + 1 < n ? src.charAt(i + 1) : '\0';
			if (c == '/' && next == '/') {
				while (i < n && src.charAt(i) != '\n') {
					out.append(' ');
					i++;
				}
			} else if (c == '/' && next == '*') {
				int end = src.indexOf("*/", i + 2);
				end = end < 0 ? n : end + 2;
				blank(src, i, end, out);
				i = end;
			} else if (c == '"' || c == '\'') {
				int j = i + 1;
				while (j < n && src.charAt(j) != c && src.charAt(j) != '\n') {
					if (src.charAt(j) == '\\')
						j++;
					j++;
				}
				j = Math.min(j + 1, n);
				out.append(c);
				blank(src, i + 1, j - 1, out);
				out.append(c);
				i = j;
			} else {
				out.append(c);
				i++;
			}
		}
		return out.toString();
	}

	private static void blank(String src, int from, int to, StringBuilder out) {
		for (int k = from; k < to; k++)
			out.append(src.charAt(k) == '\n' ? '\n' : ' ');
	}
}
