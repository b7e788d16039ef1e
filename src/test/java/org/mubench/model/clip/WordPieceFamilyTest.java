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
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The BiomedCLIP family's text path (open_clip_hf: open_clip's clean="whitespace", then a BERT WordPiece
 * tokenizer.json, [CLS] … [SEP], [PAD] to the context of 256) against the ids open_clip's own HFTokenizer gave from
 * the vocabulary the tokenizer.json was exported from (tools/family_parity_reference.py --wordpiece).
 */
class WordPieceFamilyTest {
	private static final String DIR = "/org/mubench/families/wordpiece/";
	private static final String[] FILES = { "tokenizer.json", "tokenizer_config.json", "config.json",
		ModelProfile.FILE };

	@TempDir
	static Path folder;
	static JsonNode expected;

	@BeforeAll
	static void copyFolder() throws IOException {
		for (String f : FILES)
			try (InputStream in = WordPieceFamilyTest.class.getResourceAsStream(DIR + f)) {
				Files.copy(in, folder.resolve(f));
			}
		try (InputStream in = WordPieceFamilyTest.class.getResourceAsStream(DIR + "expected_ids.json")) {
			expected = new ObjectMapper().readTree(in);
		}
	}

	private static long[] padded(JsonNode ids, int length, long pad) {
		long[] out = new long[length];
		Arrays.fill(out, pad);
		for (int i = 0; i < ids.size(); i++)
			out[i] = ids.get(i).asLong();
		return out;
	}

	@Test
	void idsEqualOpenClipsTokenizer() {
		final ModelFolder mf = new ModelFolder(folder);
		assertEquals("open_clip_hf", mf.profile().family);
		assertEquals(TextCleaning.OPEN_CLIP_WHITESPACE, mf.profile().textCleaning);
		final int context = expected.get("context").asInt();
		try (ClipTokenizer tok = ClipTokenizer.forFolder(mf, context)) {
			assertEquals(256, tok.contextLength());
			assertEquals(expected.get("pad_id").asLong(), tok.padId());
			final List<String> texts = new ArrayList<>();
			final List<long[]> want = new ArrayList<>();
			for (JsonNode c : expected.get("cases")) {
				texts.add(c.get("text").asText());
				want.add(padded(c.get("ids"), context, tok.padId()));
			}
			assertTrue(texts.size() >= 15);
			final ClipTokenizer.Batch batch = tok.encode(texts, context);
			for (int i = 0; i < texts.size(); i++)
				assertArrayEquals(want.get(i), batch.ids[i], texts.get(i));
		}
	}

	/** The fixture discriminates: without open_clip's cleaning, or cased, some ids differ. */
	@Test
	void cleaningMatters() {
		final ModelFolder mf = new ModelFolder(folder);
		try (ClipTokenizer raw = new ClipTokenizer(mf.tokenizerFile(), 256, 0, TextCleaning.NONE)) {
			int differ = 0;
			for (JsonNode c : expected.get("cases")) {
				final long[] got = raw.encode(c.get("text").asText());
				if (!Arrays.equals(padded(c.get("ids"), c.get("ids").size(), 0), got))
					differ++;
			}
			assertTrue(differ >= 3, "captions whose ids depend on the cleaning: " + differ);
		}
	}
}
