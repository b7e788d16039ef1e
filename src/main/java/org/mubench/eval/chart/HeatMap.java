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

import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * A matrix of values as coloured cells with the value printed in each (models × tasks accuracies, confusion
 * matrices). Rows run top to bottom, columns left to right; NaN cells are grey and empty.
 */
public final class HeatMap implements ChartSource {
	public String title = "", rowAxisLabel = "", columnAxisLabel = "", scaleLabel = "";
	public String[] rows = new String[0], columns = new String[0];
	/** {@code values[row][column]}; NaN for no value. */
	public double[][] values = new double[0][0];
	/** Text per cell (null: none). */
	public String[][] text;
	public double min = 0, max = 100;

	/** Room for the row labels on the left and 62 px per column. */
	@Override
	public int width() {
		return Math.max(700, 200 + 7 * longest(rows) + 62 * columns.length);
	}

	/** 34 px per row, plus room for the column labels (written upwards when there are more than four). */
	@Override
	public int height() {
		return Math.max(420, 200 + 34 * rows.length + (columns.length > 4 ? 7 * longest(columns) : 20));
	}

	private static int longest(String[] labels) {
		int n = 0;
		for (String s : labels)
			n = Math.max(n, s.length());
		return n;
	}

	@Override
	public JFreeChart build() {
		int nr = rows.length, nc = columns.length;
		double[][] xyz = new double[3][nr * nc];
		for (int r = 0; r < nr; r++)
			for (int c = 0; c < nc; c++) {
				int i = r * nc + c;
				xyz[0][i] = c;
				xyz[1][i] = r;
				xyz[2][i] = values[r][c];
			}
		DefaultXYZDataset data = new DefaultXYZDataset();
		data.addSeries("values", xyz);
		XYBlockRenderer renderer = new XYBlockRenderer();
		Scale scale = new Scale(min, max > min ? max : min + 1);
		renderer.setPaintScale(scale);
		SymbolAxis x = new SymbolAxis(columnAxisLabel, columns);
		x.setVerticalTickLabels(nc > 4);
		x.setGridBandsVisible(false);
		SymbolAxis y = new SymbolAxis(rowAxisLabel, rows);
		y.setInverted(true);
		y.setGridBandsVisible(false);
		for (SymbolAxis a : new SymbolAxis[] { x, y }) {
			a.setLabelFont(ChartFiles.font(Font.PLAIN, 14));
			a.setTickLabelFont(ChartFiles.font(Font.PLAIN, 13));
		}
		XYPlot plot = new XYPlot(data, x, y, renderer);
		plot.setBackgroundPaint(Color.WHITE);
		plot.setDomainGridlinesVisible(false);
		plot.setRangeGridlinesVisible(false);
		if (text != null) {
			for (int r = 0; r < nr; r++)
				for (int c = 0; c < nc; c++) {
					if (text[r][c] == null) continue;
					XYTextAnnotation a = new XYTextAnnotation(text[r][c], c, r);
					a.setFont(ChartFiles.font(Font.PLAIN, 12));
					a.setPaint(luminance(scale.getPaint(values[r][c])) < 0.5 ? Color.WHITE : Palette.INK);
					plot.addAnnotation(a);
				}
		}
		JFreeChart chart = ChartFiles.titled(title, 18, plot, false);
		NumberAxis scaleAxis = new NumberAxis(scaleLabel);
		scaleAxis.setRange(scale.getLowerBound(), scale.getUpperBound());
		scaleAxis.setLabelFont(ChartFiles.font(Font.PLAIN, 13));
		PaintScaleLegend legend = new PaintScaleLegend(scale, scaleAxis);
		legend.setPosition(RectangleEdge.RIGHT);
		legend.setMargin(4, 10, 4, 10);
		legend.setStripWidth(14);
		chart.addSubtitle(legend);
		return chart;
	}

	private static double luminance(Paint p) {
		if (!(p instanceof Color)) return 1;
		Color c = (Color) p;
		return (0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue()) / 255;
	}

	/** White to dark blue; NaN grey. */
	private static final class Scale implements PaintScale {
		private final double lo, hi;

		Scale(double lo, double hi) {
			this.lo = lo;
			this.hi = hi;
		}

		@Override
		public double getLowerBound() {
			return lo;
		}

		@Override
		public double getUpperBound() {
			return hi;
		}

		@Override
		public Paint getPaint(double v) {
			if (Double.isNaN(v)) return Palette.MISSING;
			double t = Math.max(0, Math.min(1, (v - lo) / (hi - lo)));
			return new Color((int) Math.round(255 + t * (0x1f - 255)), (int) Math.round(255 + t * (0x3a - 255)),
				(int) Math.round(255 + t * (0x7a - 255)));
		}
	}
}
