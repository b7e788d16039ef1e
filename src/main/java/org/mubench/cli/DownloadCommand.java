package org.mubench.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.mubench.data.Cancellation;
import org.mubench.data.DatasetException;
import org.mubench.data.download.DownloadException;
import org.mubench.data.download.HfModelFiles;
import org.mubench.data.download.HttpDownloader;
import org.mubench.data.download.UbenchRelease;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code mubench download --dataset ubench --to DIR} or {@code mubench download --model hf:OWNER/NAME --to DIR}:
 * resumable, checksum-verified downloads with a progress bar. The only command that uses the network.
 */
@Command(name = "download", mixinStandardHelpOptions = true,
	description = { "Download the μ-Bench release (7 shards + dataset_info.json of the pinned revision, SHA-256 "
		+ "verified) or the files of a CLIP-style ONNX export from the Hugging Face hub.",
		"Interrupted downloads resume where they stopped when the command is run again." })
final class DownloadCommand implements Callable<Integer> {
	static final class What {
		@Option(names = "--dataset", paramLabel = "NAME", description = "Dataset to fetch: ubench.")
		String dataset;

		@Option(names = "--model", paramLabel = "hf:OWNER/NAME",
			description = "ONNX export to fetch (onnx/vision_model.onnx, onnx/text_model.onnx, tokenizer and configs).")
		String model;
	}

	@ArgGroup(exclusive = true, multiplicity = "1")
	What what;

	@Option(names = "--to", required = true, paramLabel = "DIR", description = "Folder to download into.")
	Path to;

	@Option(names = "--revision", paramLabel = "R", defaultValue = "main",
		description = "Model revision (branch, tag or commit); default ${DEFAULT-VALUE}. The dataset revision is pinned.")
	String revision;

	@Option(names = "--base-url", paramLabel = "URL", defaultValue = UbenchRelease.DEFAULT_BASE_URL,
		description = "Hub address (a mirror with the same paths); default ${DEFAULT-VALUE}.")
	String baseUrl;

	@Spec
	CommandSpec spec;

	/** Tests shorten retry pauses. */
	static long retryDelayMillis = 2000;

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		HttpDownloader http = new HttpDownloader().retryDelayMillis(retryDelayMillis);
		List<Item> items = new ArrayList<>();
		if (what.dataset != null) {
			if (!what.dataset.equalsIgnoreCase("ubench"))
				throw new ParameterException(spec.commandLine(), "unknown dataset '" + what.dataset + "' (known: ubench)");
			for (UbenchRelease.File f : UbenchRelease.files())
				items.add(new Item(f.name, UbenchRelease.url(baseUrl, f.name), f.sha256, true));
		}
		else {
			String repo;
			try {
				repo = HfModelFiles.repo(what.model);
			}
			catch (IllegalArgumentException e) {
				throw new ParameterException(spec.commandLine(), e.getMessage());
			}
			for (String f : HfModelFiles.REQUIRED)
				items.add(new Item(f, HfModelFiles.url(baseUrl, repo, revision, f), null, true));
			for (String f : HfModelFiles.OPTIONAL)
				items.add(new Item(f, HfModelFiles.url(baseUrl, repo, revision, f), null, false));
		}

		announce(out, http, items);

		List<String> failures = new ArrayList<>();
		int fetched = 0;
		for (Item item : items) {
			Path target = to.resolve(item.name);
			if (item.skip) continue;
			TerminalProgress bar = TerminalProgress.forTerminal(err, true, null);
			try {
				http.download(item.url, target, item.sha256, bar, Cancellation.NEVER);
				bar.finish();
				out.println("ok  " + item.name + (item.sha256 != null ? "  (SHA-256 verified)" : ""));
				fetched++;
			}
			catch (DownloadException e) {
				bar.finish();
				if (e.notFound() && !item.required) {
					out.println("--  " + item.name + "  (not in this repository, skipped)");
					continue;
				}
				if (e.unreachable()) throw e;
				err.println("error: " + e.getMessage());
				failures.add(item.name);
			}
			out.flush();
		}
		if (!failures.isEmpty())
			throw new DatasetException(failures.size() + " of " + items.size() + " files failed (" + String.join(", ",
				failures) + "); run the same command again to retry — finished files are kept, broken ones resume");
		out.println("done: " + fetched + " files in " + to);
		return 0;
	}

	/** Prints what will be fetched and, when the server tells sizes, how much. */
	private void announce(PrintWriter out, HttpDownloader http, List<Item> items) {
		long total = 0, present = 0;
		boolean known = true;
		for (Item item : items) {
			Path target = to.resolve(item.name);
			long size;
			try {
				size = http.size(item.url);
			}
			catch (DownloadException e) {
				if (e.notFound() && !item.required) {
					item.skip = true;
					out.println("--  " + item.name + "  (not in this repository, skipped)");
					continue;
				}
				if (e.notFound()) throw new DownloadException(item.url + ": not found (HTTP 404); check the name" +
					(what.model != null ? " and --revision" : "") + " (and --base-url)", 404, e);
				if (e.unreachable()) throw e;
				size = -1;
			}
			if (size < 0) known = false;
			else {
				total += size;
				if (Files.isRegularFile(target)) present += size;
			}
		}
		String amount = known ? TerminalProgress.amountOfBytes(total) : "an unknown amount";
		out.println("fetching " + (items.size() - skipped(items)) + " files (" + amount + ") into " + to +
			(present > 0 ? "; " + TerminalProgress.amountOfBytes(present) + " already there" : ""));
		out.flush();
	}

	private static int skipped(List<Item> items) {
		int n = 0;
		for (Item i : items)
			if (i.skip) n++;
		return n;
	}

	static final class Item {
		final String name;
		final URI url;
		final String sha256;
		final boolean required;
		boolean skip;

		Item(String name, URI url, String sha256, boolean required) {
			this.name = name;
			this.url = url;
			this.sha256 = sha256;
			this.required = required;
		}
	}
}
