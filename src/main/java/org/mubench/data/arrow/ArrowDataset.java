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
package org.mubench.data.arrow;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.types.pojo.Schema;
import org.mubench.base.Json;
import org.mubench.data.Dataset;
import org.mubench.data.DatasetException;
import org.mubench.base.ProgressListener;
import org.mubench.data.SampleStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Hugging Face release on disk: Arrow IPC stream shards ({@code *.arrow}, read in file-name order) with an optional
 * {@code dataset_info.json}. Accepts the shard folder itself, the folder that holds {@code perception/0.1.0/}, or a
 * single shard file.
 */
public final class ArrowDataset implements Dataset {
	/** The release's sub-folder of the perception shards. */
	public static final String RELEASE_SUBDIR = "perception/0.1.0";

	private static final ObjectMapper JSON = Json.MAPPER;

	private final Path location;
	private final List<Path> shards;
	private final List<String> labelNames;

	private ArrowDataset(Path location, List<Path> shards) {
		this.location = location;
		this.shards = Collections.unmodifiableList(shards);
		this.labelNames = Collections.unmodifiableList(readLabelNames());
	}

	/** Opens the shards under {@code path}; throws {@link DatasetException} naming the folder when there are none. */
	public static ArrowDataset open(Path path) {
		List<Path> shards = findShards(path);
		if (shards.isEmpty())
			throw new DatasetException(path + ": no *.arrow shards here (nor under " + RELEASE_SUBDIR +
				"/); fetch the release with: mubench download --dataset ubench --to " + path);
		ArrowSupport.check();
		Path location = Files.isDirectory(path) ? shards.get(0).getParent() : path;
		return new ArrowDataset(location, shards);
	}

	/** The shard files of {@code path} in read order, or an empty list. */
	public static List<Path> findShards(Path path) {
		if (Files.isRegularFile(path))
			return path.getFileName().toString().endsWith(".arrow") ? Collections.singletonList(path)
				: Collections.<Path>emptyList();
		List<Path> direct = arrowFiles(path);
		if (!direct.isEmpty()) return direct;
		return arrowFiles(path.resolve(RELEASE_SUBDIR));
	}

	private static List<Path> arrowFiles(Path dir) {
		List<Path> out = new ArrayList<>();
		if (!Files.isDirectory(dir)) return out;
		try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.arrow")) {
			for (Path p : ds)
				if (Files.isRegularFile(p)) out.add(p);
		}
		catch (IOException e) {
			throw new DatasetException(dir + ": cannot list the folder: " + e.getMessage(), e);
		}
		// Names carry zero-padded shard numbers (ubench-test-00003-of-00007.arrow): lexical order is shard order.
		Collections.sort(out, (a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
		return out;
	}

	@Override
	public Path location() {
		return location;
	}

	public List<Path> shards() {
		return shards;
	}

	@Override
	public List<String> labelNames() {
		return labelNames;
	}

	@Override
	public SampleStream samples(ProgressListener log) {
		return new ShardStream(shards, log);
	}

	/** Rows declared by {@code dataset_info.json}, or -1; see {@link #declaredRows()}. */
	@Override
	public long size() {
		return declaredRows().orElse(-1);
	}

	/**
	 * Rows declared by {@code dataset_info.json} (sum over its splits), when the file is there and this dataset covers
	 * every shard beside it (not when one shard of several was opened on its own).
	 */
	public OptionalLong declaredRows() {
		if (arrowFiles(shards.get(0).getParent()).size() != shards.size()) return OptionalLong.empty();
		JsonNode info = datasetInfo();
		if (info == null || !info.has("splits")) return OptionalLong.empty();
		long n = 0;
		for (JsonNode split : info.get("splits")) n += split.path("num_examples").asLong(0);
		return OptionalLong.of(n);
	}

	private JsonNode datasetInfo() {
		Path f = shards.get(0).resolveSibling("dataset_info.json");
		if (!Files.isRegularFile(f)) return null;
		try {
			return JSON.readTree(f.toFile());
		}
		catch (IOException e) {
			throw new DatasetException(f + ": not valid JSON (" + e.getMessage().split("\n")[0] +
				"); delete it or download it again", e);
		}
	}

	/** ClassLabel names from the first shard's {@code huggingface} metadata, else from dataset_info.json. */
	private List<String> readLabelNames() {
		Path first = shards.get(0);
		Map<String, String> meta = readSchema(first).getCustomMetadata();
		String hf = meta == null ? null : meta.get("huggingface");
		if (hf != null) {
			try {
				List<String> names = labelNames(JSON.readTree(hf).path("info").path("features"));
				if (names != null) return names;
			}
			catch (IOException e) {
				throw new DatasetException(first + ": the 'huggingface' schema metadata is not valid JSON; " +
					"the shard is damaged — download it again", e);
			}
		}
		JsonNode info = datasetInfo();
		List<String> names = info == null ? null : labelNames(info.path("features"));
		return names == null ? new ArrayList<String>() : names;
	}

	private static List<String> labelNames(JsonNode features) {
		JsonNode names = features.path("label").path("names");
		if (!names.isArray()) return null;
		List<String> out = new ArrayList<>();
		for (JsonNode n : names) out.add(n.asText());
		return out;
	}

	/** Reads only the schema message of a shard. */
	static Schema readSchema(Path file) {
		ArrowSupport.check();
		try (BufferAllocator allocator = new RootAllocator(Long.MAX_VALUE);
			InputStream in = ShardStream.openChecked(file);
			ArrowStreamReader reader = new ArrowStreamReader(in, allocator))
		{
			return reader.getVectorSchemaRoot().getSchema();
		}
		catch (IOException | RuntimeException e) {
			throw ShardStream.schemaError(file, e);
		}
	}
}
