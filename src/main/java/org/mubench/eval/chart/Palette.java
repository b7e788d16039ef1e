package org.mubench.eval.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Stroke;

/** Colours and strokes shared by every chart. */
public final class Palette {
	private Palette() {}

	public static final Color INK = new Color(0x222222), GRID = new Color(0xd8d8d8), BASELINE = new Color(0xb22222),
		MISSING = new Color(0xeeeeee);
	/** A colour-blind-friendly categorical palette. */
	private static final Color[] CATEGORICAL = { new Color(0x4c72b0), new Color(0xdd8452), new Color(0x55a868),
		new Color(0xc44e52), new Color(0x8172b3), new Color(0x937860), new Color(0xda8bc3), new Color(0x8c8c8c) };

	/** The {@code i}-th categorical colour (cycling). */
	public static Color colour(int i) {
		return CATEGORICAL[Math.floorMod(i, CATEGORICAL.length)];
	}

	public static final Stroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
		new float[] { 8f, 5f }, 0f);
	public static final Stroke WHISKER = new BasicStroke(1.6f);
}
