package org.mubench.eval.sweep;

/** An RGB pixel buffer with the few drawing operations a line chart needs (no AWT below the UI layers). */
final class Raster {
	final int width, height;
	final int[] rgb;

	Raster(int width, int height, int background) {
		this.width = width;
		this.height = height;
		rgb = new int[width * height];
		java.util.Arrays.fill(rgb, background);
	}

	void set(int x, int y, int c) {
		if (x >= 0 && y >= 0 && x < width && y < height) rgb[y * width + x] = c;
	}

	/** Mixes {@code c} over the pixel with opacity {@code a} (for translucent CI bands). */
	void blend(int x, int y, int c, double a) {
		if (x < 0 || y < 0 || x >= width || y >= height) return;
		int o = rgb[y * width + x];
		int r = (int) Math.round(((o >> 16) & 255) * (1 - a) + ((c >> 16) & 255) * a);
		int g = (int) Math.round(((o >> 8) & 255) * (1 - a) + ((c >> 8) & 255) * a);
		int b = (int) Math.round((o & 255) * (1 - a) + (c & 255) * a);
		rgb[y * width + x] = (r << 16) | (g << 8) | b;
	}

	void fill(int x, int y, int w, int h, int c) {
		for (int j = y; j < y + h; j++)
			for (int i = x; i < x + w; i++) set(i, j, c);
	}

	/** A line of the given thickness (square brush stepped along the longer axis). */
	void line(int x0, int y0, int x1, int y1, int c, int thickness) {
		int steps = Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0));
		int half = thickness / 2;
		for (int s = 0; s <= steps; s++) {
			double t = steps == 0 ? 0 : (double) s / steps;
			int x = (int) Math.round(x0 + (x1 - x0) * t), y = (int) Math.round(y0 + (y1 - y0) * t);
			fill(x - half, y - half, thickness, thickness, c);
		}
	}
}
