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
package org.mubench.eval.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mubench.data.Question;

class PaperPromptTest {
	static final List<String> OPTS = Arrays.asList("neutrophil", "basophil", "eosinophil", "none of the above");
	/** Gold = B) basophil. */
	static final Question Q = new Question("classification", "q1", "classification",
		"Which cell type is shown in this blood smear?", "basophil", 1, OPTS, null);

	@Test
	void promptIsExact() {
		String expected = "Answer with a single letter, no extra details.\n"
			+ "Question:Which cell type is shown in this blood smear?\n"
			+ "A) neutrophil\n"
			+ "B) basophil\n"
			+ "C) eosinophil\n"
			+ "D) none of the above";
		assertEquals(expected, PaperPrompt.prompt(Q));
		// No trailing newline, no space after "Question:", '\n' separators only (no '\r').
		String p = PaperPrompt.prompt(Q);
		assertFalse(p.endsWith("\n"));
		assertFalse(p.contains("\r"));
		assertTrue(p.contains("\nQuestion:Which"));
	}

	@Test
	void promptKeepsDatasetOrderAndUnicode() {
		Question q = new Question("stain", "s", "stain", "Which stain? µm", "H&E", 0,
			Arrays.asList("H&E", "Masson’s trichrome"), null);
		String p = PaperPrompt.prompt(q);
		assertEquals("Answer with a single letter, no extra details.\nQuestion:Which stain? µm\nA) H&E\nB) Masson’s trichrome", p);
		// Exact UTF-8 bytes as sent over the wire: 'µ' is C2 B5, '’' is E2 80 99.
		byte[] b = p.getBytes(StandardCharsets.UTF_8);
		assertEquals(p.length() + 1 + 2, b.length);
	}

	@Test
	void lettersFollowIndex() {
		assertEquals('A', PaperPrompt.letter(0));
		assertEquals('H', PaperPrompt.letter(7));
		assertEquals("C) x", PaperPrompt.lettered(2, "x"));
	}

	@ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
	@CsvSource(delimiter = '|', quoteCharacter = '"', value = {
		// first character is the gold letter
		"B|true",
		"B.|true",
		"B) basophil|true",
		"Basophil|true", // 'B' first: the paper's rule counts it although it reads as the word
		"Banana|true", // same rule, applied literally
		// gold lettered option as a substring
		"The answer is B) basophil.|true",
		"I think it is B) basophil|true",
		"A) neutrophil or maybe B) basophil|true", // substring rule wins even though 'A' comes first
		// wrong
		"b|false", // case-sensitive
		"b) basophil|false",
		"A) basophil|false", // wrong letter, lettered gold absent
		"A|false",
		"\" B\"|false", // first character is a space: no trimming in the paper's rule
		"(B)|false", // first char '(' and no "B) basophil"
		"The answer is B|false",
		"basophil|false",
		"B) Basophil|true", // first char B
		"x B) Basophil|false", // case differs in the option text, first char x
		"C) eosinophil|false",
	})
	void paperRule(String reply, boolean expected) {
		assertEquals(expected, PaperPrompt.isCorrect(reply, Q));
	}

	/** The harness rewrites "nan" to "np.nan" in the stored answer before checking it; we do the same. */
	@Test
	void harnessNanRewrite() {
		assertEquals("malignp.nancy", PaperPrompt.harnessNanRewrite("malignancy"));
		assertEquals("banp.nana", PaperPrompt.harnessNanRewrite("banana"));
		assertEquals("np.nan", PaperPrompt.harnessNanRewrite("nan"));
		assertEquals("Nan NaN", PaperPrompt.harnessNanRewrite("Nan NaN"));
		// In the stored literal a line break is "\n": followed by "an" it is rewritten too.
		assertEquals("B\np.nanswer", PaperPrompt.harnessNanRewrite("B\nanswer"));
		assertEquals("\\np.nan", PaperPrompt.harnessNanRewrite("\\nan"));
		Question q = new Question("classification", "c", "classification", "Which?", "malignancy", 1,
			Arrays.asList("benign", "malignancy", "none of the above"), null);
		assertFalse(PaperPrompt.isCorrect("The answer is B) malignancy", q)); // right without the rewrite
		assertTrue(PaperPrompt.isCorrect("B) malignancy", q)); // still right by its first letter
		Question nano = new Question("classification", "c", "classification", "Which?", "nanoparticle", 0,
			Arrays.asList("nanoparticle", "cell"), null);
		assertFalse(PaperPrompt.isCorrect("It is A) nanoparticle", nano));
		assertTrue(PaperPrompt.isCorrect("It is A) cell", new Question("c", "c", "c", "?", "cell", 0,
			Arrays.asList("cell", "nanoparticle"), null)));
	}

	@Test
	void paperRuleNullEmptyAndBadGold() {
		assertFalse(PaperPrompt.isCorrect(null, Q));
		assertFalse(PaperPrompt.isCorrect("", Q));
		Question bad = new Question("k", "i", "n", "t", null, 7, OPTS, null);
		assertFalse(PaperPrompt.isCorrect("H", bad));
		Question first = new Question("k", "i", "n", "t", null, 0, OPTS, null);
		assertTrue(PaperPrompt.isCorrect("A", first));
		assertTrue(PaperPrompt.isCorrect("Absolutely not sure", first)); // the rule is literal
	}

	@ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
	@CsvSource(delimiter = '|', quoteCharacter = '"', value = {
		// lone letters
		"B|1",
		"b|1",
		"\"  C  \"|2",
		"D.|3",
		"(B)|1",
		"[c]|2",
		"B:|1",
		"**B**|1",
		"`A`|0",
		"\"B\n\"|1",
		// letter beyond the options
		"E|-1",
		"Z|-1",
		"(F)|-1",
		"F) something|-1",
		// bracketed / lettered starts
		"B) basophil|1",
		"(B) basophil|1",
		"b) basophil|1",
		"C) the eosinophil, clearly|2",
		"A) basophil|-1", // letter says A, text says B: ambiguous
		"A) Basophil.|-1",
		"A) neutrophil|0",
		"B. basophil|1",
		"B.|1",
		"C: eosinophil|2",
		"A. basophil|-1",
		"a. neutrophil|-1", // lower-case period form is not read as a choice (prose)
		// answer-is phrasing
		"The answer is B|1",
		"The answer is B.|1",
		"the answer is (C)|2",
		"Answer: D|3",
		"answer: A|0",
		"The answer is **B**|1",
		"My answer is B) basophil, since granules are dark|1",
		"The answer is B. Final answer: C|-1", // two different letters
		"The answer is B; final answer: B|1",
		"The answer is a basophil|-1", // lower-case 'a' is an article, not a letter
		"The answer is Basophil|-1", // letter must stand alone
		"The answer is G|-1",
		// exact option text
		"basophil|1",
		"Basophil|1",
		"BASOPHIL.|1",
		"\" eosinophil \"|2",
		"None of the above|3",
		"a basophil|-1",
		"basophils|-1",
		"It is a basophil.|-1",
		// nothing
		"I cannot tell from this image.|-1",
		"|-1",
		"\"   \"|-1",
		"AB|-1",
		"B C|-1",
	})
	void strictParser(String reply, int expected) {
		assertEquals(expected, PaperPrompt.parseChoice(reply == null ? "" : reply, OPTS));
	}

	@Test
	void strictParserEdgeCases() {
		assertEquals(-1, PaperPrompt.parseChoice(null, OPTS));
		assertEquals(-1, PaperPrompt.parseChoice("A", Arrays.<String>asList()));
		// Duplicate option texts cannot be told apart by text, but a letter still works.
		List<String> dup = Arrays.asList("cell", "cell", "other");
		assertEquals(-1, PaperPrompt.parseChoice("cell", dup));
		assertEquals(1, PaperPrompt.parseChoice("B", dup));
		assertEquals(1, PaperPrompt.parseChoice("B) cell", dup)); // text matches no unique option: letter kept
		// An option whose text is itself a single letter: the lone-letter rule applies first.
		List<String> letters = Arrays.asList("B", "A");
		assertEquals(1, PaperPrompt.parseChoice("B", letters));
	}
}
