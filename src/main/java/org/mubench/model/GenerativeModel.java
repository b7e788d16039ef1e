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
package org.mubench.model;

import java.util.ArrayList;
import java.util.List;

/** A model that reads an image and a text prompt and replies in text (GPT-4o and other chat-completions servers). */
public interface GenerativeModel extends VisionLanguageModel {
	/**
	 * Sends one prompt with one image. Never throws for a failed request: the reply then carries the error, so a run
	 * records it and goes on.
	 *
	 * @param prompt the exact prompt text
	 * @param png the image encoded as PNG
	 */
	GenerativeReply ask(String prompt, byte[] png);

	/**
	 * Answers many requests; reply {@code i} belongs to request {@code i}. Like {@link #ask} it never throws for a
	 * failed request. Backends that can overlap requests (HTTP APIs) override this; the default asks one by one.
	 */
	default List<GenerativeReply> askAll(List<GenerativeRequest> requests) {
		List<GenerativeReply> replies = new ArrayList<>(requests.size());
		for (GenerativeRequest r : requests)
			replies.add(ask(r.prompt, r.png));
		return replies;
	}
}
