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

import java.io.File;

import org.mubench.base.Cancellation;
import org.mubench.data.download.DownloadPlan;
import org.mubench.data.download.UbenchRelease;
import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.ui.UIService;

/** What the two Download commands share: where to, from which hub, cancellation; each says what to fetch. */
abstract class AbstractDownloadCommand extends ContextCommand {
	@Parameter(label = "Download into", style = "directory",
		description = "The folder the files go to; run again into the same folder to resume an interrupted download")
	private File to;

	@Parameter(label = "Hub address", required = false,
		description = "The Hugging Face hub, or a mirror that serves the same paths")
	private String base_url = UbenchRelease.DEFAULT_BASE_URL;

	@Parameter(type = ItemIO.OUTPUT)
	private int files;

	@Parameter
	private StatusService status;

	@Parameter
	private LogService log;

	@Parameter(required = false)
	private UIService ui;

	private final Cancellation cancellation = new Cancellation();

	/** The files to fetch from the hub at {@code baseUrl}. */
	abstract DownloadPlan plan(String baseUrl);

	@Override
	public void run() {
		FijiErrors.run(this, this::execute);
	}

	private void execute() {
		files = Downloads.run(plan(base_url), to.toPath(), new FijiProgress(status, log), log, ui, cancellation);
		if (files < 0) cancel("Download declined");
	}

	@Override
	public void cancel(String reason) {
		cancellation.cancel();
		super.cancel(reason);
	}
}
