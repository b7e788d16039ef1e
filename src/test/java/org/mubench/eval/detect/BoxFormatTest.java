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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class BoxFormatTest {
	private static void assertBox(double[] expected, Box actual) {
		assertEquals(Arrays.toString(expected), Arrays.toString(actual.toArray()));
	}

	@Test
	void prompts() {
		assertEquals("Detect nucleus", BoxFormat.QWEN.prompt("nucleus", 10, 10));
		assertEquals("detect nucleus", BoxFormat.PALIGEMMA.prompt("nucleus", 10, 10));
		String json = BoxFormat.JSON.prompt("mitochondria", 640, 480);
		assertTrue(json.startsWith("Detect every mitochondria in this microscopy image. The image is 640 x 480 pixels."), json);
		assertTrue(json.contains("{\"boxes\": [[x1, y1, x2, y2], ...]}"), json);
	}

	@Test
	void qwenGridWithRefAndSeveralBoxes() {
		// frame 500x250: (100,200) -> (100/1000*500, 200/1000*250) = (50, 50); (300,400) -> (150, 100)
		ParsedBoxes p = BoxFormat.QWEN.parse("<ref>nucleus</ref><box>(100,200),(300,400)</box><box>( 0 , 0 ),(1000,1000)</box>",
			500, 250, BoxUnits.AUTO);
		assertTrue(p.parseable);
		assertEquals(2, p.boxes.size());
		assertBox(new double[] { 50, 50, 150, 100 }, p.boxes.get(0));
		assertBox(new double[] { 0, 0, 500, 250 }, p.boxes.get(1));
		assertEquals("nucleus", p.labels.get(0));
		assertEquals("nucleus", p.labels.get(1));
	}

	@Test
	void qwenWithoutRefAndInProse() {
		// frame 1000x1000 -> grid = pixels
		ParsedBoxes p = BoxFormat.QWEN.parse("The cell is at <box>(12,34),(56,78)</box>.", 1000, 1000, BoxUnits.AUTO);
		assertBox(new double[] { 12, 34, 56, 78 }, p.boxes.get(0));
		assertNull(p.labels.get(0));
	}

	@Test
	void qwen2Tokens() {
		// same 0-1000 grid: frame 200x100 -> (500,500)-(1000,1000) = (100,50)-(200,100)
		ParsedBoxes p = BoxFormat.QWEN.parse("<|object_ref_start|>nucleus<|object_ref_end|><|box_start|>(500,500),(1000,1000)<|box_end|>",
			200, 100, BoxUnits.AUTO);
		assertBox(new double[] { 100, 50, 200, 100 }, p.boxes.get(0));
		assertEquals("nucleus", p.labels.get(0));
	}

	@Test
	void qwenUnreadable() {
		for (String bad : new String[] { null, "", "I see three nuclei.", "<box>(1,2)</box>", "<box>(a,b),(c,d)</box>" }) {
			ParsedBoxes p = BoxFormat.QWEN.parse(bad, 100, 100, BoxUnits.AUTO);
			assertFalse(p.parseable, String.valueOf(bad));
			assertTrue(p.boxes.isEmpty());
		}
	}

	@Test
	void paliGemmaYxOrderOver1024() {
		// frame 224 wide, 448 high. First object: y_min 256 -> 256/1024*448 = 112, x_min 512 -> 512/1024*224 = 112,
		// y_max 768 -> 336, x_max 1024 -> 224. Second: 0, 0, y_max 512 -> 224, x_max 512 -> 112.
		ParsedBoxes p = BoxFormat.PALIGEMMA.parse("<loc0256><loc0512><loc0768><loc1024> nucleus ; <loc0000><loc0000><loc0512><loc0512> cell",
			224, 448, BoxUnits.AUTO);
		assertTrue(p.parseable);
		assertEquals(2, p.boxes.size());
		assertBox(new double[] { 112, 112, 224, 336 }, p.boxes.get(0));
		assertBox(new double[] { 0, 0, 112, 224 }, p.boxes.get(1));
		assertEquals("nucleus", p.labels.get(0));
		assertEquals("cell", p.labels.get(1));
	}

	@Test
	void paliGemmaUnreadable() {
		for (String bad : new String[] { null, "nucleus", "<loc0001><loc0002><loc0003> nucleus", "<loc12><loc34><loc56><loc78>" })
			assertFalse(BoxFormat.PALIGEMMA.parse(bad, 100, 100, BoxUnits.AUTO).parseable, String.valueOf(bad));
	}

	@Test
	void jsonPixelsInFenceAndObject() {
		ParsedBoxes p = BoxFormat.JSON.parse("Here you go:\n```json\n{\"boxes\": [[10, 20, 30, 40], [1.5, 2, 3, 4]]}\n```", 200, 100,
			BoxUnits.AUTO);
		assertTrue(p.parseable);
		assertBox(new double[] { 10, 20, 30, 40 }, p.boxes.get(0));
		assertBox(new double[] { 1.5, 2, 3, 4 }, p.boxes.get(1));
	}

	@Test
	void jsonNormalisedAuto() {
		// all coordinates in [0,1] -> normalised: 0.1*200 = 20, 0.2*100 = 20, 0.5*200 = 100, 1.0*100 = 100
		ParsedBoxes p = BoxFormat.JSON.parse("[[0.1, 0.2, 0.5, 1.0]]", 200, 100, BoxUnits.AUTO);
		assertBox(new double[] { 20, 20, 100, 100 }, p.boxes.get(0));
		// forced pixels keeps them
		assertBox(new double[] { 0.1, 0.2, 0.5, 1.0 }, BoxFormat.JSON.parse("[[0.1, 0.2, 0.5, 1.0]]", 200, 100, BoxUnits.PIXELS).boxes.get(0));
		// one coordinate > 1 -> pixels for the whole reply
		assertBox(new double[] { 0.5, 0.5, 2, 2 }, BoxFormat.JSON.parse("[[0.5, 0.5, 2, 2]]", 200, 100, BoxUnits.AUTO).boxes.get(0));
		// forced normalised
		assertBox(new double[] { 100, 50, 400, 200 }, BoxFormat.JSON.parse("[[0.5, 0.5, 2, 2]]", 200, 100, BoxUnits.NORMALIZED).boxes.get(0));
	}

	@Test
	void jsonVariants() {
		ParsedBoxes objects = BoxFormat.JSON.parse("[{\"label\": \"cell\", \"bbox\": [1, 2, 3, 4]}, {\"note\": 1}]", 10, 10, BoxUnits.PIXELS);
		assertTrue(objects.parseable);
		assertEquals(1, objects.boxes.size());
		assertEquals("cell", objects.labels.get(0));
		assertEquals("1 JSON entries were not boxes", objects.problem);
		ParsedBoxes single = BoxFormat.JSON.parse("The box is [5, 6, 7, 8].", 10, 10, BoxUnits.PIXELS);
		assertBox(new double[] { 5, 6, 7, 8 }, single.boxes.get(0));
		ParsedBoxes none = BoxFormat.JSON.parse("{\"boxes\": []}", 10, 10, BoxUnits.AUTO);
		assertTrue(none.parseable, "an explicit empty list is a valid answer");
		assertTrue(none.boxes.isEmpty());
	}

	@Test
	void jsonUnreadable() {
		for (String bad : new String[] { null, " ", "no boxes here", "{\"cells\": 3}", "[[1, 2, 3]]", "[[1, 2, \"x\", 4]]",
			"{\"boxes\": [[1, 2, 3, 4]" })
			assertFalse(BoxFormat.JSON.parse(bad, 100, 100, BoxUnits.AUTO).parseable, String.valueOf(bad));
	}

	@Test
	void namesOfFormatsAndUnits() {
		assertEquals(BoxFormat.QWEN, BoxFormat.parseName("qwen"));
		assertEquals(BoxFormat.PALIGEMMA, BoxFormat.parseName("PaliGemma"));
		assertEquals(BoxUnits.NORMALIZED, BoxUnits.parse("normalised"));
	}
}
