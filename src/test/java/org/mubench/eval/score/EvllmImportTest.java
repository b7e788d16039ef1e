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
package org.mubench.eval.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mubench.eval.Prediction;

/** A small CSV in the eVLLM layout (outputs/<model>/<dataset>.csv, written by pandas: quoted multi-line cells). */
class EvllmImportTest {
	@TempDir
	Path dir;

	static final String PROMPT = "Answer with a single letter, no extra details.\nQuestion:What is the most likely " +
		"microscopy modality used to acquire this image?\nA) electron microscopy\nB) light microscopy\n" +
		"C) x-ray microscopy\nD) none of the above";

	static String q(String s) {
		return '"' + s.replace("\"", "\"\"") + '"';
	}

	static String genCsv() {
		String h = "question_class,questions,image_id,correct_answer,correct_idx,model_answers,domain\n";
		return h +
			// 1: reply contains the gold lettered option -> correct
			"modality," + q(PROMPT) + ",a.png,B) light microscopy,1," + q("{'text': 'The answer is B) light microscopy'}") +
			",pathology\n" +
			// 2: reply's first char is the gold letter -> correct
			"modality," + q(PROMPT) + ",b.png,B) light microscopy,1," + q("{'text': 'B'}") + ",pathology\n" +
			// 3: lower-case letter: the paper's rule is case-sensitive -> wrong
			"modality," + q(PROMPT) + ",c.png,B) light microscopy,1," + q("{'text': 'b'}") + ",biology\n" +
			// 4: another letter -> wrong, readable (pred 0)
			"modality," + q(PROMPT) + ",d.png,B) light microscopy,1," + q("{'text': \"A) electron microscopy\"}") +
			",biology\n" +
			// 5: no option -> wrong and unparseable
			"modality," + q(PROMPT) + ",e.png,B) light microscopy,1," + q("{'text': 'I cannot tell.'}") + ",biology\n";
	}

	@Test
	void generativeRowsUseThePaperRule() throws IOException {
		Path model = dir.resolve("GPT4o");
		Files.createDirectories(model);
		Path f = model.resolve("acevedo_et_al_2020.csv");
		Files.write(f, genCsv().getBytes(StandardCharsets.UTF_8));
		List<Prediction> l = EvllmImport.read(f, null);
		assertEquals(5, l.size());
		boolean[] expected = { true, true, false, false, false };
		int[] pred = { 1, 1, 1, 0, -1 }; // "b" alone is read as B by the lenient parser but scored wrong by the rule
		for (int i = 0; i < 5; i++) {
			Prediction p = l.get(i);
			assertEquals(expected[i], p.correct, "record " + i);
			assertEquals(pred[i], p.predIdx, "record " + i);
			assertEquals(i, p.row);
			assertEquals("GPT4o", p.model);
			assertEquals("acevedo_et_al_2020", p.dataset);
			assertEquals("modality", p.task);
			assertEquals(1, p.answerIdx);
			assertEquals(Arrays.asList("electron microscopy", "light microscopy", "x-ray microscopy",
				"none of the above"), p.options);
		}
		assertEquals("pathology", l.get(0).domain);
		Summary s = new Scorer(999, 0).score(l, "GPT4o", null);
		assertEquals(0.4, s.accuracy("coarse/modality"), 0.0);
		assertEquals(1.0, s.accuracy("domain_pathology"), 0.0);
		// acevedo_et_al_2020 is one of the harness's seven pathology datasets: every coarse row counts there.
		assertEquals(0.4, s.accuracy("pathology"), 0.0);
		assertEquals(1, s.unparseable);
		assertEquals(0.25, s.group("coarse").chance, 0.0);
	}

	@Test
	void contrastiveRowsAndFolders() throws IOException {
		Path model = dir.resolve("CLIP");
		Files.createDirectories(model);
		String h = "question_class,questions,image_id,correct_answer,correct_idx,model_answers\n";
		String caps = "['A microscopy image of a basophil.', 'A microscopy image of a neutrophil.', 'none of the above']";
		Files.write(model.resolve("acevedo_et_al_2020.csv"), (h +
			"classification," + q(caps) + ",x.png,neutrophil,1," + q("{'pred': [1], 'probs': [[0.1, 0.85, 0.05]]}") +
			"\n" + "classification," + q(caps) + ",y.png,basophil,0," +
			q("{'pred': tensor([2]), 'probs': [[0.2, 0.3, 0.5]]}") + "\n").getBytes(StandardCharsets.UTF_8));
		Files.write(model.resolve("opencell.csv"), (h + "stain," + q(caps) + ",z.png,basophil,0," +
			q("{'pred': [0], 'probs': [[0.9, 0.05, 0.05]]}") + "\n").getBytes(StandardCharsets.UTF_8));
		List<Prediction> l = EvllmImport.read(model, null);
		assertEquals(3, l.size());
		assertTrue(l.get(0).correct);
		assertArrayEquals(new double[] { 0.1, 0.85, 0.05 }, l.get(0).scores, 0.0);
		assertFalse(l.get(1).correct);
		assertEquals(2, l.get(1).predIdx);
		assertNull(l.get(1).response);
		assertEquals("white_blood_cell_types", l.get(0).task);
		assertEquals("opencell", l.get(2).dataset);
		assertEquals(2, l.get(2).row);
		assertEquals(3, l.get(2).options.size());
		Summary s = new Scorer(999, 0).score(l, "CLIP", null);
		assertEquals(0.5, s.accuracy("fine/white_blood_cell_types"), 0.0);
		assertEquals(1.0, s.accuracy("dataset/opencell"), 0.0);
	}

	@Test
	void badRecordNamesFileAndLine() throws IOException {
		Path f = dir.resolve("x.csv");
		Files.write(f, ("question_class,questions,image_id,correct_answer,correct_idx,model_answers\n" +
			"modality," + q(PROMPT) + ",a.png,B) light,one," + q("{'text': 'B'}") + "\n").getBytes(StandardCharsets.UTF_8));
		IOException e = assertThrows(IOException.class, () -> EvllmImport.read(f, "m"));
		assertTrue(e.getMessage().contains("x.csv line 2"), e.getMessage());
		assertTrue(e.getMessage().contains("correct_idx"), e.getMessage());
		Path g = dir.resolve("y.csv");
		Files.write(g, "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
		assertTrue(assertThrows(IOException.class, () -> EvllmImport.read(g, "m")).getMessage().contains("question_class"));
	}

	@Test
	void pythonLiterals() {
		assertEquals(Arrays.asList("it's", "a\nb"), PyLiteral.parse("[\"it's\", 'a\\nb']"));
		Object d = PyLiteral.parse("{'pred': array([3], dtype=int64), 'ok': True, 'x': None, 'f': -1.5e-3}");
		assertEquals("{pred=[3], ok=true, x=null, f=-0.0015}", d.toString());
	}
}
