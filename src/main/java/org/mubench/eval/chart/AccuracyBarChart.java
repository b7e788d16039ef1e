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
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Horizontal bars with CI whiskers, one row per category (long task names stay readable on the left), the value, its
 * interval and the paper's "± h" printed after each bar, and an optional chance level per bar drawn as a dashed mark across its row.
 * Values are percentages.
 */
public final class AccuracyBarChart implements ChartSource {
	/**
	 * One bar. {@code low}/{@code high}/{@code halfWidth} may be NaN, {@code chance} null; {@code colour} is an index
	 * into {@link Palette#colour} (callers need no Java2D types).
	 */
	public static final class Bar {
		public final String label;
		public final double value, low, high, halfWidth;
		public final Double chance;
		public final int colour;

		public Bar(String label, double value, double low, double high, double halfWidth, Double chance, int colour) {
			this.label = label;
			this.value = value;
			this.low = low;
			this.high = high;
			this.halfWidth = halfWidth;
			this.chance = chance;
			this.colour = colour;
		}
	}

	public String title = "", subtitle, valueAxisLabel = "Accuracy (%)";
	public double max = 100;
	public final List<Bar> bars = new ArrayList<>();
	/** Legend: colour boxes, then the CI whisker and the chance mark when any bar has them. */
	public final List<String> legendLabels = new ArrayList<>();
	public final List<Integer> legendColours = new ArrayList<>();
	public String chanceLabel = "random baseline (mean of 1/#options)";

	@Override
	public int width() {
		return 1400;
	}

	/** Height that gives each bar a readable row. */
	@Override
	public int height() {
		return 170 + 30 * Math.max(1, bars.size());
	}

	@Override
	public JFreeChart build() {
		DefaultCategoryDataset data = new DefaultCategoryDataset();
		for (int i = 0; i < bars.size(); i++)
			data.addValue(bars.get(i).value, "accuracy", new RowKey(i, bars.get(i).label));
		CategoryAxis categories = new CategoryAxis();
		categories.setTickLabelFont(ChartFiles.font(Font.PLAIN, 14));
		categories.setCategoryMargin(0.25);
		categories.setMaximumCategoryLabelWidthRatio(0.5f);
		NumberAxis values = new TrimmedAxis(valueAxisLabel, max);
		values.setRange(0, max * 1.35);
		values.setLabelFont(ChartFiles.font(Font.PLAIN, 14));
		values.setTickLabelFont(ChartFiles.font(Font.PLAIN, 13));
		CiRenderer renderer = new CiRenderer();
		CategoryPlot plot = new CategoryPlot(data, categories, values, renderer);
		plot.setOrientation(PlotOrientation.HORIZONTAL);
		plot.setBackgroundPaint(Color.WHITE);
		plot.setRangeGridlinePaint(Palette.GRID);
		plot.setOutlineVisible(false);
		LegendItemCollection legend = new LegendItemCollection();
		for (int i = 0; i < legendLabels.size(); i++)
			legend.add(new LegendItem(legendLabels.get(i), Palette.colour(legendColours.get(i))));
		boolean anyCi = false, anyChance = false;
		for (Bar b : bars) {
			anyCi |= !Double.isNaN(b.low);
			anyChance |= b.chance != null;
		}
		if (anyCi) legend.add(new LegendItem("95% CI", null, null, null, new Line2D.Double(-10, 0, 10, 0),
			Palette.WHISKER, Palette.INK));
		if (anyChance) legend.add(new LegendItem(chanceLabel, null, null, null, new Line2D.Double(-10, 0, 10, 0),
			Palette.DASHED, Palette.BASELINE));
		plot.setFixedLegendItems(legend);
		JFreeChart chart = ChartFiles.titled(title, 20, plot, true);
		if (subtitle != null) chart.addSubtitle(new TextTitle(subtitle, ChartFiles.font(Font.PLAIN, 14)));
		return chart;
	}

	/** Category key: unique by position, shown by label (two bars may share a label). */
	private static final class RowKey implements Comparable<RowKey> {
		final int index;
		final String label;

		RowKey(int index, String label) {
			this.index = index;
			this.label = label;
		}

		@Override
		public int compareTo(RowKey o) {
			return Integer.compare(index, o.index);
		}

		@Override
		public boolean equals(Object o) {
			return o instanceof RowKey && ((RowKey) o).index == index;
		}

		@Override
		public int hashCode() {
			return index;
		}

		@Override
		public String toString() {
			return label;
		}
	}

	/** A value axis whose ticks stop at {@code max}: the room to the right is for the printed values. */
	private static final class TrimmedAxis extends NumberAxis {
		private static final long serialVersionUID = 1L;
		private final double max;

		TrimmedAxis(String label, double max) {
			super(label);
			this.max = max;
		}

		@Override
		@SuppressWarnings("rawtypes")
		public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
			List<?> all = super.refreshTicks(g2, state, dataArea, edge);
			List<Object> kept = new ArrayList<>();
			for (Object t : all)
				if (!(t instanceof ValueTick) || ((ValueTick) t).getValue() <= max + 1e-9) kept.add(t);
			return kept;
		}
	}

	/** Bars coloured per row, with whisker, chance mark and printed value drawn over each bar. */
	private final class CiRenderer extends BarRenderer {
		private static final long serialVersionUID = 1L;

		CiRenderer() {
			setBarPainter(new StandardBarPainter());
			setShadowVisible(false);
			setDrawBarOutline(false);
			setMaximumBarWidth(0.8);
		}

		@Override
		public Paint getItemPaint(int row, int column) {
			return Palette.colour(bars.get(column).colour);
		}

		@Override
		public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea, CategoryPlot plot,
			CategoryAxis domainAxis, ValueAxis rangeAxis, CategoryDataset dataset, int row, int column, int pass)
		{
			super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
			if (pass != getPassCount() - 1) return;
			Bar b = bars.get(column);
			RectangleEdge valueEdge = plot.getRangeAxisEdge();
			double mid = domainAxis.getCategoryMiddle(column, dataset.getColumnCount(), dataArea,
				plot.getDomainAxisEdge());
			double half = state.getBarWidth() / 2;
			Shape oldClip = g2.getClip();
			g2.setPaint(Palette.INK);
			g2.setStroke(Palette.WHISKER);
			double xEnd = rangeAxis.valueToJava2D(b.value, dataArea, valueEdge);
			if (!Double.isNaN(b.low) && !Double.isNaN(b.high)) {
				double xl = rangeAxis.valueToJava2D(b.low, dataArea, valueEdge);
				double xh = rangeAxis.valueToJava2D(b.high, dataArea, valueEdge);
				g2.draw(new Line2D.Double(xl, mid, xh, mid));
				g2.draw(new Line2D.Double(xl, mid - half * 0.7, xl, mid + half * 0.7));
				g2.draw(new Line2D.Double(xh, mid - half * 0.7, xh, mid + half * 0.7));
				xEnd = Math.max(xEnd, xh);
			}
			if (b.chance != null) {
				double xc = rangeAxis.valueToJava2D(b.chance, dataArea, valueEdge);
				g2.setPaint(Palette.BASELINE);
				g2.setStroke(Palette.DASHED);
				g2.draw(new Line2D.Double(xc, mid - half * 1.3, xc, mid + half * 1.3));
			}
			// The interval itself (it is not symmetric), then the paper's "± h" (h = value − the 2.5th percentile).
			String text = String.format(Locale.ROOT, "%.2f", b.value);
			if (!Double.isNaN(b.low) && !Double.isNaN(b.high))
				text += String.format(Locale.ROOT, " [%.2f – %.2f]", b.low, b.high);
			if (!Double.isNaN(b.halfWidth)) text += String.format(Locale.ROOT, "  paper ± %.2f", b.halfWidth);
			g2.setPaint(Palette.INK);
			g2.setFont(ChartFiles.font(Font.PLAIN, 13));
			g2.drawString(text, (float) (xEnd + 8), (float) (mid + g2.getFontMetrics().getAscent() / 2.0 - 1));
			g2.setClip(oldClip);
		}
	}
}
