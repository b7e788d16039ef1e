package org.mubench.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Inspects the Fiji.app tree that {@code mvn package} lays out for the update site (target/update-site). */
class UpdateSiteIT {
	static final Path SITE = Paths.get("target", "update-site");
	/** Jars every Fiji installation ships; the site must never carry (and so shadow) them. */
	static final Pattern FIJI_OWN = Pattern.compile(
		"^(ij|imglib2|scijava-common|parsington|jackson-.*|gson|commons-.*|slf4j-.*|jna|jna-platform|protobuf-java|imagej-.*)-\\d.*\\.jar$");

	static List<String> names(Path dir) throws IOException {
		try (Stream<Path> s = Files.list(dir)) {
			return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
		}
	}

	@Test
	void pluginJarListsEveryCommandAndTheMacroExtension() throws Exception {
		List<String> plugins = names(SITE.resolve("plugins"));
		assertEquals(1, plugins.size(), plugins.toString());
		String jarName = plugins.get(0);
		assertTrue(jarName.contains("_"), "ImageJ 1 scans only jars with an underscore: " + jarName);
		try (JarFile jar = new JarFile(SITE.resolve("plugins").resolve(jarName).toFile())) {
			String config;
			try (InputStream in = jar.getInputStream(jar.getEntry("plugins.config"))) {
				config = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			assertTrue(config.contains("\"Micro-Bench Macro Extensions\", org.mubench.fiji.MacroExtensions"), config);
			List<String> menus = new ArrayList<>();
			try (InputStream in = jar.getInputStream(jar.getEntry("META-INF/json/org.scijava.plugin.Plugin"))) {
				// The SciJava index is a sequence of JSON objects.
				com.fasterxml.jackson.core.JsonParser p = new ObjectMapper().getFactory().createParser(in);
				for (java.util.Iterator<JsonNode> it = new ObjectMapper().readValues(p, JsonNode.class); it.hasNext();) {
					JsonNode n = it.next();
					if ("org.scijava.command.Command".equals(n.path("values").path("type").asText())) {
						menus.add(n.path("values").path("menuPath").asText());
					}
				}
			}
			for (String command : new String[] { "Run Benchmark...", "Classify Image...", "Detect Objects...",
				"Score Predictions...", "Merge Model Weights...", "Download Dataset...", "Download Model..." })
			{
				assertTrue(menus.contains("Plugins>Micro-Bench>" + command), command + " not in " + menus);
			}
		}
	}

	@Test
	void jarsHoldOurDependenciesButNoneOfFijisOwn() throws Exception {
		List<String> jars = names(SITE.resolve("jars"));
		for (String j : jars) assertFalse(FIJI_OWN.matcher(j).matches(), "a Fiji core jar on the site: " + j);
		for (String needed : new String[] { "api-", "onnxruntime-engine-", "onnxruntime-1", "tokenizers-", "arrow-vector-",
			"arrow-memory-unsafe-" })
		{
			assertTrue(jars.stream().anyMatch(j -> j.startsWith(needed)), needed + " missing from " + jars);
		}
	}

	@Test
	void macrosAreShipped() throws Exception {
		List<String> macros = names(SITE.resolve("macros"));
		assertTrue(macros.containsAll(java.util.Arrays.asList("alpha_sweep.ijm", "batch_classify_folder.ijm",
			"benchmark_headless.ijm")), macros.toString());
	}
}
