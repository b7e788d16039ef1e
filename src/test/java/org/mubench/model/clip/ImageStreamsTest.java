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
package org.mubench.model.clip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ImageStreamsTest {
	@Test
	void onTheCpuEachCoreGetsItsOwnStreamWhileEachPartKeepsFourImages() {
		ImageStreams s = ImageStreams.choose(0, false, 2, 16);
		assertEquals(2, s.streams);
		assertEquals(1, s.threadsPerStream);
		s = ImageStreams.choose(0, false, 8, 16); // 16 / 4 images per part
		assertEquals(4, s.streams);
		assertEquals(2, s.threadsPerStream);
		s = ImageStreams.choose(0, false, 2, 4); // too small a batch to split
		assertEquals(1, s.streams);
		assertEquals(2, s.threadsPerStream);
		s = ImageStreams.choose(0, false, 1, 16);
		assertEquals(1, s.streams);
	}

	@Test
	void aGpuRunsOneStreamAndAnExplicitChoiceWins() {
		ImageStreams gpu = ImageStreams.choose(0, true, 8, 64);
		assertEquals(1, gpu.streams);
		assertEquals(8, gpu.threadsPerStream);
		assertEquals(1, ImageStreams.choose(4, true, 8, 64).streams);
		ImageStreams asked = ImageStreams.choose(3, false, 8, 16);
		assertEquals(3, asked.streams);
		assertEquals(2, asked.threadsPerStream);
		assertEquals(1, ImageStreams.choose(1, false, 2, 16).streams);
		// Never more streams than images in a batch, never fewer than one thread each.
		ImageStreams many = ImageStreams.choose(5, false, 2, 3);
		assertEquals(3, many.streams);
		assertEquals(1, many.threadsPerStream);
	}

	@Test
	void partsAreEvenInOrderAndNeverEmpty() {
		ImageStreams s = ImageStreams.choose(3, false, 3, 16);
		assertArrayEquals(new int[] { 6, 5, 5 }, s.parts(16));
		assertArrayEquals(new int[] { 1, 1 }, s.parts(2));
		assertArrayEquals(new int[] { 1 }, s.parts(1));
		assertEquals(16, java.util.Arrays.stream(s.parts(16)).sum());
	}
}
