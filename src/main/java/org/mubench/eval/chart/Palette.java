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
