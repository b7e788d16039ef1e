package org.mubench.eval.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mubench.eval.Prediction;
import org.mubench.eval.score.GroupResult;
import org.mubench.eval.score.Summary;
import org.mubench.eval.score.SyntheticPredictions;

class RunReportsTest {
	@TempDir
	Path dir;

	@Test
	void reportNumbersComeFromSummary() throws IOException {
		List<Prediction> preds = SyntheticPredictions.make(140, 2, 0, 1);
		preds.get(3).skipped = "request_failed";
		Summary s = RunReports.write(preds, dir, new ReportOptions().model("tiny").seed(5).resamples(999)
			.run("batch", 8));
		Summary back = Summary.read(dir.resolve("summary.json"));
		assertEquals(s.toJson(), back.toJson());
		assertEquals(8, back.run.get("batch"));
		assertEquals(1, back.group("skipped/request_failed").n);

		// Every table row "| name | n | accuracy | lo – hi | paper ± | chance |" must match its group in summary.json,
		// the interval clipped to [0, 100].
		String md = new String(Files.readAllBytes(dir.resolve("report.md")), StandardCharsets.UTF_8);
		Pattern row = Pattern.compile(
			"^\\| ([^|]+) \\| (\\d+) \\| ([0-9.]+) \\| ([0-9.]+) – ([0-9.]+) \\| ([0-9.]+) \\| ([0-9.–]+) \\|$",
			Pattern.MULTILINE);
		Matcher m = row.matcher(md);
		Set<String> seen = new HashSet<>();
		while (m.find()) {
			GroupResult g = find(back, m.group(1));
			assertNotNull(g, "report row without a group: " + m.group(0));
			seen.add(g.group);
			assertEquals(g.n, Long.parseLong(m.group(2)), g.group);
			assertEquals(RunReports.pct(g.accuracy), m.group(3), g.group);
			assertEquals(RunReports.pct(Math.max(0, g.ciLow)), m.group(4), g.group);
			assertEquals(RunReports.pct(Math.min(1, g.ciHigh)), m.group(5), g.group);
			assertEquals(RunReports.pct(g.halfWidth), m.group(6), g.group);
			assertEquals(RunReports.pct(g.chance), m.group(7), g.group);
		}
		for (GroupResult g : back.groups)
			if (g.hasAccuracy()) assertTrue(seen.contains(g.group), "group missing from report.md: " + g.group);
		// The Table 1 row with intervals, and the paper's "±" form labelled as such.
		String expected = "| tiny | " + RunReports.accPm(back.group("coarse")) + " | " +
			RunReports.accPm(back.group("fine")) + " | " + RunReports.accPm(back.group("fine_paper")) + " | – |";
		assertTrue(md.contains(expected), expected);
		String paper = "| tiny (paper's form: accuracy ± paper ±) | " + RunReports.pct(back.group("coarse").accuracy) + " ± "
			+ RunReports.pct(back.group("coarse").halfWidth) + " | ";
		assertTrue(md.contains(paper), paper);

		// summary.csv has the same rows.
		List<String> csv = Files.readAllLines(dir.resolve("summary.csv"));
		assertEquals(back.groups.size() + 1, csv.size());
		String[] coarse = csv.get(1).split(",");
		assertEquals("coarse", coarse[0]);
		assertEquals(back.group("coarse").ciLow, Double.parseDouble(coarse[4]), 0.0);

		BufferedImage png = ImageIO.read(dir.resolve("accuracy.png").toFile());
		assertTrue(png.getWidth() >= 1000 && png.getHeight() >= 400);
		int coarseColour = 0, baseline = 0;
		for (int y = 0; y < png.getHeight(); y++)
			for (int x = 0; x < png.getWidth(); x++) {
				int rgb = png.getRGB(x, y) & 0xffffff;
				if (rgb == Charts.PALETTE[0]) coarseColour++;
				if (rgb == Charts.BASELINE) baseline++;
			}
		assertTrue(coarseColour > 1000, "coarse bars drawn");
		assertTrue(baseline > 50, "random baseline drawn");
	}

	@Test
	void intervalsAreClippedForDisplayAndKeptUnclippedInSummary() throws IOException {
		// 3 questions, all correct but one: the basic bootstrap's upper bound goes above 100 %.
		List<Prediction> preds = SyntheticPredictions.make(3, 1, 1);
		for (Prediction p : preds) p.correct = true;
		preds.get(0).correct = false;
		Summary s = RunReports.write(preds, dir, new ReportOptions().model("tiny").seed(1).resamples(999));
		GroupResult g = null;
		for (GroupResult x : s.groups)
			if (x.hasAccuracy() && x.ciHigh > 1) g = x;
		assertNotNull(g, "a group with an upper bound above 1: " + s.groups);
		assertTrue(Summary.read(dir.resolve("summary.json")).group(g.group).ciHigh > 1, "summary.json keeps it unclipped");
		assertEquals(RunReports.pct(g.accuracy) + " [" + RunReports.pct(Math.max(0, g.ciLow)) + " – 100.00]",
			RunReports.accPm(g));
		String md = new String(Files.readAllBytes(dir.resolve("report.md")), StandardCharsets.UTF_8);
		Matcher bound = Pattern.compile("(-?[0-9]+\\.[0-9]+) – (-?[0-9]+\\.[0-9]+)").matcher(md);
		int bounds = 0;
		while (bound.find()) {
			bounds++;
			assertTrue(Double.parseDouble(bound.group(1)) >= 0 && Double.parseDouble(bound.group(2)) <= 100, bound.group());
		}
		assertTrue(bounds > 0, md);
		assertFalse(md.contains("[-"), "no negative bound in report.md");
	}

	private static GroupResult find(Summary s, String name) {
		Matcher id = Pattern.compile("\\(`([a-z_]+)`\\)$").matcher(name);
		if (id.find()) return s.group("fine/" + id.group(1));
		for (String candidate : new String[] { name, "coarse/" + name, "dataset/" + name }) {
			GroupResult g = s.group(candidate);
			if (g != null) return g;
		}
		return null;
	}
}
