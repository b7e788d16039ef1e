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

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.graphics2d.svg.SVGGraphics2D;

/**
 * Writes a chart as PNG (for reports and Fiji) and SVG beside it (vector, text kept as text so μ and ± are searchable).
 * This package is the one place below fiji/cli that draws with Java2D; it never opens a window.
 */
public final class ChartFiles {
	private ChartFiles() {}

	/** A sans-serif family that has μ, ± and α: DejaVu Sans when installed (Debian: fonts-dejavu-core), else the JDK's. */
	public static final String FONT_FAMILY = pickFamily();

	private static String pickFamily() {
		try {
			String[] names = GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames();
			if (Arrays.asList(names).contains("DejaVu Sans")) return "DejaVu Sans";
		}
		catch (RuntimeException | Error e) {
			// No font configuration at all: fall through to the logical font, which Java maps to whatever exists.
		}
		return Font.SANS_SERIF;
	}

	public static Font font(int style, int size) {
		return new Font(FONT_FAMILY, style, size);
	}

	/** A chart with the common look: bold title, white background, legend (when wanted) on top. */
	static JFreeChart titled(String title, int titleSize, org.jfree.chart.plot.Plot plot, boolean legend) {
		JFreeChart chart = new JFreeChart(title, font(Font.BOLD, titleSize), plot, legend);
		chart.setBackgroundPaint(java.awt.Color.WHITE);
		if (legend) {
			chart.getLegend().setItemFont(font(Font.PLAIN, 14));
			chart.getLegend().setPosition(org.jfree.chart.ui.RectangleEdge.TOP);
		}
		return chart;
	}

	/** Writes {@code png} and the SVG of the same chart beside it ({@code x.png} → {@code x.svg}). */
	public static void write(JFreeChart chart, Path png, int width, int height) throws IOException {
		Path parent = png.toAbsolutePath().getParent();
		if (parent != null) Files.createDirectories(parent);
		Files.write(png, png(chart, width, height));
		Files.write(svgPathOf(png), svg(chart, width, height).getBytes(StandardCharsets.UTF_8));
	}

	/** Writes {@code png} and the SVG beside it at the chart's own size. */
	public static void write(ChartSource chart, Path png) throws IOException {
		write(chart.build(), png, chart.width(), chart.height());
	}

	public static byte[] png(ChartSource chart) throws IOException {
		return png(chart.build(), chart.width(), chart.height());
	}

	public static String inlineSvg(ChartSource chart, String id) {
		return inlineSvg(chart.build(), chart.width(), chart.height(), id);
	}

	/** The SVG file written beside a PNG. */
	public static Path svgPathOf(Path png) {
		String name = png.getFileName().toString();
		int dot = name.lastIndexOf('.');
		return png.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".svg");
	}

	public static byte[] png(JFreeChart chart, int width, int height) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ChartUtils.writeChartAsPNG(out, chart, width, height);
		return out.toByteArray();
	}

	/** A standalone SVG document (with XML header) of the chart. */
	public static String svg(JFreeChart chart, int width, int height) {
		SVGGraphics2D g = new SVGGraphics2D(width, height);
		chart.draw(g, new Rectangle(0, 0, width, height));
		return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + g.getSVGElement();
	}

	/** The SVG element alone, for inlining into an HTML page; {@code id} keeps clip-path ids unique per page. */
	public static String inlineSvg(JFreeChart chart, int width, int height, String id) {
		SVGGraphics2D g = new SVGGraphics2D(width, height);
		g.setDefsKeyPrefix(id + "_");
		chart.draw(g, new Rectangle(0, 0, width, height));
		return g.getSVGElement(id);
	}
}
