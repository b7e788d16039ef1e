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
package org.mubench.eval.run;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.mubench.base.ProgressListener;
import org.mubench.data.Dataset;
import org.mubench.data.Question;
import org.mubench.data.Sample;
import org.mubench.data.SampleStream;

/** A dataset held in memory, optionally slow (a pause per sample) so a child JVM can be killed mid-run. */
public class MemoryDataset implements Dataset {
	final List<Sample> samples;
	final long delayMillis;
	final boolean knowsSize;

	public MemoryDataset(List<Sample> samples, long delayMillis, boolean knowsSize) {
		this.samples = samples;
		this.delayMillis = delayMillis;
		this.knowsSize = knowsSize;
	}

	public MemoryDataset(List<Sample> samples) {
		this(samples, 0, true);
	}

	@Override
	public Path location() {
		return Paths.get("memory");
	}

	@Override
	public List<String> labelNames() {
		return Collections.emptyList();
	}

	@Override
	public long size() {
		return knowsSize ? samples.size() : -1;
	}

	@Override
	public SampleStream samples(ProgressListener log) {
		Iterator<Sample> it = samples.iterator();
		return new SampleStream() {
			@Override
			public boolean hasNext() {
				return it.hasNext();
			}

			@Override
			public Sample next() {
				if (!it.hasNext()) throw new NoSuchElementException();
				if (delayMillis > 0) {
					try {
						Thread.sleep(delayMillis);
					}
					catch (InterruptedException e) {
						Thread.currentThread().interrupt();
					}
				}
				return it.next();
			}

			@Override
			public void close() {}
		};
	}

	static final String[] DATASETS = { "kather_et_al_2016", "acevedo_et_al_2020", "icpr2020_pollen" };

	/**
	 * {@code rows} samples like the release's: coarse caption questions (templates 0 and 1) for domain, modality and
	 * stain, a classification caption pair, and the matching generative questions. Option counts vary (modality has 4,
	 * the others 3–6) and answers are spread over the options. Image bytes are {@code [3·row mod 8]} (see
	 * {@link FakeClip}).
	 */
	public static List<Sample> generate(int rows) {
		List<Sample> out = new ArrayList<>();
		for (int r = 0; r < rows; r++) {
			Sample.Builder b = Sample.builder(r);
			b.imageId = "img" + (r / 2); // repeats, as in the release
			b.dataset = DATASETS[r % DATASETS.length];
			b.domain = r % 2 == 0 ? "pathology" : "biology";
			b.imageBytes = new byte[] { (byte) (3 * r % 8) };
			for (String type : new String[] { "domain", "modality", "stain", "classification" }) {
				int n = type.equals("modality") ? 4 : 3 + (r + type.length()) % 4;
				int answer = (r * 7 + type.length()) % n;
				List<String> words = new ArrayList<>();
				for (int i = 0; i < n - 1; i++) words.add(type + " class " + ((r + i) % 8));
				words.add("none of the above");
				b.questions.put(type, new Question(type, type + r, type, "Which " + type + "?", words.get(answer), answer,
					words, null));
				for (int t = 0; t < 2; t++) {
					List<String> sentences = new ArrayList<>();
					for (int i = 0; i < n - 1; i++) sentences.add("Template " + t + " of " + words.get(i) + ".");
					sentences.add("none of the above");
					b.captions.put(type + "_" + t, new Question(type + "_" + t, type + r, type, "Template " + t + " {class}",
						null, answer, sentences, Arrays.asList("t")));
				}
			}
			out.add(b.build());
		}
		return out;
	}
}
