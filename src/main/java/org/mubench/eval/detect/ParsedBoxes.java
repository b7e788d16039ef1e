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

import java.util.Collections;
import java.util.List;

/** Boxes read from one model reply, in the model frame's pixels, with the label each came with (or null). */
public final class ParsedBoxes {
	public final List<Box> boxes;
	public final List<String> labels;
	/** False when the reply held no box in the expected syntax at all (scored as an empty prediction, and counted). */
	public final boolean parseable;
	/** Why it was unparseable or what was skipped, or null. */
	public final String problem;

	ParsedBoxes(List<Box> boxes, List<String> labels, boolean parseable, String problem) {
		this.boxes = Collections.unmodifiableList(boxes);
		this.labels = Collections.unmodifiableList(labels);
		this.parseable = parseable;
		this.problem = problem;
	}

	static ParsedBoxes unparseable(String problem) {
		return new ParsedBoxes(Collections.<Box>emptyList(), Collections.<String>emptyList(), false, problem);
	}
}
