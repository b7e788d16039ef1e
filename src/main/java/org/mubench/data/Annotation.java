package org.mubench.data;

/** A labelled shape of the release: a box {@code [x1, y1, x2, y2]} or a polygon {@code [x0, y0, x1, y1, …]}, pixels. */
public final class Annotation {
	public final String className;
	public final double[] points;

	public Annotation(String className, double[] points) {
		this.className = className;
		this.points = points;
	}
}
