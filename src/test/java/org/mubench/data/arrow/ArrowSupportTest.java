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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mubench.data.Dataset;
import org.mubench.data.DatasetException;
import org.mubench.data.SampleStream;
import org.mubench.testdata.TestImages;
import org.mubench.testdata.TestShards;

/** Arrow on Java 17+ without {@code --add-opens}: a child JVM started without the flag must get the one-line hint. */
class ArrowSupportTest {
	/** Child entry point: reads a dataset, prints the rows or the error, exits 0 / 3. */
	public static void main(String[] args) {
		try (SampleStream s = Dataset.open(Paths.get(args[0])).samples()) {
			int n = 0;
			while (s.hasNext()) {
				s.next();
				n++;
			}
			System.out.println("rows " + n);
		}
		catch (DatasetException e) {
			System.out.println("error: " + e.getMessage());
			System.exit(3);
		}
	}

	static String run(Path dir, boolean withFlag, int[] code) throws Exception {
		String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
		List<String> cmd = withFlag
			? Arrays.asList(java, ArrowSupport.JVM_FLAG, "-cp", System.getProperty("java.class.path"),
				ArrowSupportTest.class.getName(), dir.toString())
			: Arrays.asList(java, "-cp", System.getProperty("java.class.path"), ArrowSupportTest.class.getName(),
				dir.toString());
		Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (InputStream in = p.getInputStream()) {
			in.transferTo(out);
		}
		code[0] = p.waitFor();
		return out.toString(StandardCharsets.UTF_8.name());
	}

	@Test
	void missingFlagGivesOneLineHint(@TempDir Path dir) throws Exception {
		Assumptions.assumeTrue(Runtime.version().feature() >= 17, "java.nio is open by default before Java 17");
		TestShards.builder().add(TestShards.typical(0, "d", "a", Arrays.asList("a", "b"), TestImages.grey8Png(4, 4)))
			.writeTo(dir);
		int[] code = new int[1];
		String out = run(dir, false, code);
		assertEquals(3, code[0], out);
		String line = out.lines().filter(l -> l.startsWith("error: ")).findFirst().orElse(out);
		assertTrue(line.contains("start Java with the option " + ArrowSupport.JVM_FLAG), line);

		out = run(dir, true, code);
		assertEquals(0, code[0], out);
		assertTrue(out.contains("rows 1"), out);
	}
}
