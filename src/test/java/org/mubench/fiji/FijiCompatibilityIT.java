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
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin against the oldest Fiji we support (2.3.0: ImageJ 1.53f, imglib2 5.12, scijava-common 2.87, Jackson
 * 2.12.5, Gson 2.8.6, …; the pom copies those jars from Maven Central into target/oldest-fiji-jars). A plugin compiled
 * against today's pom-scijava links lazily, so a changed signature only shows when a user runs the command; these
 * tests find it at build time.
 */
class FijiCompatibilityIT {
	static final Path OLD = Paths.get("target", "oldest-fiji-jars");
	static final Path SITE = Paths.get("target", "update-site");
	/** Packages Fiji provides, whose versions in Fiji 2.3.0 are the ones in {@link #OLD}. */
	static final String[] FIJI_PACKAGES = { "net/imglib2/", "org/scijava/", "ij/", "com/fasterxml/jackson/", "com/google/gson/",
		"org/apache/commons/io/", "org/apache/commons/codec/", "org/apache/commons/compress/", "org/slf4j/", "com/sun/jna/",
		"com/google/protobuf/", "org/jfree/", "org/apache/commons/text/" };

	/**
	 * References into Fiji's libraries that do not link against Fiji 2.3.0 but that the plugin never reaches, each
	 * with the reason. Anything else that fails to link fails the test.
	 */
	static final java.util.Map<String, String> UNREACHED = new java.util.LinkedHashMap<>();
	static {
		UNREACHED.put("class com.fasterxml.jackson.datatype.jsr310.", "Arrow's JSON-backed struct/list objects: "
			+ "ShardStream reads struct and list columns through their child vectors and never asks for them");
		UNREACHED.put("com.sun.jna.Native.load(", "DJL's CUDA probe (JNA 5); DJL catches the LinkageError and asks "
			+ "nvidia-smi instead, and InstalledRuntimes catches everything");
		UNREACHED.put("org.apache.commons.compress.", "DJL's TarUtils unpacks model-zoo downloads; we run offline and "
			+ "never let DJL download");
		UNREACHED.put("org.apache.commons.io.input.CloseShieldInputStream.wrap(", "DJL's TarUtils, as above");
	}

	static boolean unreached(String problem) {
		for (String prefix : UNREACHED.keySet()) if (problem.startsWith(prefix)) return true;
		return false;
	}

	static List<Path> jars(Path dir) throws IOException {
		try (Stream<Path> s = Files.list(dir)) {
			return s.filter(p -> p.toString().endsWith(".jar")).sorted().collect(Collectors.toList());
		}
	}

	static URL[] urls(List<Path> paths) throws IOException {
		URL[] urls = new URL[paths.size()];
		for (int i = 0; i < urls.length; i++) urls[i] = paths.get(i).toUri().toURL();
		return urls;
	}

	/**
	 * Every method, constructor and field that our plugin jar and the site's jars use in a library Fiji provides exists
	 * in the version Fiji 2.3.0 ships (the command line's own package is not part of the plugin).
	 */
	@Test
	void everyCallIntoFijisLibrariesLinksAgainstFiji230() throws Exception {
		List<Path> sources = new ArrayList<>(jars(SITE.resolve("plugins")));
		sources.addAll(jars(SITE.resolve("jars")));
		Set<String> missing = new TreeSet<>();
		int checked = 0;
		try (URLClassLoader old = new URLClassLoader(urls(jars(OLD)), ClassLoader.getPlatformClassLoader())) {
			for (Path jar : sources) {
				try (JarFile jf = new JarFile(jar.toFile())) {
					for (Enumeration<JarEntry> e = jf.entries(); e.hasMoreElements();) {
						JarEntry entry = e.nextElement();
						String name = entry.getName();
						if (!name.endsWith(".class") || name.startsWith("META-INF/") || name.startsWith("org/mubench/cli/"))
							continue;
						try (InputStream in = jf.getInputStream(entry)) {
							for (ClassReferences.Ref ref : ClassReferences.of(in)) {
								if (!fijiProvided(ref.owner)) continue;
								checked++;
								String problem = resolve(old, ref);
								if (problem != null && !unreached(problem))
									missing.add(problem + " (used by " + jar.getFileName() + ": " + name + ")");
							}
						}
					}
				}
			}
		}
		assertTrue(checked > 100, "only " + checked + " references checked");
		assertTrue(missing.isEmpty(), missing.size() + " references do not link against Fiji 2.3.0:\n"
			+ String.join("\n", missing));
	}

	/** Dataset, images of every kind and Run Benchmark… run with only Fiji 2.3.0's libraries and the site's jars. */
	@Test
	void pluginPathsRunOnFiji230Libraries(@TempDir Path tmp) throws Exception {
		List<Path> cp = new ArrayList<>(jars(SITE.resolve("plugins")));
		cp.addAll(jars(SITE.resolve("jars")));
		cp.addAll(jars(OLD));
		cp.add(Paths.get("target", "test-classes")); // the probe
		ClassLoader before = Thread.currentThread().getContextClassLoader();
		try (URLClassLoader loader = new URLClassLoader(urls(cp), ClassLoader.getPlatformClassLoader())) {
			Thread.currentThread().setContextClassLoader(loader);
			Class<?> probe = Class.forName(OldestFijiProbe.class.getName(), true, loader);
			assertTrue(probe.getClassLoader() == loader);
			String seen = (String) probe.getMethod("run", String.class, String.class).invoke(null,
				Paths.get("demo", "ubench-demo").toString(), tmp.resolve("run").toString());
			assertTrue(seen.startsWith("rows="), seen);
			assertTrue(seen.contains("16-bit 3 channels/current=" + 3 * 224 * 224), seen);
			assertTrue(seen.contains("rgb/max=" + 3 * 224 * 224), seen);
			assertTrue(seen.contains("coarse="), seen);
			assertEquals(false, seen.contains("coarse=0;"), seen);
		}
		finally {
			Thread.currentThread().setContextClassLoader(before);
		}
	}

	static boolean fijiProvided(String owner) {
		for (String p : FIJI_PACKAGES) if (owner.startsWith(p)) return true;
		return false;
	}

	/** Null when {@code ref} resolves in {@code loader}, else what is missing. */
	static String resolve(ClassLoader loader, ClassReferences.Ref ref) {
		if (ref.owner.startsWith("[")) return null; // array clone() etc.
		Class<?> owner;
		try {
			owner = Class.forName(ref.owner.replace('/', '.'), false, loader);
		}
		catch (ClassNotFoundException | LinkageError e) {
			return "class " + ref.owner.replace('/', '.') + " is missing";
		}
		try {
			return find(owner, ref, new java.util.HashSet<>()) ? null : ref + " is missing";
		}
		catch (LinkageError e) {
			return ref + " cannot be resolved (" + e + ")";
		}
	}

	private static boolean find(Class<?> c, ClassReferences.Ref ref, Set<Class<?>> seen) {
		if (c == null || !seen.add(c)) return false;
		if (ref.field) {
			for (Field f : c.getDeclaredFields())
				if (f.getName().equals(ref.name) && descriptor(f.getType()).equals(ref.descriptor)) return true;
		}
		else if (ref.name.equals("<init>")) {
			for (Constructor<?> k : c.getDeclaredConstructors())
				if (descriptor(k.getParameterTypes(), void.class).equals(ref.descriptor)) return true;
			return false;
		}
		else {
			for (Method m : c.getDeclaredMethods())
				if (m.getName().equals(ref.name) && descriptor(m.getParameterTypes(), m.getReturnType()).equals(ref.descriptor))
					return true;
			// signature-polymorphic and Object's methods on interfaces
			if (c.isInterface() && find(Object.class, ref, seen)) return true;
		}
		if (find(c.getSuperclass(), ref, seen)) return true;
		for (Class<?> i : c.getInterfaces()) if (find(i, ref, seen)) return true;
		return false;
	}

	static String descriptor(Class<?>[] params, Class<?> ret) {
		StringBuilder b = new StringBuilder("(");
		for (Class<?> p : params) b.append(descriptor(p));
		return b.append(')').append(descriptor(ret)).toString();
	}

	static String descriptor(Class<?> c) {
		if (c.isArray()) return c.getName().replace('.', '/');
		if (c == void.class) return "V";
		if (c == boolean.class) return "Z";
		if (c == byte.class) return "B";
		if (c == char.class) return "C";
		if (c == short.class) return "S";
		if (c == int.class) return "I";
		if (c == long.class) return "J";
		if (c == float.class) return "F";
		if (c == double.class) return "D";
		return "L" + c.getName().replace('.', '/') + ";";
	}
}
