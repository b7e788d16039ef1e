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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ByteProcessor;

class FijiImagesTest {
	@Test
	void microscopyFormatsGoThroughBioFormats() {
		assertTrue(FijiImages.needsBioFormats("cells.CZI"));
		assertTrue(FijiImages.needsBioFormats("x.ome.tif"));
		assertFalse(FijiImages.needsBioFormats("x.tif"));
		assertFalse(FijiImages.needsBioFormats("x.png"));
	}

	@Test
	void withoutBioFormatsTheMessageSaysWhatToInstall(@TempDir Path dir) throws Exception {
		File czi = Files.write(dir.resolve("cells.czi"), new byte[] { 1, 2, 3 }).toFile();
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FijiImages.open(czi));
		assertTrue(e.getMessage().startsWith(czi + ": this format needs Bio-Formats"), e.getMessage());
		assertTrue(e.getMessage().contains("bioformats_package.jar"), e.getMessage());
	}

	@Test
	void bioFormatsIsCalledWhenPresent(@TempDir Path dir) throws Exception {
		File czi = Files.write(dir.resolve("cells.czi"), new byte[] { 1 }).toFile();
		ImagePlus imp = FijiImages.openWithBioFormats(czi, FakeBioFormats.class.getName());
		assertEquals("series 0 of cells.czi", imp.getTitle());
	}

	@Test
	void plainFormatsOpenWithImageJ(@TempDir Path dir) throws Exception {
		Path tif = dir.resolve("a.tif");
		new FileSaver(new ImagePlus("a", new ByteProcessor(7, 5))).saveAsTiff(tif.toString());
		assertEquals(7, FijiImages.open(tif.toFile()).getWidth());
		assertThrows(IllegalArgumentException.class, () -> FijiImages.open(dir.resolve("missing.png").toFile()));
	}

	/** Stands in for loci.plugins.BF: the same static method. */
	public static final class FakeBioFormats {
		public static ImagePlus[] openImagePlus(String path) {
			return new ImagePlus[] { new ImagePlus("series 0 of " + new File(path).getName(), new ByteProcessor(3, 3)) };
		}
	}
}
