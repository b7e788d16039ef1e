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
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/**
 * Paired differences with their CIs as points and whiskers, one row per comparison, a line at zero; rows whose
 * (corrected) test is significant get their own colour.
 */
public final class DifferenceChart implements ChartSource {
	public String title = "", valueAxisLabel = "difference (percentage points)";
	public String significantLabel = "significant", otherLabel = "not significant";
	public final List<String> labels = new ArrayList<>();
	public final List<double[]> values = new ArrayList<>(); // {diff, low, high}
	public final List<Boolean> significant = new ArrayList<>();

	public void add(String label, double diff, double low, double high, boolean isSignificant) {
		labels.add(label);
		values.add(new double[] { diff, low, high });
		significant.add(isSignificant);
	}

	@Override
	public int width() {
		return 1200;
	}

	@Override
	public int height() {
		return 200 + 28 * Math.max(1, labels.size());
	}

	@Override
	public JFreeChart build() {
		XYIntervalSeries sig = new XYIntervalSeries(significantLabel), other = new XYIntervalSeries(otherLabel);
		double lo = 0, hi = 0;
		for (int i = 0; i < labels.size(); i++) {
			double[] v = values.get(i);
			(significant.get(i) ? sig : other).add(i, i, i, v[0], v[1], v[2]);
			lo = Math.min(lo, v[1]);
			hi = Math.max(hi, v[2]);
		}
		XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
		data.addSeries(sig);
		data.addSeries(other);
		XYErrorRenderer r = new XYErrorRenderer();
		r.setDrawXError(false);
		r.setDrawYError(true);
		r.setDefaultLinesVisible(false);
		r.setErrorStroke(new BasicStroke(1.6f));
		r.setCapLength(8);
		Color sigColour = Palette.colour(3), otherColour = Palette.colour(0);
		r.setSeriesPaint(0, sigColour);
		r.setSeriesPaint(1, otherColour);
		r.setSeriesShape(0, new Ellipse2D.Double(-5, -5, 10, 10));
		r.setSeriesShape(1, new Ellipse2D.Double(-5, -5, 10, 10));
		SymbolAxis rowsAxis = new SymbolAxis(null, labels.toArray(new String[0]));
		rowsAxis.setInverted(true);
		rowsAxis.setGridBandsVisible(false);
		rowsAxis.setTickLabelFont(ChartFiles.font(Font.PLAIN, 13));
		NumberAxis value = new NumberAxis(valueAxisLabel);
		double pad = Math.max(1, (hi - lo) * 0.05);
		value.setRange(lo - pad, hi + pad);
		value.setLabelFont(ChartFiles.font(Font.PLAIN, 14));
		value.setTickLabelFont(ChartFiles.font(Font.PLAIN, 13));
		XYPlot plot = new XYPlot(data, rowsAxis, value, r);
		plot.setOrientation(PlotOrientation.HORIZONTAL);
		plot.setBackgroundPaint(Color.WHITE);
		plot.setRangeGridlinePaint(Palette.GRID);
		plot.setDomainGridlinesVisible(false);
		plot.addRangeMarker(new ValueMarker(0, Palette.INK, new BasicStroke(1.2f)));
		JFreeChart chart = ChartFiles.titled(title, 18, plot, true);
		return chart;
	}
}
