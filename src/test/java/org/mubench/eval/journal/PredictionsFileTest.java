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
package org.mubench.eval.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mubench.eval.Prediction;

class PredictionsFileTest {
	@TempDir
	Path dir;

	static Prediction pred(long row, String key) {
		Prediction p = new Prediction();
		p.row = row;
		p.imageId = "img" + row;
		p.dataset = "icpr2020_pollen";
		p.domain = "biology";
		p.questionKey = key;
		p.task = "pollen_grains";
		p.template = 1;
		p.options = Arrays.asList("a \"quoted\"\nline", "none of the above");
		p.answerIdx = 1;
		p.scores = new double[] { 0.25, -1.5 };
		p.predIdx = 0;
		p.correct = false;
		p.model = "m";
		return p;
	}

	@Test
	void roundTrip() throws IOException {
		Path f = dir.resolve("predictions.jsonl");
		try (PredictionsFile.Writer w = new PredictionsFile.Writer(f, false)) {
			w.write(pred(0, "modality_1"));
			w.write(pred(1, "stain_1"));
		}
		try (PredictionsFile.Writer w = new PredictionsFile.Writer(f, true)) {
			w.write(pred(2, "stain_1"));
		}
		List<Prediction> back = PredictionsFile.read(f);
		assertEquals(3, back.size());
		assertEquals("2/stain_1", back.get(2).key());
		assertEquals("a \"quoted\"\nline", back.get(0).options.get(0));
		assertArrayEquals(new double[] { 0.25, -1.5 }, back.get(0).scores);
		assertEquals(3, Files.readAllLines(f).size());
	}

	@Test
	void tornTailIsReportedAndDropped() throws IOException {
		Path f = dir.resolve("predictions.jsonl");
		PredictionsFile.write(f, Arrays.asList(pred(0, "a_1"), pred(1, "b_1")));
		long complete = Files.size(f);
		String half = PredictionsFile.toLine(pred(2, "c_1"));
		Files.write(f, half.substring(0, half.length() / 2).getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
		List<String> warnings = new ArrayList<>();
		assertEquals(2, PredictionsFile.read(f, warnings::add).size());
		assertEquals(1, warnings.size());
		assertTrue(warnings.get(0).contains("line 3"), warnings.get(0));
		assertEquals(half.length() / 2, PredictionsFile.dropTornTail(f));
		assertEquals(complete, Files.size(f));
		assertEquals(0, PredictionsFile.dropTornTail(f));
		// Appending after the drop yields a clean file.
		try (PredictionsFile.Writer w = new PredictionsFile.Writer(f, true)) {
			w.write(pred(2, "c_1"));
		}
		assertEquals(3, PredictionsFile.read(f, warnings::add).size());
		assertEquals(1, warnings.size());
	}

	@Test
	void completeButUnterminatedLastLineIsKept() throws IOException {
		Path f = dir.resolve("predictions.jsonl");
		Files.write(f, PredictionsFile.toLine(pred(0, "a_1")).getBytes(StandardCharsets.UTF_8));
		assertEquals(1, PredictionsFile.read(f, null).size());
		assertEquals(0, PredictionsFile.dropTornTail(f));
		assertEquals(1, PredictionsFile.read(f, null).size());
		assertTrue(new String(Files.readAllBytes(f), StandardCharsets.UTF_8).endsWith("}\n"));
	}

	@Test
	void badMiddleLineNamesTheLine() throws IOException {
		Path f = dir.resolve("predictions.jsonl");
		Files.write(f, (PredictionsFile.toLine(pred(0, "a_1")) + "\n{broken\n" + PredictionsFile.toLine(pred(1, "a_1")) +
			"\n").getBytes(StandardCharsets.UTF_8));
		IOException e = assertThrows(IOException.class, () -> PredictionsFile.read(f, null));
		assertTrue(e.getMessage().contains("line 2"), e.getMessage());
	}
}
