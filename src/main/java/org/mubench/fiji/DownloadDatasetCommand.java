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
