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
package org.mubench.fiji;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.mubench.eval.tasks.TaskRegistry;

/**
 * What the Tasks list of Run Benchmark offers, from the {@link TaskRegistry}: the paper's two tables together, everything,
 * each group, each coarse question type and each fine-grained task. A choice is the selector the core reads, so a macro
 * may also give any comma-separated list of them.
 */
public final class TaskChoices {
	/** Every question of the dataset. */
	public static final String ALL = "all";
	/** The default: the paper's coarse and fine-grained tables. */
	public static final String COARSE_AND_FINE = TaskRegistry.GROUP_COARSE + "," + TaskRegistry.GROUP_FINE;

	private TaskChoices() {}

	public static List<String> choices() {
		List<String> c = new ArrayList<>();
		c.add(COARSE_AND_FINE);
		c.add(ALL);
		c.add(TaskRegistry.GROUP_COARSE);
		c.add(TaskRegistry.GROUP_FINE);
		c.add(TaskRegistry.GROUP_COGNITION);
		c.add(TaskRegistry.GROUP_PATHOLOGY);
		c.addAll(TaskRegistry.COARSE_TYPES);
		for (TaskRegistry.FineTask t : TaskRegistry.fineTasks()) c.add(t.id);
		return Collections.unmodifiableList(c);
	}

	/** The core's task selectors for a Tasks value ({@code all} → none, i.e. every question). */
	public static String selectors(String choice) {
		if (choice == null) return "";
		String c = choice.trim();
		return c.equalsIgnoreCase(ALL) ? "" : c;
	}
}
