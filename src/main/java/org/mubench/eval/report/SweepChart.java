package org.mubench.eval.report;

import java.util.List;

import org.mubench.eval.score.GroupResult;
import org.mubench.eval.score.Summary;

/**
 * Accuracy against a numeric parameter (e.g. the interpolation weight α of {@code sweep}), one line with a CI band per
 * summary group, from one {@link Summary} per parameter value. The dashed baseline is the chance level of the first
 * group (mean of 1/number of options).
 */
public final class SweepChart {
	private SweepChart() {}

	/**
	 * @param xs the parameter value of each summary (same order as {@code summaries})
	 * @param groups group names to plot ({@code coarse}, {@code fine_paper}, …); a group missing from a summary is an
	 *          error naming it
	 */
	public static PixelCanvas render(String title, String xLabel, double[] xs, List<Summary> summaries,
		List<String> groups)
	{
		if (xs.length != summaries.size())
			throw new IllegalArgumentException(xs.length + " parameter values but " + summaries.size() + " summaries");
		if (xs.length == 0) throw new IllegalArgumentException("nothing to plot");
		LineChart c = new LineChart();
		c.title = title;
		c.xLabel = xLabel;
		double lo = xs[0], hi = xs[0];
		for (double x : xs) {
			lo = Math.min(lo, x);
			hi = Math.max(hi, x);
		}
		c.xMin = lo;
		c.xMax = hi > lo ? hi : lo + 1;
		for (int gi = 0; gi < groups.size(); gi++) {
			String g = groups.get(gi);
			double[] y = new double[xs.length], l = new double[xs.length], h = new double[xs.length];
			for (int i = 0; i < xs.length; i++) {
				GroupResult r = summaries.get(i).group(g);
				if (r == null || !r.hasAccuracy())
					throw new IllegalArgumentException("group " + g + " is missing from the summary for x = " + xs[i]);
				y[i] = r.accuracy * 100;
				l[i] = r.ciLow * 100;
				h[i] = r.ciHigh * 100;
				if (gi == 0 && i == 0 && r.chance != null) c.baseline = r.chance * 100;
			}
			c.series.add(new LineChart.Series(g, xs, y, l, h, Charts.PALETTE[gi % Charts.PALETTE.length]));
		}
		if (c.baseline != null) c.baselineLabel = "chance (" + groups.get(0) + ")";
		return c.render();
	}
}
