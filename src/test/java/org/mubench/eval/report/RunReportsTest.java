package org.mubench.eval.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

		// Every table row "| name | n | a ± h | lo – hi | chance |" must match its group in summary.json.
		String md = new String(Files.readAllBytes(dir.resolve("report.md")), StandardCharsets.UTF_8);
		Pattern row = Pattern.compile(
			"^\\| ([^|]+) \\| (\\d+) \\| ([0-9.]+) ± ([0-9.]+) \\| ([-0-9.]+) – ([-0-9.]+) \\| ([0-9.–]+) \\|$",
			Pattern.MULTILINE);
		Matcher m = row.matcher(md);
		Set<String> seen = new HashSet<>();
		while (m.find()) {
			GroupResult g = find(back, m.group(1));
			assertNotNull(g, "report row without a group: " + m.group(0));
			seen.add(g.group);
			assertEquals(g.n, Long.parseLong(m.group(2)), g.group);
			assertEquals(RunReports.pct(g.accuracy), m.group(3), g.group);
			assertEquals(RunReports.pct(g.halfWidth), m.group(4), g.group);
			assertEquals(RunReports.pct(g.ciLow), m.group(5), g.group);
			assertEquals(RunReports.pct(g.ciHigh), m.group(6), g.group);
			assertEquals(RunReports.pct(g.chance), m.group(7), g.group);
		}
		for (GroupResult g : back.groups)
			if (g.hasAccuracy()) assertTrue(seen.contains(g.group), "group missing from report.md: " + g.group);
		// The paper-form summary row.
		String expected = "| tiny | " + RunReports.accPm(back.group("coarse_paper")) + " | " +
			RunReports.accPm(back.group("fine_paper")) + " | – | " + RunReports.accPm(back.group("coarse")) + " | " +
			RunReports.accPm(back.group("fine")) + " |";
		assertTrue(md.contains(expected), expected);

		// summary.csv has the same rows.
		List<String> csv = Files.readAllLines(dir.resolve("summary.csv"));
		assertEquals(back.groups.size() + 1, csv.size());
		String[] coarse = csv.get(1).split(",");
		assertEquals("coarse_paper", coarse[0]);
		assertEquals(back.group("coarse_paper").ciLow, Double.parseDouble(coarse[4]), 0.0);

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
