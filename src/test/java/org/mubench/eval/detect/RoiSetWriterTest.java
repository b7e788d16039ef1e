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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;

import ij.gui.Roi;
import ij.io.RoiDecoder;

/** Decodes what {@link RoiSetWriter} wrote with ImageJ's own {@link RoiDecoder}. */
class RoiSetWriterTest {
	static List<Roi> decodeZip(byte[] zip) throws IOException {
		List<Roi> rois = new ArrayList<>();
		try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
			ZipEntry e;
			while ((e = in.getNextEntry()) != null) {
				assertTrue(e.getName().endsWith(".roi"), e.getName());
				ByteArrayOutputStream b = new ByteArrayOutputStream();
				byte[] buf = new byte[4096];
				int n;
				while ((n = in.read(buf)) > 0)
					b.write(buf, 0, n);
				rois.add(new RoiDecoder(b.toByteArray(), e.getName()).getRoi());
			}
		}
		return rois;
	}

	@Test
	void rectanglesNamesAndPositionsSurviveImageJ() throws IOException {
		List<NamedBox> boxes = Arrays.asList(
			new NamedBox(new Box(10, 20, 50, 80), "nucleus 0.87", DetectionResult.PRED_COLOR),
			new NamedBox(new Box(10.4, 19.6, 49.5, 80.2), "gt nucleus", DetectionResult.GT_COLOR).at(2, 3, 4),
			new NamedBox(new Box(0, 0, 5, 5), "slice only", 0).at(0, 7, 0),
			new NamedBox(new Box(-3, -4, 1e6, 2), "mitochondria 0.00", 0));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		RoiSetWriter.write(out, boxes);
		List<Roi> rois = decodeZip(out.toByteArray());
		assertEquals(4, rois.size());

		Roi a = rois.get(0);
		assertEquals(Roi.RECTANGLE, a.getType());
		assertEquals("nucleus 0.87", a.getName());
		assertEquals(new java.awt.Rectangle(10, 20, 40, 60), a.getBounds());
		assertEquals(0xFFFFFF00, a.getStrokeColor().getRGB());
		assertEquals(0, a.getPosition());
		assertFalse(a.hasHyperStackPosition());

		// 10.4 -> 10, 19.6 -> 20, 49.5 -> 50 (round half up), 80.2 -> 80
		Roi b = rois.get(1);
		assertEquals("gt nucleus", b.getName());
		assertEquals(new java.awt.Rectangle(10, 20, 40, 60), b.getBounds());
		assertEquals(2, b.getCPosition());
		assertEquals(3, b.getZPosition());
		assertEquals(4, b.getTPosition());

		Roi c = rois.get(2);
		assertEquals(7, c.getPosition());
		assertFalse(c.hasHyperStackPosition());

		// clamped to the short range: right = 32767
		Roi d = rois.get(3);
		assertEquals(new java.awt.Rectangle(-3, -4, 32767 + 3, 6), d.getBounds());
		assertEquals("mitochondria 0.00", d.getName());
	}

	@Test
	void safeNames() {
		assertEquals("a_b_c.png", RoiSetWriter.safe("a/b c.png"));
		assertEquals("roi", RoiSetWriter.safe(""));
	}
}
