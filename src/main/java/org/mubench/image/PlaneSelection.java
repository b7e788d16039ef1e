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

import java.util.Arrays;

/**
 * Which 2-D colour image a model sees from a stack: for Z and T, either one index or a projection over the whole axis;
 * and which channels become red, green and blue. Nothing is chosen silently: an image with more than one Z or T plane
 * needs an explicit choice for that axis. Immutable.
 * <p>
 * Channels, unless {@link #withChannels} says otherwise: one channel is grey (copied to R, G and B); two channels
 * become red and green (blue black); three or more, the first three are R, G, B (a fourth, e.g. alpha, is dropped).
 */
public final class PlaneSelection {
	/** How a whole axis is collapsed. */
	public enum Projection {
		/** Per pixel and channel, the largest value along the axis. */
		MAX,
		/** Per pixel and channel, the arithmetic mean along the axis. */
		MEAN
	}

	/** Nothing chosen: valid for images whose Z and T have one plane at most. */
	public static final PlaneSelection DEFAULT = new PlaneSelection(-1, null, -1, null, null);

	private final int z, t;
	private final Projection zProjection, tProjection;
	private final int[] rgb;

	private PlaneSelection(int z, Projection zProjection, int t, Projection tProjection, int[] rgb) {
		this.z = z;
		this.zProjection = zProjection;
		this.t = t;
		this.tProjection = tProjection;
		this.rgb = rgb;
	}

	/** Plane z of time point t (0-based). */
	public static PlaneSelection plane(int z, int t) {
		return DEFAULT.z(z).t(t);
	}

	/** Selects focal plane z (0-based). */
	public PlaneSelection z(int index) {
		if (index < 0)
			throw new IllegalArgumentException("z index must be ≥ 0, got " + index);
		return new PlaneSelection(index, null, t, tProjection, rgb);
	}

	/** Selects time point t (0-based). */
	public PlaneSelection t(int index) {
		if (index < 0)
			throw new IllegalArgumentException("t index must be ≥ 0, got " + index);
		return new PlaneSelection(z, zProjection, index, null, rgb);
	}

	/** Projects over all focal planes. */
	public PlaneSelection projectZ(Projection p) {
		return new PlaneSelection(-1, requireNonNull(p), t, tProjection, rgb);
	}

	/** Projects over all time points. */
	public PlaneSelection projectT(Projection p) {
		return new PlaneSelection(z, zProjection, -1, requireNonNull(p), rgb);
	}

	/** Channel indices (0-based) shown as red, green and blue; −1 leaves that colour black. */
	public PlaneSelection withChannels(int red, int green, int blue) {
		if (red < -1 || green < -1 || blue < -1)
			throw new IllegalArgumentException("channel indices must be ≥ 0 or −1 (black)");
		return new PlaneSelection(z, zProjection, t, tProjection, new int[] { red, green, blue });
	}

	/** Chosen Z index, or −1 when projected or not chosen. */
	public int zIndex() {
		return z;
	}

	public int tIndex() {
		return t;
	}

	public Projection zProjection() {
		return zProjection;
	}

	public Projection tProjection() {
		return tProjection;
	}

	/**
	 * The channel index for R, G and B given the image's channel count, following the class rules; a single-channel
	 * result (grey) is returned as a one-element array.
	 */
	int[] channelsFor(int channelCount, String itemName) {
		if (rgb != null) {
			for (int c : rgb)
				if (c >= channelCount)
					throw new IllegalArgumentException(itemName + ": channel " + c + " chosen but the image has "
						+ channelCount + " channel(s)");
			if (rgb[0] >= 0 && rgb[0] == rgb[1] && rgb[1] == rgb[2])
				return new int[] { rgb[0] };
			return rgb.clone();
		}
		if (channelCount == 1)
			return new int[] { 0 };
		if (channelCount == 2)
			return new int[] { 0, 1, -1 };
		return new int[] { 0, 1, 2 };
	}

	private static Projection requireNonNull(Projection p) {
		if (p == null)
			throw new IllegalArgumentException("projection must not be null");
		return p;
	}

	@Override
	public String toString() {
		return "z=" + (zProjection != null ? zProjection : z < 0 ? "?" : z) + ", t="
			+ (tProjection != null ? tProjection : t < 0 ? "?" : t) + (rgb != null ? ", rgb=" + Arrays.toString(rgb) : "");
	}
}
