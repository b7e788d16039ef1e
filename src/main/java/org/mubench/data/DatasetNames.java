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

import java.util.Locale;

/** Naming rules of the release that are not stored in it. */
public final class DatasetNames {
	private DatasetNames() {}

	/**
	 * The Held et al. 2010 rows carry a null {@code dataset}; the harness split them by stain (H2B → h2b, GalT → galt,
	 * microtubules → mt). Returns null when the stain does not identify a Held subset.
	 */
	public static String deriveHeld(String stain) {
		if (stain == null) return null;
		String s = stain.toLowerCase(Locale.ROOT);
		if (s.contains("h2b")) return "held_et_al_2010_h2b";
		if (s.contains("galt")) return "held_et_al_2010_galt";
		if (s.contains("tubulin") || s.equals("mt") || s.contains("microtubule")) return "held_et_al_2010_mt";
		return null;
	}
}
