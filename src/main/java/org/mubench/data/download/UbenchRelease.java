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
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** The pinned files of the Hugging Face release {@code jnirschl/uBench} perception/0.1.0 (MICROBENCH.md §2). */
public final class UbenchRelease {
	private UbenchRelease() {}

	public static final String DEFAULT_BASE_URL = "https://huggingface.co";
	public static final String REPO = "jnirschl/uBench";
	public static final String REVISION = "3f2c5b590bc7a208d5b60f3527ce4c76a331aa2b";
	public static final String PATH = "perception/0.1.0";

	/** A file of the release and its published SHA-256 (null: none published). */
	public static final class File {
		public final String name;
		public final String sha256;

		File(String name, String sha256) {
			this.name = name;
			this.sha256 = sha256;
		}
	}

	private static final String[] SHARD_SHA256 = {
		"3d346134e6dffed41f74da64c1c173f5efd3a10200805796a030357297b630f1",
		"790591636ae679afa1161664d207c2bb2e3d583690d03967e38364ba0f31ccac",
		"c370cd84e6ed9b00483ef3d20f5c06d5ff2264733ea87f2df98cf9a22820bf74",
		"832cdd6f73a132028584b4e47ec1afe643e0490dd8ec9686eabbb9de3eb7f814",
		"e2741415cef1327ba243f21000ac43aab2d36b61a9c2c862a1d0e21f200f4a69",
		"89deae84ed2dab1bb1fc40be0aefe81b8d94590cec548d1950ff5ff853143d34",
		"534beca2084a250d4436340c78accc9fe7cc2d6063d4884302e7e7f141edad6c" };

	/** dataset_info.json (no published checksum) and the seven shards, in order. */
	public static List<File> files() {
		File[] f = new File[SHARD_SHA256.length + 1];
		f[0] = new File("dataset_info.json", null);
		for (int i = 0; i < SHARD_SHA256.length; i++)
			f[i + 1] = new File(String.format("ubench-test-%05d-of-%05d.arrow", i, SHARD_SHA256.length), SHARD_SHA256[i]);
		return Collections.unmodifiableList(Arrays.asList(f));
	}

	/** {@code BASE/datasets/jnirschl/uBench/resolve/REVISION/perception/0.1.0/NAME}; BASE defaults to huggingface.co. */
	public static URI url(String baseUrl, String name) {
		return URI.create(trimSlash(baseUrl == null ? DEFAULT_BASE_URL : baseUrl) + "/datasets/" + REPO + "/resolve/" +
			REVISION + "/" + PATH + "/" + name);
	}

	static String trimSlash(String s) {
		return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
	}
}
