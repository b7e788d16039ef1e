package org.mubench.eval.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.mubench.image.PngEncoder;

/** An RGB raster with the few drawing operations charts need (no AWT). Colours are {@code 0xRRGGBB}. */
public final class PixelCanvas {
	public final int width, height;
	private final int[] px;

	public PixelCanvas(int width, int height, int background) {
		if (width <= 0 || height <= 0) throw new IllegalArgumentException("canvas size " + width + "x" + height);
		this.width = width;
		this.height = height;
		px = new int[width * height];
		java.util.Arrays.fill(px, background & 0xffffff);
	}

	public int get(int x, int y) {
		return px[y * width + x];
	}

	public void set(int x, int y, int rgb) {
		if (x >= 0 && y >= 0 && x < width && y < height) px[y * width + x] = rgb & 0xffffff;
	}

	/** Mixes {@code rgb} over the pixel with opacity {@code alpha} in [0, 1]. */
	public void blend(int x, int y, int rgb, double alpha) {
		if (x < 0 || y < 0 || x >= width || y >= height) return;
		int o = px[y * width + x];
		int r = mix((o >> 16) & 0xff, (rgb >> 16) & 0xff, alpha);
		int g = mix((o >> 8) & 0xff, (rgb >> 8) & 0xff, alpha);
		int b = mix(o & 0xff, rgb & 0xff, alpha);
		px[y * width + x] = (r << 16) | (g << 8) | b;
	}

	private static int mix(int a, int b, double t) {
		return (int) Math.round(a + (b - a) * t);
	}

	public void fillRect(int x, int y, int w, int h, int rgb) {
		for (int yy = Math.max(0, y); yy < Math.min(height, y + h); yy++)
			for (int xx = Math.max(0, x); xx < Math.min(width, x + w); xx++)
				px[yy * width + xx] = rgb & 0xffffff;
	}

	public void blendRect(int x, int y, int w, int h, int rgb, double alpha) {
		for (int yy = Math.max(0, y); yy < Math.min(height, y + h); yy++)
			for (int xx = Math.max(0, x); xx < Math.min(width, x + w); xx++)
				blend(xx, yy, rgb, alpha);
	}

	public void strokeRect(int x, int y, int w, int h, int rgb) {
		fillRect(x, y, w, 1, rgb);
		fillRect(x, y + h - 1, w, 1, rgb);
		fillRect(x, y, 1, h, rgb);
		fillRect(x + w - 1, y, 1, h, rgb);
	}

	/** A straight line (Bresenham) drawn with a square pen of the given thickness. */
	public void line(int x0, int y0, int x1, int y1, int rgb, int thickness) {
		int dx = Math.abs(x1 - x0), dy = -Math.abs(y1 - y0);
		int sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1;
		int err = dx + dy;
		int off = (thickness - 1) / 2;
		while (true) {
			fillRect(x0 - off, y0 - off, thickness, thickness, rgb);
			if (x0 == x1 && y0 == y1) break;
			int e2 = 2 * err;
			if (e2 >= dy) {
				err += dy;
				x0 += sx;
			}
			if (e2 <= dx) {
				err += dx;
				y0 += sy;
			}
		}
	}

	/** A dashed line: {@code dash} pixels on, {@code gap} off, measured along the line. */
	public void dashedLine(int x0, int y0, int x1, int y1, int rgb, int thickness, int dash, int gap) {
		double len = Math.hypot(x1 - x0, y1 - y0);
		if (len == 0) {
			line(x0, y0, x1, y1, rgb, thickness);
			return;
		}
		for (double t = 0; t < len; t += dash + gap) {
			double t1 = Math.min(len, t + dash - 1);
			line((int) Math.round(x0 + (x1 - x0) * t / len), (int) Math.round(y0 + (y1 - y0) * t / len),
				(int) Math.round(x0 + (x1 - x0) * t1 / len), (int) Math.round(y0 + (y1 - y0) * t1 / len), rgb,
				thickness);
		}
	}

	/** Draws text with its top-left corner at (x, y). */
	public void text(int x, int y, String s, int rgb, int scale) {
		for (int i = 0; i < s.length(); i++) {
			int gx = x + i * BitmapFont.ADVANCE * scale;
			int gy = y + BitmapFont.drop(s.charAt(i)) * scale;
			for (int r = 0; r < BitmapFont.HEIGHT; r++)
				for (int c = 0; c < BitmapFont.WIDTH; c++)
					if (BitmapFont.ink(s.charAt(i), c, r)) fillRect(gx + c * scale, gy + r * scale, scale, scale, rgb);
		}
	}

	/** Text rotated 90° counter-clockwise (reading bottom to top); (x, y) is the bottom-left corner. */
	public void textUp(int x, int y, String s, int rgb, int scale) {
		for (int i = 0; i < s.length(); i++) {
			int gy = y - i * BitmapFont.ADVANCE * scale;
			int gx = x + BitmapFont.drop(s.charAt(i)) * scale;
			for (int r = 0; r < BitmapFont.HEIGHT; r++)
				for (int c = 0; c < BitmapFont.WIDTH; c++)
					if (BitmapFont.ink(s.charAt(i), c, r))
						fillRect(gx + r * scale, gy - (c + 1) * scale, scale, scale, rgb);
		}
	}

	public void textCentered(int cx, int y, String s, int rgb, int scale) {
		text(cx - BitmapFont.width(s, scale) / 2, y, s, rgb, scale);
	}

	public void textRight(int right, int y, String s, int rgb, int scale) {
		text(right - BitmapFont.width(s, scale), y, s, rgb, scale);
	}

	public byte[] toPng() {
		return PngEncoder.rgb8(width, height, px);
	}

	public void writePng(Path file) throws IOException {
		Files.write(file, toPng());
	}
}
