package org.mubench.eval.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.mubench.eval.score.Scorer;
import org.mubench.eval.score.Summary;
import org.mubench.eval.score.SyntheticPredictions;

class ChartsTest {
	@Test
	void ticksAreRound() {
		assertEquals(Arrays.asList(0.0, 10.0, 20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0, 90.0, 100.0),
			Charts.ticks(0, 100, 10));
		assertEquals(11, Charts.ticks(0, 1, 10).size());
		assertEquals("0.3", Charts.tickLabel(0.30000000000000004, 0.1));
		assertEquals("0.25", Charts.tickLabel(0.25, 0.25));
		assertEquals("40", Charts.tickLabel(40, 10));
	}

	@Test
	void textIsDrawnWhereExpected() {
		PixelCanvas c = new PixelCanvas(40, 20, 0xffffff);
		c.text(1, 1, "I", 0x000000, 1);
		// 'I' = ".###." on the top row: columns 1..3 of the glyph.
		assertEquals(0xffffff, c.get(1, 1));
		assertEquals(0x000000, c.get(2, 1));
		assertEquals(0x000000, c.get(4, 1));
		assertEquals(0xffffff, c.get(5, 1));
		assertEquals(0x000000, c.get(3, 4));
		assertEquals(11, BitmapFont.width("ab", 1));
	}

	@Test
	void sweepChartPlotsEverySummary() throws IOException {
		List<Summary> summaries = new ArrayList<>();
		double[] alphas = { 0, 0.5, 1 };
		for (int i = 0; i < alphas.length; i++)
			summaries.add(new Scorer(199, 1).score(SyntheticPredictions.make(30 + 10 * i, i, 1), "m", null));
		PixelCanvas c = SweepChart.render("accuracy vs alpha", "alpha", alphas, summaries,
			Arrays.asList("coarse", "fine"));
		BufferedImage img = ImageIO.read(new ByteArrayInputStream(c.toPng()));
		int first = 0, second = 0;
		for (int y = 0; y < img.getHeight(); y++)
			for (int x = 0; x < img.getWidth(); x++) {
				int rgb = img.getRGB(x, y) & 0xffffff;
				if (rgb == Charts.PALETTE[0]) first++;
				if (rgb == Charts.PALETTE[1]) second++;
			}
		assertTrue(first > 500 && second > 500, first + " " + second);
		assertThrows(IllegalArgumentException.class, () -> SweepChart.render("t", "a", alphas, summaries,
			Arrays.asList("cognition")));
	}
}
