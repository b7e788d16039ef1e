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
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Lines with shaded confidence bands over a numeric x axis (e.g. accuracy against the interpolation weight α of a
 * sweep), and an optional dashed horizontal reference line (chance). Values on the y axis are percentages unless
 * {@link #yMax} says otherwise.
 */
public final class LineBandChart implements ChartSource {
	public static final class Series {
		public final String name;
		public final double[] x, y, low, high;
		/** Index into {@link Palette#colour}. */
		public final int colour;

		/** {@code low}/{@code high} may be null for a series without a band. */
		public Series(String name, double[] x, double[] y, double[] low, double[] high, int colour) {
			if (x.length != y.length || (low != null && low.length != x.length) ||
				(high != null && high.length != x.length))
				throw new IllegalArgumentException("series " + name + ": x, y and band lengths differ");
			this.name = name;
			this.x = x;
			this.y = y;
			this.low = low;
			this.high = high;
			this.colour = colour;
		}
	}

	public String title = "", xLabel = "", yLabel = "Accuracy (%)";
	public double xMin = 0, xMax = 1, yMin = 0, yMax = 100;
	public Double baseline;
	public String baselineLabel = "random baseline";
	public final List<Series> series = new ArrayList<>();

	public static final int WIDTH = 1100, HEIGHT = 700;

	@Override
	public int width() {
		return WIDTH;
	}

	@Override
	public int height() {
		return HEIGHT;
	}

	@Override
	public JFreeChart build() {
		YIntervalSeriesCollection data = new YIntervalSeriesCollection();
		DeviationRenderer r = new DeviationRenderer(true, true);
		r.setAlpha(0.22f);
		for (int i = 0; i < series.size(); i++) {
			Series s = series.get(i);
			YIntervalSeries ys = new YIntervalSeries(s.name + (s.low != null ? " (band: 95% CI)" : ""), false, true);
			for (int j = 0; j < s.x.length; j++)
				ys.add(s.x[j], s.y[j], s.low == null ? s.y[j] : s.low[j], s.high == null ? s.y[j] : s.high[j]);
			data.addSeries(ys);
			r.setSeriesPaint(i, Palette.colour(s.colour));
			r.setSeriesFillPaint(i, Palette.colour(s.colour));
			r.setSeriesStroke(i, new BasicStroke(2.5f));
			r.setSeriesShape(i, new Rectangle2D.Double(-4, -4, 8, 8));
		}
		NumberAxis x = new NumberAxis(xLabel);
		x.setRange(xMin, xMax > xMin ? xMax : xMin + 1);
		NumberAxis y = new NumberAxis(yLabel);
		y.setRange(yMin, yMax);
		for (NumberAxis a : new NumberAxis[] { x, y }) {
			a.setLabelFont(ChartFiles.font(Font.PLAIN, 14));
			a.setTickLabelFont(ChartFiles.font(Font.PLAIN, 13));
		}
		XYPlot plot = new XYPlot(data, x, y, r);
		plot.setBackgroundPaint(Color.WHITE);
		plot.setDomainGridlinePaint(Palette.GRID);
		plot.setRangeGridlinePaint(Palette.GRID);
		if (baseline != null) {
			ValueMarker m = new ValueMarker(baseline, Palette.BASELINE, Palette.DASHED);
			m.setLabel(baselineLabel);
			m.setLabelFont(ChartFiles.font(Font.PLAIN, 13));
			m.setLabelPaint(Palette.BASELINE);
			m.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.BOTTOM_RIGHT);
			m.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.TOP_RIGHT);
			plot.addRangeMarker(m);
		}
		JFreeChart chart = ChartFiles.titled(title, 20, plot, true);
		return chart;
	}
}
