package org.mubench.eval.detect;

/**
 * Width and height read from an encoded image's header (PNG IHDR, JPEG SOF), so boxes can be scaled without decoding
 * pixels. (The image layer's decoder had not landed when this was written; header parsing is all detection needs.)
 */
public final class ImageSize {
	public final int width, height;

	public ImageSize(int width, int height) {
		this.width = width;
		this.height = height;
	}

	/** The size, or null when the bytes are not a PNG or JPEG with a readable header. */
	public static ImageSize read(byte[] b) {
		if (b == null) return null;
		if (b.length >= 24 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[12] == 'I'
			&& b[13] == 'H' && b[14] == 'D' && b[15] == 'R') {
			int w = int32(b, 16), h = int32(b, 20);
			return w > 0 && h > 0 ? new ImageSize(w, h) : null;
		}
		if (b.length >= 4 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8) return jpeg(b);
		return null;
	}

	private static ImageSize jpeg(byte[] b) {
		int i = 2;
		while (i + 9 < b.length) {
			if ((b[i] & 0xff) != 0xFF) return null;
			int marker = b[i + 1] & 0xff;
			if (marker == 0xFF) {
				i++;
				continue;
			}
			int len = ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
			// SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
			if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
				int h = ((b[i + 5] & 0xff) << 8) | (b[i + 6] & 0xff);
				int w = ((b[i + 7] & 0xff) << 8) | (b[i + 8] & 0xff);
				return w > 0 && h > 0 ? new ImageSize(w, h) : null;
			}
			if (len < 2) return null;
			i += 2 + len;
		}
		return null;
	}

	private static int int32(byte[] b, int o) {
		return ((b[o] & 0xff) << 24) | ((b[o + 1] & 0xff) << 16) | ((b[o + 2] & 0xff) << 8) | (b[o + 3] & 0xff);
	}

	@Override
	public String toString() {
		return width + "x" + height;
	}
}
