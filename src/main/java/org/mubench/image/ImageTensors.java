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
package org.mubench.image;

import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.converter.Converters;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.IntegerType;
import net.imglib2.type.numeric.RealType;

/**
 * The one conversion path from images to model input. Every image — PNG bytes of a dataset row, or any imglib2 image
 * from Fiji — becomes 8-bit RGB first (contrast mapping for deeper data per {@link PreprocessConfig#contrast}), and
 * then goes through the same steps as Hugging Face's CLIPImageProcessor with PIL: resize of the shorter side with
 * PIL-exact bicubic ({@link PilResize}), centre crop ({@link ResizeGeometry}), ×{@code rescaleFactor}, (x − mean) / std,
 * and out as a C-order float tensor [3, H, W] (channel-major).
 * <p>
 * The imglib2 view is read once into plain arrays; all arithmetic then runs on arrays. Grey images are resized as one
 * channel and copied to three at the end (PIL's resampling treats channels independently, so this is exact). Thread-safe.
 */
public final class ImageTensors {
	private ImageTensors() {}

	/** An 8-bit image, pixel-interleaved, with 1 (grey) or 3 (RGB) channels. */
	static final class Image8 {
		final byte[] data;
		final int width, height, channels;

		Image8(byte[] data, int width, int height, int channels) {
			this.data = data;
			this.width = width;
			this.height = height;
			this.channels = channels;
		}
	}

	// ---------------------------------------------------------------- encoded images (dataset rows)

	/**
	 * PNG bytes of a dataset row to the model's input tensor.
	 *
	 * @param itemName names the row in error messages, e.g. "row 12 (kather_et_al_2016, image_id X)"
	 * @throws ImageDecodeException when the bytes are not a decodable PNG
	 */
	public static float[] fromEncoded(byte[] bytes, String itemName, PreprocessConfig cfg) {
		return encodedToTensor(bytes, itemName, cfg, null, 0, null, null);
	}

	/**
	 * True when the file's own Pillow mode decides how it is resized (open_clip converts to RGB after the resize); a
	 * stretching contrast mapping is ours, not open_clip's, and maps to 8 bits first as for every other model.
	 */
	private static boolean inOwnMode(PreprocessConfig cfg) {
		return cfg.pipeline == ImagePipeline.OPEN_CLIP && (cfg.contrast == null || cfg.contrast == ContrastMapping.PIL);
	}

	/**
	 * As {@link #fromEncoded(byte[], String, PreprocessConfig)}, adding the nanoseconds spent decoding to
	 * {@code stageNanos[0]} and resizing, cropping and normalising to {@code stageNanos[1]} (for the benchmark).
	 */
	public static float[] fromEncoded(byte[] bytes, String itemName, PreprocessConfig cfg, long[] stageNanos) {
		return encodedToTensor(bytes, itemName, cfg, null, 0, stageNanos, null);
	}

	/** As {@link #fromEncoded(byte[], String, PreprocessConfig)}, written into {@code dest} from {@code offset}. */
	public static ResizeGeometry fromEncoded(byte[] bytes, String itemName, PreprocessConfig cfg, float[] dest,
		int offset) {
		final ResizeGeometry[] g = new ResizeGeometry[1];
		encodedToTensor(bytes, itemName, cfg, dest, offset, null, g);
		return g[0];
	}

	/**
	 * The streaming path ({@link PngTensor}) where it applies, else the full decode; both give the same tensor (tested
	 * bit for bit).
	 */
	private static float[] encodedToTensor(byte[] bytes, String itemName, PreprocessConfig cfg, float[] dest,
		int offset, long[] stageNanos, ResizeGeometry[] geometry) {
		final long t0 = stageNanos != null ? System.nanoTime() : 0;
		if (inOwnMode(cfg)) {
			final DecodedImage d = PngDecoder.decode(bytes, itemName);
			final long t1 = stageNanos != null ? System.nanoTime() : 0;
			if (geometry != null)
				geometry[0] = ResizeGeometry.of(d.width(), d.height(), cfg);
			final float[] out = toTensor(OpenClipImages.resizedInOwnMode(d, cfg), cfg, dest, offset);
			if (stageNanos != null) {
				stageNanos[0] += t1 - t0;
				stageNanos[1] += System.nanoTime() - t1;
			}
			return out;
		}
		final PngDecoder.Parsed png = PngDecoder.parse(bytes, itemName);
		// The streaming path reproduces the CLIP pipeline only (open_clip scales and crops differently).
		if (cfg.pipeline != ImagePipeline.OPEN_CLIP && PngTensor.supports(png, cfg.contrast)) {
			if (stageNanos != null)
				stageNanos[0] += System.nanoTime() - t0;
			final ResizeGeometry g = ResizeGeometry.of(png.width, png.height, cfg);
			if (geometry != null)
				geometry[0] = g;
			final float[] out = dest != null ? dest : new float[3 * g.outputWidth() * g.outputHeight()];
			PngTensor.toTensor(png, itemName, cfg, g, out, offset, stageNanos);
			return out;
		}
		final Image8 img = decodeToImage8(bytes, itemName, cfg.contrast);
		if (geometry != null)
			geometry[0] = ResizeGeometry.of(img.width, img.height, cfg);
		final long t1 = stageNanos != null ? System.nanoTime() : 0;
		final float[] out = toTensor(img, cfg, dest, offset);
		if (stageNanos != null) {
			stageNanos[0] += t1 - t0;
			stageNanos[1] += System.nanoTime() - t1;
		}
		return out;
	}

	/** As {@link #fromEncoded(byte[], String, PreprocessConfig)} through the full decode, never the streaming path. */
	static float[] fromEncodedFullDecode(byte[] bytes, String itemName, PreprocessConfig cfg) {
		return toTensor(decodeToImage8(bytes, itemName, cfg.contrast), cfg, null, 0);
	}

	/** The geometry {@link #fromEncoded} applies to an image of this size. */
	public static ResizeGeometry geometry(int width, int height, PreprocessConfig cfg) {
		return ResizeGeometry.of(width, height, cfg);
	}

	/**
	 * PNG bytes to 8-bit RGB exactly as Pillow's {@code Image.open(...).convert("RGB")} (with
	 * {@link ContrastMapping#PIL}), pixel-interleaved.
	 */
	public static byte[] decodeToRgb8(byte[] bytes, String itemName, ContrastMapping contrast) {
		return PngDecoder.decode(bytes, itemName).toRgb8(contrast);
	}

	/**
	 * PNG bytes to what the authors' harness sent a generative model: Pillow's {@code convert("RGB")} of the image
	 * (16-bit grey saturates at 255, alpha dropped, palette looked up) re-encoded as an 8-bit RGB PNG.
	 */
	public static byte[] pilRgbPng(byte[] bytes, String itemName) {
		DecodedImage d = PngDecoder.decode(bytes, itemName);
		return PngEncoder.rgb8(d.width(), d.height(), d.toRgb8(ContrastMapping.PIL));
	}

	static Image8 decodeToImage8(byte[] bytes, String itemName, ContrastMapping contrast) {
		return toImage8(PngDecoder.decode(bytes, itemName), contrast);
	}

	/** A decoded file as 8-bit grey (grey of at most 8 bits, alpha dropped) or RGB (everything else). */
	static Image8 toImage8(DecodedImage d, ContrastMapping contrast) {
		final int ct = d.colourType();
		if (d.bitDepth() <= 8 && (ct == DecodedImage.GREY || ct == DecodedImage.GREY_ALPHA)) {
			// grey stays one channel through the resize
			final int n = d.width() * d.height(), spp = d.samplesPerPixel(), scale = d.greyScale();
			final byte[] src = d.bytes();
			final byte[] grey = new byte[n];
			if (spp == 1 && scale == 1)
				System.arraycopy(src, 0, grey, 0, n);
			else
				for (int i = 0; i < n; i++)
					grey[i] = (byte) ((src[i * spp] & 0xFF) * scale);
			return new Image8(grey, d.width(), d.height(), 1);
		}
		return new Image8(d.toRgb8(contrast), d.width(), d.height(), 3);
	}

	// ---------------------------------------------------------------- imglib2 images (Fiji)

	/**
	 * Any real-valued imglib2 image to the model's input tensor. Integer types within 0–255 (UnsignedByteType, …) are
	 * used as they are (a mean projection rounds to the nearest level); every other type goes through
	 * {@code cfg.contrast}: {@link ContrastMapping#PIL} clips to 0–255 and drops the fraction (PIL's rule for I and F
	 * data), the stretching mappings use one range over all channels shown, after projection.
	 *
	 * @param axes the meaning of each dimension, e.g. {@code ImageAxes.of("XYCZT")}
	 * @param selection which plane (or projection) and which channels; {@link PlaneSelection#DEFAULT} for 2-D images
	 * @param itemName names the image in error messages (e.g. its title)
	 */
	public static float[] fromImage(RandomAccessibleInterval<? extends RealType<?>> img, ImageAxes axes,
		PlaneSelection selection, PreprocessConfig cfg, String itemName) {
		return toTensor(toImage8(img, axes, selection, cfg.contrast, itemName), cfg, null, 0);
	}

	/** As {@link #fromImage}, for packed-colour (ARGB) images; {@code axes} must not contain C. Alpha is dropped. */
	public static float[] fromArgb(RandomAccessibleInterval<ARGBType> img, ImageAxes axes, PlaneSelection selection,
		PreprocessConfig cfg, String itemName) {
		return toTensor(argbToImage8(img, axes, selection, itemName), cfg, null, 0);
	}

	/**
	 * The 8-bit RGB image {@link #fromImage} would resize, pixel-interleaved, 3 bytes per pixel (grey copied to R, G
	 * and B), at the original size: e.g. what a generative model is sent as PNG.
	 */
	public static byte[] toRgb8(RandomAccessibleInterval<? extends RealType<?>> img, ImageAxes axes,
		PlaneSelection selection, ContrastMapping contrast, String itemName) {
		return rgb(toImage8(img, axes, selection, contrast, itemName));
	}

	/** As {@link #toRgb8}, for packed-colour (ARGB) images; {@code axes} must not contain C. */
	public static byte[] argbToRgb8(RandomAccessibleInterval<ARGBType> img, ImageAxes axes, PlaneSelection selection,
		String itemName) {
		return rgb(argbToImage8(img, axes, selection, itemName));
	}

	private static byte[] rgb(Image8 img) {
		if (img.channels == 3)
			return img.data;
		final byte[] out = new byte[img.data.length * 3];
		for (int i = 0; i < img.data.length; i++)
			out[3 * i] = out[3 * i + 1] = out[3 * i + 2] = img.data[i];
		return out;
	}

	/** The geometry {@link #fromImage} applies to this image (its X and Y sizes). */
	public static ResizeGeometry geometry(RandomAccessibleInterval<?> img, ImageAxes axes, PreprocessConfig cfg) {
		checkAxes(img, axes, "image");
		return ResizeGeometry.of((int) img.dimension(axes.indexOf('X')), (int) img.dimension(axes.indexOf('Y')), cfg);
	}

	/** Output shape {3, H, W} for an image of this size. */
	public static int[] outputShape(int width, int height, PreprocessConfig cfg) {
		return ResizeGeometry.of(width, height, cfg).outputShape();
	}

	static Image8 argbToImage8(RandomAccessibleInterval<ARGBType> img, ImageAxes axes, PlaneSelection selection,
		String itemName) {
		if (axes.indexOf('C') >= 0)
			throw new IllegalArgumentException(itemName + ": an ARGB image carries its channels in each pixel; drop C "
				+ "from the axis order \"" + axes + "\"");
		// R, G, B as a channel axis appended last; each is 8-bit, so no contrast mapping applies
		final RandomAccessibleInterval<? extends RealType<?>> channels = Converters.argbChannels(img, 1, 2, 3);
		return toImage8(channels, ImageAxes.of(axes + "C"), selection, ContrastMapping.PIL, itemName);
	}

	/** Resolves the view once into arrays: plane/projection, channel choice, contrast mapping to 8 bits. */
	static Image8 toImage8(RandomAccessibleInterval<? extends RealType<?>> img, ImageAxes axes,
		PlaneSelection selection, ContrastMapping contrast, String itemName) {
		checkAxes(img, axes, itemName);
		final int dx = axes.indexOf('X'), dy = axes.indexOf('Y'), dc = axes.indexOf('C'), dz = axes.indexOf('Z'),
			dt = axes.indexOf('T');
		final long w = img.dimension(dx), h = img.dimension(dy);
		if (w * h > Integer.MAX_VALUE / 3)
			throw new IllegalArgumentException(itemName + ": plane of " + w + "x" + h + " pixels is too large");
		final int n = (int) (w * h);
		final int channelCount = dc < 0 ? 1 : (int) img.dimension(dc);
		final int[] zs = indices(img, dz, selection.zIndex(), selection.zProjection(), "Z", itemName);
		final int[] ts = indices(img, dt, selection.tIndex(), selection.tProjection(), "T", itemName);
		final PlaneSelection.Projection zp = dz >= 0 && zs.length > 1 ? selection.zProjection() : null;
		final PlaneSelection.Projection tp = dt >= 0 && ts.length > 1 ? selection.tProjection() : null;
		final int[] rgb = selection.channelsFor(channelCount, itemName);
		final boolean mean = zp == PlaneSelection.Projection.MEAN || tp == PlaneSelection.Projection.MEAN;
		final boolean max = zp == PlaneSelection.Projection.MAX || tp == PlaneSelection.Projection.MAX;
		if (mean && max)
			throw new IllegalArgumentException(itemName + ": mixing MAX and MEAN projections over Z and T is not "
				+ "supported; project both axes the same way");

		final RealType<?> type = firstSample(img);
		final boolean eightBit = type instanceof IntegerType && type.getMinValue() >= 0 && type.getMaxValue() <= 255;

		final boolean stretch = !eightBit && contrast != ContrastMapping.PIL && contrast != null;
		final int outChannels = rgb.length == 1 ? 1 : 3;
		final byte[] out = new byte[n * outChannels];
		if (!stretch) {
			// one channel at a time, so only one float plane is alive
			for (int k = 0; k < outChannels; k++)
				if (rgb[k] >= 0)
					toBytes(readPlane(img, dx, dy, dc, dz, dt, rgb[k], zs, ts, mean, n), out, k, outChannels, eightBit,
						mean, 0, 0, false);
			return new Image8(out, (int) w, (int) h, outChannels);
		}
		// stretching: one range over all channels shown, so the colour balance is kept
		final float[][] planes = new float[outChannels][];
		final java.util.List<float[]> distinct = new java.util.ArrayList<>();
		for (int k = 0; k < outChannels; k++) {
			if (rgb[k] < 0)
				continue;
			for (int j = 0; j < k; j++)
				if (rgb[j] == rgb[k])
					planes[k] = planes[j];
			if (planes[k] == null) {
				planes[k] = readPlane(img, dx, dy, dc, dz, dt, rgb[k], zs, ts, mean, n);
				distinct.add(planes[k]);
			}
		}
		final double[] r = Contrast.range(distinct.toArray(new float[0][]), contrast);
		for (int k = 0; k < outChannels; k++)
			if (planes[k] != null)
				toBytes(planes[k], out, k, outChannels, false, mean, r[0], r[1], true);
		return new Image8(out, (int) w, (int) h, outChannels);
	}

	private static void toBytes(float[] plane, byte[] out, int k, int outChannels, boolean eightBit, boolean mean,
		double lo, double hi, boolean stretch) {
		for (int i = 0; i < plane.length; i++) {
			final double v = plane[i];
			final int b;
			if (eightBit)
				b = mean ? (int) Math.floor(v + 0.5) : (int) v;
			else if (stretch)
				b = Contrast.linear(v, lo, hi);
			else
				b = Contrast.pil(v);
			out[i * outChannels + k] = (byte) b;
		}
	}

	private static void checkAxes(RandomAccessibleInterval<?> img, ImageAxes axes, String itemName) {
		if (axes.numDimensions() != img.numDimensions())
			throw new IllegalArgumentException(itemName + ": axis order \"" + axes + "\" names " + axes.numDimensions()
				+ " dimensions but the image has " + img.numDimensions());
	}

	/** The indices of an axis to read: all of them for a projection, else the chosen one. */
	private static int[] indices(RandomAccessibleInterval<?> img, int d, int index, PlaneSelection.Projection p,
		String axis, String itemName) {
		final long size = d < 0 ? 1 : img.dimension(d);
		if (p != null) {
			final int[] all = new int[(int) size];
			for (int i = 0; i < all.length; i++)
				all[i] = i;
			return all;
		}
		if (index < 0) {
			if (size > 1)
				throw new IllegalArgumentException(itemName + ": the image has " + size + " " + axis
					+ " planes; choose one or a projection (max or mean)");
			return new int[] { 0 };
		}
		if (index >= size)
			throw new IllegalArgumentException(itemName + ": " + axis + " plane " + index + " chosen but the image has "
				+ size);
		return new int[] { index };
	}

	/** One channel's plane, x fastest, projected over the given z and t indices (max, or mean when asked). */
	private static float[] readPlane(RandomAccessibleInterval<? extends RealType<?>> img, int dx, int dy, int dc,
		int dz, int dt, int channel, int[] zs, int[] ts, boolean mean, int n) {
		final int count = zs.length * ts.length;
		final double[] acc = count > 1 ? new double[n] : null;
		float[] single = null;
		boolean first = true;
		// A RandomAccess, not Views.hyperSlice/permute/flatIterable: those changed their signatures between imglib2 5
		// (Fiji 2.3.0) and 7, and a plugin compiled against one fails to link against the other.
		final RandomAccess<? extends RealType<?>> ra = img.randomAccess();
		final long x0 = img.min(dx), y0 = img.min(dy), w = img.dimension(dx);
		for (int t : ts)
			for (int z : zs) {
				if (dc >= 0)
					ra.setPosition(img.min(dc) + channel, dc);
				if (dz >= 0)
					ra.setPosition(img.min(dz) + z, dz);
				if (dt >= 0)
					ra.setPosition(img.min(dt) + t, dt);
				final PlaneCursor c = new PlaneCursor(ra, dx, dy, x0, y0, w);
				if (acc == null) {
					single = new float[n];
					for (int i = 0; i < n; i++)
						single[i] = (float) c.next();
				}
				else {
					for (int i = 0; i < n; i++) {
						final double x = c.next();
						if (mean)
							acc[i] += x;
						else if (first || x > acc[i])
							acc[i] = x;
					}
				}
				first = false;
			}
		if (acc == null)
			return single;
		final float[] out = new float[n];
		for (int i = 0; i < n; i++)
			out[i] = (float) (mean ? acc[i] / count : acc[i]);
		return out;
	}

	/** Visits one X×Y plane through a RandomAccess, x fastest. */
	private static final class PlaneCursor {
		private final RandomAccess<? extends RealType<?>> ra;
		private final int dx, dy;
		private final long x0, w;
		private long x, y;

		PlaneCursor(RandomAccess<? extends RealType<?>> ra, int dx, int dy, long x0, long y0, long w) {
			this.ra = ra;
			this.dx = dx;
			this.dy = dy;
			this.x0 = x0;
			this.w = w;
			ra.setPosition(x0, dx);
			ra.setPosition(y0, dy);
			x = 0;
			y = 0;
		}

		/** The next sample's value; the first call reads the plane's first pixel. */
		double next() {
			if (x == w) {
				x = 0;
				y++;
				ra.setPosition(x0, dx);
				ra.fwd(dy);
			}
			// read before moving: the type a RandomAccess returns follows its position
			final double v = ra.get().getRealDouble();
			x++;
			if (x < w)
				ra.fwd(dx);
			return v;
		}
	}

	/** The sample at the image's minimum corner (its type); Util.getTypeFromInterval is not the same across imglib2s. */
	private static RealType<?> firstSample(RandomAccessibleInterval<? extends RealType<?>> img) {
		final long[] min = new long[img.numDimensions()];
		img.min(min);
		final RandomAccess<? extends RealType<?>> ra = img.randomAccess();
		ra.setPosition(min);
		return ra.get();
	}

	// ---------------------------------------------------------------- the shared tail

	/**
	 * Interleaved 8-bit RGB (3 channels) or grey (1 channel) to the model's input tensor: resize, centre crop, rescale,
	 * normalise.
	 */
	public static float[] fromRgb8(byte[] pixels, int width, int height, int channels, PreprocessConfig cfg) {
		if (channels != 1 && channels != 3)
			throw new IllegalArgumentException("channels must be 1 (grey) or 3 (RGB), got " + channels);
		return toTensor(new Image8(pixels, width, height, channels), cfg, null, 0);
	}

	static float[] toTensor(Image8 img, PreprocessConfig cfg, float[] dest, int offset) {
		final ResizeGeometry g = ResizeGeometry.of(img.width, img.height, cfg);
		byte[] px = img.data;
		if (g.resizedWidth() != img.width || g.resizedHeight() != img.height)
			px = PilResize.resize(px, img.width, img.height, img.channels, g.resizedWidth(), g.resizedHeight());
		final int ow = g.outputWidth(), oh = g.outputHeight(), plane = ow * oh;
		final float[] out = dest != null ? dest : new float[3 * plane];
		if (out.length - offset < 3 * plane)
			throw new IllegalArgumentException("tensor buffer too small: " + (out.length - offset) + " < " + 3 * plane);
		final float[][] lut = levels(cfg);
		final int rw = g.resizedWidth(), rh = g.resizedHeight(), left = g.cropLeft(), top = g.cropTop();
		final int ch = img.channels;
		for (int c = 0; c < 3; c++) {
			final float[] l = lut[c];
			final int src = ch == 1 ? 0 : c;
			final int base = offset + c * plane;
			for (int y = 0; y < oh; y++) {
				final int sy = y + top;
				final int row = base + y * ow;
				if (sy < 0 || sy >= rh) {
					java.util.Arrays.fill(out, row, row + ow, l[0]); // padding is zero before normalisation
					continue;
				}
				final int srow = sy * rw;
				for (int x = 0; x < ow; x++) {
					final int sx = x + left;
					out[row + x] = sx < 0 || sx >= rw ? l[0] : l[px[(srow + sx) * ch + src] & 0xFF];
				}
			}
		}
		return out;
	}

	/**
	 * Tensor value of each 8-bit level per channel, computed as transformers does: rescale in double then cast to
	 * float32, normalise in float32; without rescaling, normalisation runs in double. open_clip (torchvision's ToTensor
	 * and Normalize) divides by 255 in float32 and normalises in float32.
	 */
	static float[][] levels(PreprocessConfig cfg) {
		final float[][] lut = new float[3][256];
		for (int c = 0; c < 3; c++)
			for (int v = 0; v < 256; v++) {
				if (cfg.pipeline == ImagePipeline.OPEN_CLIP) {
					final float x = (float) v / 255f;
					lut[c][v] = cfg.doNormalize ? (x - cfg.mean[c]) / cfg.std[c] : x;
				}
				else if (cfg.doRescale) {
					final float x = (float) (v * cfg.rescaleFactor);
					lut[c][v] = cfg.doNormalize ? (x - cfg.mean[c]) / cfg.std[c] : x;
				}
				else
					lut[c][v] = cfg.doNormalize ? (float) ((v - (double) cfg.mean[c]) / cfg.std[c]) : v;
			}
		return lut;
	}
}
