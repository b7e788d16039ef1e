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
package org.mubench;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The architecture of the main code, checked on its bytecode: layers {@code base → data → image → model → eval →
 * (fiji | cli)}, each using only layers to its left; no cycle between any two {@code org.mubench} packages; ImageJ,
 * Swing and window code only in fiji and cli; headless Java2D and ImageIO only where images are decoded (image) and
 * charts rendered (eval.chart).
 */
@AnalyzeClasses(packages = "org.mubench", importOptions = { ImportOption.DoNotIncludeTests.class,
	ImportOption.DoNotIncludeJars.class })
class ArchitectureTest {
	private static final String[] TOP = { "org.mubench.fiji..", "org.mubench.cli.." };

	@ArchTest
	static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
		.layer("base").definedBy("org.mubench.base..")
		.layer("data").definedBy("org.mubench.data..")
		.layer("image").definedBy("org.mubench.image..")
		.layer("model").definedBy("org.mubench.model..")
		.layer("eval").definedBy("org.mubench.eval..")
		.layer("fiji").definedBy("org.mubench.fiji..")
		.layer("cli").definedBy("org.mubench.cli..")
		.whereLayer("cli").mayNotBeAccessedByAnyLayer()
		.whereLayer("fiji").mayNotBeAccessedByAnyLayer()
		.whereLayer("eval").mayOnlyBeAccessedByLayers("fiji", "cli")
		.whereLayer("model").mayOnlyBeAccessedByLayers("eval", "fiji", "cli")
		.whereLayer("image").mayOnlyBeAccessedByLayers("model", "eval", "fiji", "cli")
		.whereLayer("data").mayOnlyBeAccessedByLayers("image", "model", "eval", "fiji", "cli")
		.because("each layer depends only leftwards (docs: README, package map)");

	@ArchTest
	static final ArchRule everyClassInALayer = com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
		.should().resideInAnyPackage("org.mubench.base..", "org.mubench.data..", "org.mubench.image..",
			"org.mubench.model..", "org.mubench.eval..", "org.mubench.fiji..", "org.mubench.cli..")
		.because("a package outside the layers escapes the layering rule");

	@ArchTest
	static final ArchRule noPackageCycles = slices().matching("org.mubench.(**)").should().beFreeOfCycles();

	/** The rules must catch what they are for: a cycle, a window, Java2D in the wrong place (fixtures in test code). */
	@org.junit.jupiter.api.Test
	void rulesCatchViolations() {
		com.tngtech.archunit.core.domain.JavaClasses bad = new com.tngtech.archunit.core.importer.ClassFileImporter()
			.importPackages("org.mubench.archfixture");
		org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
			() -> slices().matching("org.mubench.archfixture.(**)").should().beFreeOfCycles().check(bad));
		org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
			() -> noImageJOrWindowsBelowTheFrontEnds.check(bad));
		org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
			() -> java2dOnlyWhereImagesAreDecodedOrDrawn.check(bad));
	}

	@ArchTest
	static final ArchRule noImageJOrWindowsBelowTheFrontEnds = noClasses().that().resideOutsideOfPackages(TOP)
		.should().dependOnClassesThat().resideInAnyPackage("ij..", "javax.swing..", "net.imagej..", "org.scijava.ui..")
		.orShould().dependOnClassesThat(describe("are windows or AWT components",
			(JavaClass c) -> c.isAssignableTo(java.awt.Component.class) || c.isAssignableTo(java.awt.MenuComponent.class)
				|| c.getName().equals("java.awt.Toolkit")))
		.because("ImageJ, Swing and windows belong to the front ends; the core runs headless on a cluster");

	@ArchTest
	static final ArchRule java2dOnlyWhereImagesAreDecodedOrDrawn = noClasses()
		.that().resideOutsideOfPackages("org.mubench.fiji..", "org.mubench.cli..", "org.mubench.image..",
			"org.mubench.eval.chart..")
		.should().dependOnClassesThat().resideInAnyPackage("java.awt..", "javax.imageio..")
		.because("headless Java2D and ImageIO have two homes: image decoding (image) and chart rendering (eval.chart)");
}
