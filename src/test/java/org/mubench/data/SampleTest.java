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
package org.mubench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Collections;

import org.junit.jupiter.api.Test;

class SampleTest {
	/** Every builder field is set (by reflection, so a field added later is covered too) and must survive the copy. */
	@Test
	void toBuilderCopiesEveryField() throws Exception {
		Sample.Builder b = Sample.builder(42);
		for (Field f : Sample.Builder.class.getFields()) {
			if (Modifier.isFinal(f.getModifiers())) continue;
			Class<?> t = f.getType();
			Object v;
			if (t == String.class) v = f.getName() + "-value";
			else if (t == byte[].class) v = new byte[] { 1, 2, 3 };
			else if (t == Integer.class) v = 7;
			else if (t == Double.class) v = 0.25;
			else if (t == Boolean.class) v = Boolean.TRUE;
			else if (t == java.util.List.class)
				v = Collections.singletonList(new Annotation(f.getName(), new double[] { 1, 2, 3, 4 }));
			else throw new AssertionError("no test value for builder field " + f.getName() + " of " + t);
			f.set(b, v);
		}
		Question q = new Question("modality", "id", "modality", "text?", "a", 0, Arrays.asList("a", "b"), null);
		b.questions.put(q.key, q);
		Question c = new Question("modality_1", "id", "modality", "a {}", "a", 1, Arrays.asList("b", "a"), null);
		b.captions.put(c.key, c);
		Sample original = b.build();
		Sample copy = original.toBuilder().build();
		for (Field f : Sample.class.getFields()) {
			if (Modifier.isStatic(f.getModifiers())) continue;
			Object want = f.get(original);
			assertNotNull(want, f.getName() + " was not set by the test");
			if (want instanceof byte[]) assertSame(want, f.get(copy), f.getName());
			else assertEquals(want, f.get(copy), f.getName());
		}
		assertEquals("dataset-value", copy.datasetRaw);
	}

	/** A release row without {@code dataset}: the copy keeps it raw (null) and derives the Held name again. */
	@Test
	void toBuilderKeepsTheRawDataset() {
		Sample.Builder b = Sample.builder(0);
		b.stain = "H2B";
		Sample s = b.build();
		Sample copy = s.toBuilder().build();
		assertEquals(null, copy.datasetRaw);
		assertEquals("held_et_al_2010_h2b", copy.dataset);
	}
}
