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

import java.nio.file.Path;

import org.mubench.base.Cancellation;
import org.mubench.data.download.DownloadPlan;
import org.mubench.data.download.HttpDownloader;
import org.scijava.log.LogService;
import org.scijava.ui.DialogPrompt;
import org.scijava.ui.UIService;

/** Runs a download for a Fiji command: says how much it will fetch first (and asks, in the GUI), then fetches. */
final class Downloads {
	private Downloads() {}

	/** @return the number of files fetched, or -1 when the user declined */
	static int run(DownloadPlan plan, Path to, FijiProgress progress, LogService log, UIService ui, Cancellation cancel) {
		HttpDownloader http = new HttpDownloader();
		DownloadPlan.Estimate e = plan.estimate(http, to, log::info);
		String amount = e.totalBytes >= 0 ? String.format("%.1f MB", e.totalBytes / 1e6) : "an unknown amount";
		String message = "Micro-Bench will download " + e.files + " files (" + amount + ") into " + to
			+ (e.presentBytes > 0 ? String.format("; %.1f MB are already there", e.presentBytes / 1e6) : "") + ".";
		log.info(message);
		if (!Results.headless(ui)) {
			DialogPrompt.Result answer = ui.showDialog(message + "\nContinue?", "Micro-Bench download",
				DialogPrompt.MessageType.QUESTION_MESSAGE, DialogPrompt.OptionType.OK_CANCEL_OPTION);
			if (answer != DialogPrompt.Result.OK_OPTION) return -1;
		}
		int fetched = plan.fetch(http, to, () -> progress, log::info, log::error, cancel);
		log.info("Downloaded " + fetched + " files into " + to);
		return fetched;
	}
}
