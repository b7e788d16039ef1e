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
package org.mubench.eval.detect;

import java.util.Locale;

/**
 * An axis-aligned box {@code [x1, y1, x2, y2]} in pixels (x to the right, y down, x2/y2 exclusive edges as real
 * numbers). A box with {@code x2 <= x1} or {@code y2 <= y1} is degenerate: its area is 0 and it overlaps nothing.
 */
public final class Box {
	public final double x1, y1, x2, y2;

	public Box(double x1, double y1, double x2, double y2) {
		this.x1 = x1;
		this.y1 = y1;
		this.x2 = x2;
		this.y2 = y2;
	}

	/** A box from {@code [x1, y1, x2, y2]}; throws {@link IllegalArgumentException} for another length. */
	public static Box of(double[] xyxy) {
		if (xyxy == null || xyxy.length != 4)
			throw new IllegalArgumentException("a box needs 4 numbers [x1, y1, x2, y2], got "
				+ (xyxy == null ? "none" : xyxy.length));
		return new Box(xyxy[0], xyxy[1], xyxy[2], xyxy[3]);
	}

	public double width() {
		return x2 - x1;
	}

	public double height() {
		return y2 - y1;
	}

	/** Area, 0 when degenerate (GRIT's rule). */
	public double area() {
		if (!(x2 > x1) || !(y2 > y1)) return 0;
		return (x2 - x1) * (y2 - y1);
	}

	/** Area of the overlap of two boxes (0 when either is degenerate or they do not touch). */
	public static double intersection(Box a, Box b) {
		if (a.area() == 0 || b.area() == 0) return 0;
		double w = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1);
		double h = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1);
		if (!(w > 0) || !(h > 0)) return 0;
		return w * h;
	}

	/** μ-Bench's IoU: inter / (areaA + areaB − inter + 1e-6); the 1e-6 keeps two empty boxes at 0. */
	public static double iou(Box a, Box b) {
		double inter = intersection(a, b);
		return inter / (a.area() + b.area() - inter + 1e-6);
	}

	public double[] toArray() {
		return new double[] { x1, y1, x2, y2 };
	}

	@Override
	public boolean equals(Object o) {
		if (!(o instanceof Box)) return false;
		Box b = (Box) o;
		return Double.compare(x1, b.x1) == 0 && Double.compare(y1, b.y1) == 0 && Double.compare(x2, b.x2) == 0
			&& Double.compare(y2, b.y2) == 0;
	}

	@Override
	public int hashCode() {
		return java.util.Arrays.hashCode(toArray());
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "[%g, %g, %g, %g]", x1, y1, x2, y2);
	}
}
