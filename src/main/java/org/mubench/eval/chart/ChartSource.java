package org.mubench.eval.chart;

import org.jfree.chart.JFreeChart;

/** A chart description that can draw itself at its own size; callers outside this package need no JFreeChart types. */
public interface ChartSource {
	JFreeChart build();

	int width();

	int height();
}
