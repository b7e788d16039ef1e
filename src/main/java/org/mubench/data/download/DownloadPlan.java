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
package org.mubench.data.download;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.mubench.base.Cancellation;
import org.mubench.data.DatasetException;
import org.mubench.base.ProgressListener;

/**
 * The files one download fetches — the μ-Bench release or a Hugging Face ONNX export — with what the server says
 * about their sizes, so a caller can tell the user how much will be fetched before anything starts. Used by
 * {@code mubench download} and Fiji's Download commands.
 */
public final class DownloadPlan {
	/** One file to fetch. */
	public static final class Item {
		public final String name;
		public final URI url;
		/** Expected SHA-256 (hex), or null when none is published. */
		public final String sha256;
		/** A required file that is missing fails the download; an optional one is skipped. */
		public final boolean required;
		/** Size from the server, -1 when unknown. */
		long size = -1;
		boolean skip;

		Item(String name, URI url, String sha256, boolean required) {
			this.name = name;
			this.url = url;
			this.sha256 = sha256;
			this.required = required;
		}
	}

	private final List<Item> items = new ArrayList<>();
	private final String what;

	private DownloadPlan(String what) {
		this.what = what;
	}

	/** The 7 shards and dataset_info.json of the pinned μ-Bench revision. */
	public static DownloadPlan ubench(String baseUrl) {
		DownloadPlan plan = new DownloadPlan("the uBench release");
		for (UbenchRelease.File f : UbenchRelease.files()) {
			plan.items.add(new Item(f.name, UbenchRelease.url(baseUrl, f.name), f.sha256, true));
		}
		return plan;
	}

	/** The files of an ONNX export {@code hf:OWNER/NAME} at {@code revision}. */
	public static DownloadPlan hfModel(String spec, String revision, String baseUrl) {
		String repo = HfModelFiles.repo(spec);
		DownloadPlan plan = new DownloadPlan(repo + " (" + revision + ")");
		for (String f : HfModelFiles.REQUIRED) plan.items.add(new Item(f, HfModelFiles.url(baseUrl, repo, revision, f), null, true));
		for (String f : HfModelFiles.OPTIONAL) plan.items.add(new Item(f, HfModelFiles.url(baseUrl, repo, revision, f), null, false));
		return plan;
	}

	public List<Item> items() {
		return Collections.unmodifiableList(items);
	}

	/** What {@link #estimate} learnt: bytes to fetch (-1 when the server did not say), bytes already in place. */
	public static final class Estimate {
		public final int files;
		public final long totalBytes;
		public final long presentBytes;

		Estimate(int files, long totalBytes, long presentBytes) {
			this.files = files;
			this.totalBytes = totalBytes;
			this.presentBytes = presentBytes;
		}
	}

	/**
	 * Asks the server for every file's size; optional files it does not have are skipped (and reported to
	 * {@code notices}). A required file that is missing is an error naming its address.
	 */
	public Estimate estimate(HttpDownloader http, Path to, Consumer<String> notices) {
		long total = 0, present = 0;
		boolean known = true;
		int files = 0;
		for (Item item : items) {
			try {
				item.size = http.size(item.url);
			}
			catch (DownloadException e) {
				if (e.notFound() && !item.required) {
					item.skip = true;
					notices.accept("--  " + item.name + "  (not in this repository, skipped)");
					continue;
				}
				if (e.notFound()) {
					throw new DownloadException(item.url + ": not found (HTTP 404); check the name and revision of " + what
						+ " (and the base URL)", 404, e);
				}
				if (e.unreachable()) throw e;
				item.size = -1;
			}
			files++;
			if (item.size < 0) known = false;
			else {
				total += item.size;
				if (Files.isRegularFile(to.resolve(item.name))) present += item.size;
			}
		}
		return new Estimate(files, known ? total : -1, present);
	}

	/**
	 * Fetches every file that {@link #estimate} did not skip. A file that fails is reported and the others still
	 * come; at the end, failures are one error listing them (finished files stay, broken ones resume next time).
	 *
	 * @param progress a fresh listener per file (a progress bar)
	 * @param notices one line per finished or skipped file
	 * @return the number of files fetched
	 */
	public int fetch(HttpDownloader http, Path to, Supplier<ProgressListener> progress, Consumer<String> notices,
		Consumer<String> errors, Cancellation cancellation)
	{
		List<String> failures = new ArrayList<>();
		int fetched = 0;
		for (Item item : items) {
			if (item.skip) continue;
			if (cancellation.isCancelled()) break;
			try {
				http.download(item.url, to.resolve(item.name), item.sha256, progress.get(), cancellation);
				notices.accept("ok  " + item.name + (item.sha256 != null ? "  (SHA-256 verified)" : ""));
				fetched++;
			}
			catch (DownloadException e) {
				if (e.notFound() && !item.required) {
					notices.accept("--  " + item.name + "  (not in this repository, skipped)");
					continue;
				}
				if (e.unreachable()) throw e;
				errors.accept(e.getMessage());
				failures.add(item.name);
			}
		}
		if (!failures.isEmpty()) {
			throw new DatasetException(failures.size() + " of " + items.size() + " files failed (" + String.join(", ", failures)
				+ "); run the same download again to retry — finished files are kept, broken ones resume");
		}
		return fetched;
	}
}
