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

import org.mubench.data.download.DownloadPlan;
import org.scijava.command.Command;
import org.scijava.plugin.Plugin;

/**
 * Plugins › Micro-Bench › Download Dataset…: the μ-Bench release (7 shards, 3.57 GB, pinned revision, SHA-256
 * checked; run again to resume). With Download Model, the only commands that use the network.
 */
@Plugin(type = Command.class, menuPath = "Plugins>Micro-Bench>Download Dataset...", headless = true)
public class DownloadDatasetCommand extends AbstractDownloadCommand {
	@Override
	DownloadPlan plan(String baseUrl) {
		return DownloadPlan.ubench(baseUrl);
	}
}
