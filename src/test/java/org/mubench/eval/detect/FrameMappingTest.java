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

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class FrameMappingTest {
	private static void assertBox(double[] expected, Box actual) {
		for (int i = 0; i < 4; i++)
			assertEquals(expected[i], actual.toArray()[i], 1e-9, Arrays.toString(actual.toArray()));
	}

	@Test
	void shorterSideThenCentreCropLandscape() {
		// 400x200, shorter side -> 100: resized 200x100 (scale 0.5), centre crop 100x100 starts at x = (200-100)/2 = 50.
		// Frame [0,0,100,100] -> x (0+50)/0.5 = 100 .. (100+50)/0.5 = 300, y 0/0.5 .. 100/0.5 = 200.
		FrameMapping m = FrameMapping.shorterSideThenCentreCrop(400, 200, 100, 100, 100);
		assertBox(new double[] { 100, 0, 300, 200 }, m.toOriginal(new Box(0, 0, 100, 100)));
		// Frame [10,20,30,40] -> x (10+50)*2 = 120, (30+50)*2 = 160; y 40, 80.
		assertBox(new double[] { 120, 40, 160, 80 }, m.toOriginal(new Box(10, 20, 30, 40)));
		assertBox(new double[] { 10, 20, 30, 40 }, m.toFrame(m.toOriginal(new Box(10, 20, 30, 40))));
	}

	@Test
	void shorterSideThenCentreCropOddPortrait() {
		// 300x451, shorter side -> 224: resized 224 x int(224*451/300) = 224 x 336; crop 224 top = floor((336-224)/2) = 56.
		// sy = 336/451. Frame y 0 -> 56 / (336/451) = 56*451/336 = 75.1666…
		FrameMapping m = FrameMapping.shorterSideThenCentreCrop(300, 451, 224, 224, 224);
		assertEquals(56.0 * 451 / 336, m.toOriginal(new Box(0, 0, 224, 224)).y1, 1e-9);
		assertEquals(300.0, m.toOriginal(new Box(0, 0, 224, 224)).x2, 1e-9);
	}

	@Test
	void stretchAndIdentity() {
		// 640x480 stretched to 448x448: frame (224,224)-(448,448) -> (320,240)-(640,480)
		assertBox(new double[] { 320, 240, 640, 480 }, FrameMapping.stretch(640, 480, 448, 448).toOriginal(new Box(224, 224, 448, 448)));
		assertBox(new double[] { 1, 2, 3, 4 }, FrameMapping.identity(10, 10).toOriginal(new Box(1, 2, 3, 4)));
		assertEquals("crop:224", ModelFrame.parse("crop:224").toString());
	}
}
