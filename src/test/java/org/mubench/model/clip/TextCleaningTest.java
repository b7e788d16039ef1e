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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mubench.image.ImagePipeline;

/**
 * open_clip's caption cleaning against open_clip's own (ftfy 6.3, Python html): the strings its tokenizers see, as
 * tools/family_parity_reference.py recorded them.
 */
class TextCleaningTest {
	@Test
	void matchesOpenClipCleaning() throws IOException {
		JsonNode texts;
		try (InputStream in = getClass().getResourceAsStream("/org/mubench/families/expected.json")) {
			texts = new ObjectMapper().readTree(in).get("texts");
		}
		assertTrue(texts.size() >= 8);
		for (JsonNode t : texts) {
			final String text = t.get("text").asText();
			assertEquals(t.get("lower").asText(), TextCleaning.OPEN_CLIP_LOWER.clean(text), text);
			assertEquals(t.get("whitespace").asText(), TextCleaning.OPEN_CLIP_WHITESPACE.clean(text), text);
			assertEquals(text, TextCleaning.NONE.clean(text));
		}
	}

	@Test
	void entitiesAsPythonHtmlUnescapes() {
		assertEquals("h&e", TextCleaning.OPEN_CLIP_LOWER.clean("H&amp;amp;E"));
		assertEquals("it's 5 µm at 37 °c", TextCleaning.OPEN_CLIP_LOWER.clean("it&apos;s 5 &micro;m at 37 &#176;C"));
		assertEquals("a & b", TextCleaning.OPEN_CLIP_LOWER.clean("a &#38 b")); // numeric without ';' as Python
	}

	@Test
	void profileFileChoosesTheFamily(@TempDir Path dir) throws IOException {
		assertEquals(ModelProfile.CLIP.family, new ModelFolder(dir).profile().family);
		Files.write(dir.resolve(ModelProfile.FILE), "{\"family\": \"open_clip\"}".getBytes());
		ModelProfile p = new ModelFolder(dir).profile();
		assertEquals(ImagePipeline.OPEN_CLIP, p.imagePipeline);
		assertEquals(TextCleaning.OPEN_CLIP_LOWER, p.textCleaning);
		Files.write(dir.resolve(ModelProfile.FILE), "{\"family\": \"conch\", \"text_cleaning\": \"whitespace\"}".getBytes());
		p = new ModelFolder(dir).profile();
		assertEquals(ImagePipeline.OPEN_CLIP, p.imagePipeline);
		assertEquals(TextCleaning.OPEN_CLIP_WHITESPACE, p.textCleaning);
		Files.write(dir.resolve(ModelProfile.FILE), "{\"family\": \"siglip\"}".getBytes());
		org.mubench.model.ModelException e = org.junit.jupiter.api.Assertions.assertThrows(
			org.mubench.model.ModelException.class, () -> new ModelFolder(dir).profile());
		assertTrue(e.getMessage().contains("unknown family 'siglip'"), e.getMessage());
	}
}
