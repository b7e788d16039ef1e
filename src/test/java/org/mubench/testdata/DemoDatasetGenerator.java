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
package org.mubench.testdata;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.mubench.data.Annotation;
import org.mubench.data.Question;
import org.mubench.data.Sample;

/**
 * Writes {@code demo/ubench-demo/}: 40 rows in the exact shard format of the μ-Bench release (two Arrow IPC stream
 * shards plus {@code dataset_info.json}), with procedurally rendered micrographs (CC0, made here) and metadata,
 * questions and captions that follow the release's rules for six of its source datasets. The labels match what each
 * image shows (so a good model has signal), classes are balanced and the gold option's position is shuffled (so
 * position or majority guessing does not win). Not real annotations.
 *
 * <pre>
 * mvn -q test-compile && java -cp target/test-classes:target/classes:$(deps) org.mubench.testdata.DemoDatasetGenerator
 * </pre>
 *
 * {@code DemoDatasetTest} regenerates into a temporary folder and compares with the committed files.
 */
public final class DemoDatasetGenerator {
	private DemoDatasetGenerator() {}

	public static final Path DEFAULT_DIR = Paths.get("demo", "ubench-demo");
	public static final String NONE = "none of the above";
	static final long SEED = 20240701L;

	public static void main(String[] args) throws IOException {
		Path dir = args.length > 0 ? Paths.get(args[0]) : DEFAULT_DIR;
		List<Path> files = write(dir);
		System.out.println("wrote " + files.size() + " shards to " + dir);
	}

	/** Writes the two shards and dataset_info.json into {@code dir}; returns the shard paths. */
	public static List<Path> write(Path dir) throws IOException {
		List<Spec> specs = specs();
		List<String> labels = labelNames(specs);
		TestShards.Builder b = TestShards.builder().shards(2).rowsPerBatch(10).labelNames(labels)
			.description("mubench-fiji demo: synthetic micrographs (CC0) in the on-disk form of jnirschl/uBench " +
				"perception/0.1.0; labels follow the release's rules but are not real annotations.");
		List<Sample> rows = samples(specs, labels);
		b.addAll(rows);
		b.nullQuestions(NULL_QUESTIONS_ROW);
		return b.writeTo(dir);
	}

	/** The row whose {@code questions} struct is null (captions kept), as some release rows are. */
	static final int NULL_QUESTIONS_ROW = 13;

	// ---- the six source datasets --------------------------------------------------------------------------------

	interface Renderer {
		/** Draws one image of {@code label}; may add boxes/polygons to {@code b}. */
		byte[] render(String label, Random r, int variant, Sample.Builder b);
	}

	static final class Spec {
		String dataset, stain, domain, subdomain, modality, submodality, question, t0, t1, taxonId, taxonName;
		Double mpp;
		List<String> classes;
		int rows;
		Renderer renderer;
	}

	static List<Spec> specs() {
		List<Spec> s = new ArrayList<>();
		Spec wbc = spec("acevedo_et_al_2020", "Wright-Giemsa", "pathology", "hematopathology", "light microscopy",
			"brightfield microscopy", 0.36, "NCBITaxon_9606", "Homo sapiens", 8,
			"A Wright-Giemsa stained smear of human peripheral blood. Which type of white blood cell sits in the centre?",
			"A light micrograph of a {class}.", "A peripheral blood smear stained with Wright-Giemsa showing a {class}.",
			"basophil", "eosinophil", "lymphocyte", "monocyte", "neutrophil", "platelet");
		wbc.renderer = DemoDatasetGenerator::bloodCell;
		s.add(wbc);
		Spec crc = spec("kather_et_al_2016", "H&E", "pathology", "gastrointestinal pathology", "light microscopy",
			"brightfield microscopy", 0.495, "NCBITaxon_9606", "Homo sapiens", 7,
			"An H&E-stained tile of colorectal cancer tissue. Which tissue type fills most of the tile?",
			"An H&E image of colorectal tissue showing {class}.", "A colorectal cancer histology tile of {class}.",
			"tumor_epithelium", "simple_stroma", "immune_cells", "debris", "normal_mucosal_glands", "adipose_tissue",
			"background");
		crc.renderer = DemoDatasetGenerator::colonTissue;
		s.add(crc);
		Spec heart = spec("nirschl_et_al_2018", "H&E", "pathology", "cardiovascular pathology", "light microscopy",
			"brightfield microscopy", null, "NCBITaxon_9606", "Homo sapiens", 6,
			"An H&E-stained section of left-ventricular myocardium. What is the clinical diagnosis of the patient?",
			"An H&E image of cardiac muscle, diagnosis: {class}.", "A micrograph of myocardium from a patient with " +
				"{class}.", "chronic_heart_failure", "not_chronic_heart_failure");
		heart.renderer = DemoDatasetGenerator::myocardium;
		s.add(heart);
		Spec held = spec(null, "H2B-mCherry", "biology", "cell biology", "fluorescence microscopy",
			"epifluorescence microscopy", 0.65, "NCBITaxon_9606", "Homo sapiens", 7,
			"A widefield fluorescence image of a HeLa nucleus labelled with H2B-mCherry. Which cell cycle phase is it in?",
			"A fluorescence image of a nucleus in {class}.", "An H2B-labelled HeLa nucleus in {class}.",
			"interphase", "prophase", "prometaphase", "metaphase", "anaphase", "telophase");
		held.renderer = DemoDatasetGenerator::nucleus;
		s.add(held);
		Spec dark = spec("eulenberg_et_al_2017_darkfield", "None", "biology", "cell biology", "light microscopy",
			"darkfield microscopy", 0.33, "NCBITaxon_9606", "Homo sapiens", 6,
			"A darkfield image of a Jurkat cell from imaging flow cytometry. Which cell cycle phase is it in?",
			"A darkfield micrograph of a cell in {class}.", "A darkfield flow cytometry image of a Jurkat cell in " +
				"{class}.", "g1_phase", "s_phase", "g2_phase", "prophase", "metaphase", "anaphase", "telophase");
		dark.renderer = DemoDatasetGenerator::darkfieldCell;
		s.add(dark);
		Spec em = spec("wu_et_al_2023", "None", "biology", "cell biology", "electron microscopy",
			"cryo-electron tomography", 0.0022, "NCBITaxon_10090", "Mus musculus", 6,
			"A slice of a cryo-electron tomogram of a neuron. What is the morphology of the mitochondria?",
			"An electron micrograph of {class}.", "A cryo-electron tomogram slice of {class}.",
			"mitochondria_fragmented", "mitochondria_tubular");
		em.renderer = DemoDatasetGenerator::mitochondria;
		s.add(em);
		return s;
	}

	private static Spec spec(String dataset, String stain, String domain, String subdomain, String modality,
		String submodality, Double mpp, String taxonId, String taxonName, int rows, String question, String t0,
		String t1, String... classes)
	{
		Spec s = new Spec();
		s.dataset = dataset;
		s.stain = stain;
		s.domain = domain;
		s.subdomain = subdomain;
		s.modality = modality;
		s.submodality = submodality;
		s.mpp = mpp;
		s.taxonId = taxonId;
		s.taxonName = taxonName;
		s.rows = rows;
		s.question = question;
		s.t0 = t0;
		s.t1 = t1;
		s.classes = Arrays.asList(classes);
		return s;
	}

	/** The global ClassLabel list: every class once, in first-seen order (shared names share an index). */
	static List<String> labelNames(List<Spec> specs) {
		LinkedHashSet<String> all = new LinkedHashSet<>();
		for (Spec s : specs) all.addAll(s.classes);
		return new ArrayList<>(all);
	}

	// ---- questions, following the release's rules ----------------------------------------------------------------

	static final List<String> DOMAINS = Arrays.asList("pathology", "biology", "cytology", "dermatology", "radiology",
		"ophthalmology");
	static final List<String> SUBDOMAINS = Arrays.asList("hematopathology", "gastrointestinal pathology",
		"cardiovascular pathology", "cell biology", "neuropathology", "botany", "cytopathology");
	static final List<String> MODALITIES = Arrays.asList("light microscopy", "fluorescence microscopy",
		"electron microscopy");
	static final List<String> SUBMODALITIES = Arrays.asList("brightfield microscopy", "darkfield microscopy",
		"epifluorescence microscopy", "phase contrast microscopy", "differential interference contrast microscopy",
		"confocal microscopy", "cryo-electron tomography", "serial block-face scanning electron microscopy",
		"synthetic");
	static final List<String> STAINS = Arrays.asList("H&E", "Wright-Giemsa", "H2B-mCherry", "None", "Congo Red",
		"Papanicolaou", "Toluidine Blue", "GalT-YFP");

	static List<Sample> samples(List<Spec> specs, List<String> labels) {
		List<Sample> out = new ArrayList<>();
		Random ids = new Random(SEED);
		long row = 0;
		for (Spec s : specs) {
			// Balanced labels: cycle through the classes in a shuffled order.
			List<String> order = new ArrayList<>(s.classes);
			Collections.shuffle(order, new Random(SEED + s.classes.hashCode()));
			for (int k = 0; k < s.rows; k++, row++) {
				Random r = new Random(SEED * 31 + row);
				String label = order.get(k % order.size());
				Sample.Builder b = Sample.builder(row);
				b.imageId = uuid(ids);
				b.label = labels.indexOf(label);
				b.labelName = label;
				b.dataset = s.dataset;
				b.domain = s.domain;
				b.subdomain = s.subdomain;
				b.modality = s.modality;
				b.submodality = s.submodality;
				b.stain = s.stain;
				b.institution = "mubench-fiji demo (synthetic)";
				b.license = "CC0-1.0";
				b.micronsPerPixel = s.mpp;
				b.ncbitaxonId = s.taxonId;
				b.ncbitaxonName = s.taxonName;
				b.split = "test";
				b.synthetic = Boolean.TRUE;
				b.imageBytes = s.renderer.render(label, r, k, b);
				coarse(b, r, ids, "modality", "What is the most likely microscopy modality used to acquire this image?",
					s.modality, MODALITIES, "A micrograph acquired through {class}.",
					"A microscopy image obtained through {class}.");
				coarse(b, r, ids, "submodality",
					"What is the most likely microscopy submodality used to acquire this image?", s.submodality,
					SUBMODALITIES, "A micrograph acquired through {class}.", "A microscopy image obtained through {class}.");
				coarse(b, r, ids, "domain", "What is the most likely field of study this micrograph would be used for?",
					s.domain, DOMAINS, "A micrograph, typically studied in {class}.",
					"A microscopy image frequently studied in {class}.");
				coarse(b, r, ids, "subdomain",
					"What is the most likely subfield of study this micrograph would be used for?", s.subdomain,
					SUBDOMAINS, null, null);
				coarse(b, r, ids, "stain", "What is the most likely technique used to stain this micrograph?", s.stain,
					STAINS, "A micrograph stained with {class}.", "A microscopy image stained with {class}.");
				List<String> classText = new ArrayList<>();
				for (String c : s.classes) classText.add(c.replace('_', ' '));
				coarse(b, r, ids, "classification", s.question, label.replace('_', ' '), classText, s.t0, s.t1);
				orderKeys(b);
				out.add(b.build());
			}
		}
		// Release image ids are not unique: give two darkfield rows the same id.
		Sample first = null;
		for (int i = 0; i < out.size(); i++) {
			Sample x = out.get(i);
			if (!"eulenberg_et_al_2017_darkfield".equals(x.dataset)) continue;
			if (first == null) first = x;
			else {
				out.set(i, withImageId(x, first.imageId));
				break;
			}
		}
		return out;
	}

	/**
	 * One question and its two caption variants: up to five candidates (the gold one and distractors drawn from
	 * {@code pool}) in random order, then the literal {@code none of the above}.
	 */
	private static void coarse(Sample.Builder b, Random r, Random ids, String name, String text, String gold,
		List<String> pool, String t0, String t1)
	{
		List<String> distractors = new ArrayList<>(pool);
		distractors.remove(gold);
		Collections.shuffle(distractors, r);
		List<String> options = new ArrayList<>(distractors.subList(0, Math.min(4, distractors.size())));
		// The gold option's position cycles with the row, so every position is gold about equally often.
		int gi = (int) ((b.build().row + name.length()) % (options.size() + 1));
		options.add(gi, gold);
		options.add(NONE);
		String id = uuid(ids);
		b.questions.put(name, new Question(name, id, name, text, gold, gi, options, null));
		if (t0 != null) b.captions.put(name + "_0", TestShards.caption(name + "_0", id, t0, options, gi));
		if (t1 != null) b.captions.put(name + "_1", TestShards.caption(name + "_1", id, t1, options, gi));
	}

	private static void orderKeys(Sample.Builder b) {
		java.util.Map<String, Question> q = new java.util.LinkedHashMap<>(), c = new java.util.LinkedHashMap<>();
		for (String k : TestShards.QUESTION_KEYS)
			if (b.questions.containsKey(k)) q.put(k, b.questions.get(k));
		for (String k : TestShards.CAPTION_KEYS)
			if (b.captions.containsKey(k)) c.put(k, b.captions.get(k));
		b.questions.clear();
		b.questions.putAll(q);
		b.captions.clear();
		b.captions.putAll(c);
	}

	private static Sample withImageId(Sample x, String id) {
		Sample.Builder b = x.toBuilder();
		b.imageId = id;
		return b.build();
	}

	/** A random UUID-shaped id from the seeded generator (the release's ids look like this). */
	static String uuid(Random r) {
		String h = String.format(Locale.ROOT, "%016x%016x", r.nextLong(), r.nextLong());
		return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20) +
			"-" + h.substring(20, 32);
	}

	// ---- renderers ------------------------------------------------------------------------------------------------

	/** Blood smear: pale red cells around one stained white cell whose nucleus shape gives the class. */
	static byte[] bloodCell(String label, Random r, int variant, Sample.Builder b) {
		int n = 96;
		Canvas c = new Canvas(n, n, 3).fill(Canvas.rgb(236, 222, 224));
		c.smoothNoise(r, 24, 0.02f);
		for (int i = 0; i < 14; i++) {
			double x = r.nextDouble() * n, y = r.nextDouble() * n;
			if (Math.hypot(x - n / 2.0, y - n / 2.0) < 26) continue;
			c.disc(x, y, 9 + r.nextDouble() * 2, Canvas.rgb(214, 140, 150), 0.9f, 1.5);
			c.disc(x, y, 4, Canvas.rgb(230, 175, 180), 0.6f, 3);
		}
		double cx = n / 2.0 + r.nextGaussian() * 2, cy = n / 2.0 + r.nextGaussian() * 2, a = r.nextDouble() * Math.PI;
		float[] nucleus = Canvas.rgb(88, 40, 128);
		switch (label) {
			case "platelet":
				for (int i = 0; i < 3; i++)
					c.ellipse(cx + r.nextGaussian() * 5, cy + r.nextGaussian() * 5, 3.5, 2.5, r.nextDouble() * 3,
						Canvas.rgb(140, 90, 170), 0.9f, 1.2, 0.3, r.nextLong());
				break;
			case "lymphocyte":
				c.disc(cx, cy, 15, Canvas.rgb(190, 190, 230), 0.9f, 2);
				c.ellipse(cx + 1, cy, 13, 12, a, nucleus, 0.95f, 1.5, 0.1, r.nextLong());
				break;
			case "monocyte":
				c.disc(cx, cy, 23, Canvas.rgb(200, 190, 225), 0.9f, 2);
				c.ellipse(cx, cy, 15, 10, a, nucleus, 0.9f, 2, 0.25, r.nextLong());
				c.ellipse(cx + 9 * Math.cos(a + 1.57), cy + 9 * Math.sin(a + 1.57), 9, 6, a, Canvas.rgb(200, 190, 225),
					0.9f, 2, 0, 0); // the kidney notch
				break;
			case "neutrophil":
				c.disc(cx, cy, 20, Canvas.rgb(225, 200, 215), 0.9f, 2);
				for (int i = 0; i < 3 + r.nextInt(2); i++) {
					double t = a + i * 1.6;
					c.ellipse(cx + 8 * Math.cos(t), cy + 8 * Math.sin(t), 5.5, 4.5, t, nucleus, 0.95f, 1.2, 0.1,
						r.nextLong());
				}
				break;
			case "eosinophil":
				c.disc(cx, cy, 20, Canvas.rgb(235, 170, 120), 0.9f, 2);
				for (int i = 0; i < 90; i++)
					c.disc(cx + r.nextGaussian() * 9, cy + r.nextGaussian() * 9, 1.3, Canvas.rgb(220, 110, 60), 0.8f, 1);
				for (int i = 0; i < 2; i++)
					c.ellipse(cx + (i == 0 ? -7 : 7) * Math.cos(a), cy + (i == 0 ? -7 : 7) * Math.sin(a), 7, 5.5, a,
						nucleus, 0.95f, 1.2, 0.1, r.nextLong());
				break;
			default: // basophil: dark granules hide the nucleus
				c.disc(cx, cy, 17, Canvas.rgb(170, 140, 200), 0.9f, 2);
				c.ellipse(cx, cy, 11, 9, a, nucleus, 0.8f, 2, 0.2, r.nextLong());
				for (int i = 0; i < 70; i++)
					c.disc(cx + r.nextGaussian() * 8, cy + r.nextGaussian() * 8, 1.6, Canvas.rgb(50, 20, 80), 0.85f, 1);
		}
		c.grain(r, 0.012f);
		c.blur();
		return variant == 5 ? c.png8(vignetteAlpha(n, n)) : c.png8(null);
	}

	/** Colorectal H&E tile: texture per tissue class. */
	static byte[] colonTissue(String label, Random r, int variant, Sample.Builder b) {
		int n = 96;
		float[] pink = Canvas.rgb(232, 160, 190), haem = Canvas.rgb(80, 50, 140);
		Canvas c = new Canvas(n, n, 3).fill(Canvas.rgb(245, 235, 240));
		switch (label) {
			case "tumor_epithelium":
				c.fill(Canvas.rgb(200, 140, 190));
				for (int i = 0; i < 110; i++)
					c.ellipse(r.nextDouble() * n, r.nextDouble() * n, 4 + r.nextDouble() * 2, 3, r.nextDouble() * 3, haem,
						0.85f, 1.5, 0.3, r.nextLong());
				break;
			case "simple_stroma":
				c.fill(pink);
				double a = r.nextDouble() * Math.PI;
				for (int y = 0; y < n; y++)
					for (int x = 0; x < n; x++) {
						double t = x * Math.cos(a) + y * Math.sin(a);
						c.add(x, y, (float) (0.06 * Math.sin(t / 2.2)));
					}
				for (int i = 0; i < 12; i++)
					c.ellipse(r.nextDouble() * n, r.nextDouble() * n, 6, 1.6, a + Math.PI / 2, haem, 0.8f, 1, 0,
						r.nextLong());
				break;
			case "immune_cells":
				c.fill(Canvas.rgb(225, 185, 215));
				for (int i = 0; i < 260; i++)
					c.disc(r.nextDouble() * n, r.nextDouble() * n, 2.2 + r.nextDouble(), Canvas.rgb(60, 30, 110), 0.9f,
						1);
				break;
			case "debris":
				c.fill(Canvas.rgb(230, 180, 205));
				for (int i = 0; i < 60; i++)
					c.ellipse(r.nextDouble() * n, r.nextDouble() * n, 1 + r.nextDouble() * 3, 1 + r.nextDouble() * 2,
						r.nextDouble() * 3, i % 3 == 0 ? haem : Canvas.rgb(200, 90, 140), 0.7f, 1, 0.6, r.nextLong());
				break;
			case "normal_mucosal_glands":
				c.fill(pink);
				for (int i = 0; i < 5; i++) {
					double gx = 15 + r.nextDouble() * (n - 30), gy = 15 + r.nextDouble() * (n - 30);
					c.ellipse(gx, gy, 14, 10, r.nextDouble() * 3, Canvas.rgb(150, 100, 170), 0.9f, 2, 0.1, r.nextLong());
					c.ellipse(gx, gy, 8, 5, r.nextDouble() * 3, Canvas.rgb(248, 240, 245), 1f, 1.5, 0.1, r.nextLong());
				}
				break;
			case "adipose_tissue": {
				// Voronoi-like fat cells: white interiors, thin pink membranes.
				double[][] seeds = new double[14][2];
				for (double[] s : seeds) {
					s[0] = r.nextDouble() * n;
					s[1] = r.nextDouble() * n;
				}
				for (int y = 0; y < n; y++)
					for (int x = 0; x < n; x++) {
						double d1 = 1e9, d2 = 1e9;
						for (double[] s : seeds) {
							double d = Math.hypot(x - s[0], y - s[1]);
							if (d < d1) {
								d2 = d1;
								d1 = d;
							}
							else if (d < d2) d2 = d;
						}
						if (d2 - d1 < 1.5) c.mix(x, y, pink, 0.9f);
					}
				break;
			}
			default: // background: empty glass with faint dust
				for (int i = 0; i < 6; i++)
					c.disc(r.nextDouble() * n, r.nextDouble() * n, 1 + r.nextDouble() * 2, Canvas.rgb(210, 200, 205),
						0.5f, 1.5);
		}
		c.smoothNoise(r, 16, 0.03f);
		c.grain(r, 0.012f);
		c.blur();
		return variant == 3 ? c.png8(vignetteAlpha(n, n)) : c.png8(null);
	}

	/** Cardiac muscle: eosinophilic fibres with nuclei; failing hearts get thinner fibres and pale fibrosis. */
	static byte[] myocardium(String label, Random r, int variant, Sample.Builder b) {
		int n = 96;
		boolean failing = label.equals("chronic_heart_failure");
		Canvas c = new Canvas(n, n, 3).fill(Canvas.rgb(215, 110, 150));
		double a = r.nextDouble() * Math.PI, period = failing ? 7 : 10;
		for (int y = 0; y < n; y++)
			for (int x = 0; x < n; x++) {
				double t = (x * Math.cos(a) + y * Math.sin(a)) / period;
				double gap = Math.abs(Math.sin(Math.PI * t));
				if (gap < (failing ? 0.35 : 0.12)) c.mix(x, y, Canvas.rgb(240, 215, 230), failing ? 0.85f : 0.6f);
			}
		if (failing)
			for (int i = 0; i < 4; i++)
				c.ellipse(r.nextDouble() * n, r.nextDouble() * n, 14, 6, r.nextDouble() * 3, Canvas.rgb(225, 200, 225),
					0.8f, 4, 0.4, r.nextLong());
		for (int i = 0; i < (failing ? 14 : 9); i++)
			c.ellipse(r.nextDouble() * n, r.nextDouble() * n, failing ? 5.5 : 4, failing ? 2.6 : 1.8, a,
				Canvas.rgb(90, 50, 130), 0.85f, 1, failing ? 0.3 : 0, r.nextLong());
		c.smoothNoise(r, 20, 0.03f);
		c.grain(r, 0.012f);
		c.blur();
		return variant == 4 ? c.png8(vignetteAlpha(n, n)) : c.png8(null);
	}

	/** H2B fluorescence: one nucleus whose chromatin shape gives the phase; some rows 16-bit (12-bit camera). */
	static byte[] nucleus(String label, Random r, int variant, Sample.Builder b) {
		int n = 80;
		Canvas c = new Canvas(n, n, 1).fill(0.04f);
		double cx = n / 2.0 + r.nextGaussian() * 2, cy = n / 2.0 + r.nextGaussian() * 2, a = r.nextDouble() * Math.PI;
		switch (label) {
			case "interphase":
				c.ellipse(cx, cy, 20, 15, a, Canvas.grey(0.45), 1f, 3, 0.08, r.nextLong());
				for (int i = 0; i < 25; i++)
					c.disc(cx + r.nextGaussian() * 8, cy + r.nextGaussian() * 6, 1.5, Canvas.grey(0.6), 0.6f, 2);
				break;
			case "prophase":
				c.ellipse(cx, cy, 17, 14, a, Canvas.grey(0.35), 1f, 3, 0.1, r.nextLong());
				for (int i = 0; i < 70; i++)
					c.disc(cx + r.nextGaussian() * 7, cy + r.nextGaussian() * 6, 1.4, Canvas.grey(0.85), 0.8f, 1);
				break;
			case "prometaphase":
				for (int i = 0; i < 40; i++)
					c.ellipse(cx + r.nextGaussian() * 6, cy + r.nextGaussian() * 6, 3, 1.2, r.nextDouble() * 3,
						Canvas.grey(0.9), 0.8f, 1, 0, 0);
				break;
			case "metaphase":
				c.ellipse(cx, cy, 14, 3.5, a, Canvas.grey(0.95), 1f, 2, 0.15, r.nextLong());
				break;
			case "anaphase":
				for (int s = -1; s <= 1; s += 2)
					c.ellipse(cx + s * 7 * Math.cos(a + 1.57), cy + s * 7 * Math.sin(a + 1.57), 12, 3, a,
						Canvas.grey(0.9), 1f, 2, 0.2, r.nextLong());
				break;
			default: // telophase: two compact daughter nuclei far apart
				for (int s = -1; s <= 1; s += 2)
					c.ellipse(cx + s * 16 * Math.cos(a), cy + s * 16 * Math.sin(a), 8, 6, a, Canvas.grey(0.75), 1f, 2,
						0.1, r.nextLong());
		}
		c.smoothNoise(r, 10, 0.02f);
		c.grain(r, 0.015f);
		c.blur();
		return variant % 3 == 1 ? c.png16(4095) : c.png8(null);
	}

	/** Darkfield flow-cytometry cell: bright scattering rim on black; size and inner texture track the phase. */
	static byte[] darkfieldCell(String label, Random r, int variant, Sample.Builder b) {
		int n = 64;
		Canvas c = new Canvas(n, n, 1).fill(0.03f);
		double cx = n / 2.0 + r.nextGaussian(), cy = n / 2.0 + r.nextGaussian();
		List<String> phases = Arrays.asList("g1_phase", "s_phase", "g2_phase", "prophase", "metaphase", "anaphase",
			"telophase");
		int p = phases.indexOf(label);
		double radius = 12 + Math.min(p, 3) * 1.8;
		if (p >= 5) {
			for (int s = -1; s <= 1; s += 2) {
				double off = p == 6 ? 9 : 6;
				c.ring(cx + s * off, cy, radius * 0.7, 1.6, Canvas.grey(0.75), 1f);
			}
		}
		else {
			c.ring(cx, cy, radius, 1.8, Canvas.grey(0.8), 1f);
			int speckles = p <= 2 ? 15 + 10 * p : 60;
			double spread = p == 4 ? 1.5 : radius / 2.5;
			for (int i = 0; i < speckles; i++)
				c.disc(cx + r.nextGaussian() * (p == 4 ? radius / 2 : spread), cy + r.nextGaussian() * spread, 1,
					Canvas.grey(0.5), 0.7f, 1);
		}
		c.grain(r, 0.02f);
		c.blur();
		return c.png8(null);
	}

	/** Cryo-ET slice: grey cytoplasm, dark mitochondria with cristae; records their boxes and outlines. */
	static byte[] mitochondria(String label, Random r, int variant, Sample.Builder b) {
		int n = 128;
		boolean tubular = label.equals("mitochondria_tubular");
		Canvas c = new Canvas(n, n, 1).fill(0.55f);
		c.smoothNoise(r, 12, 0.06f);
		List<Annotation> boxes = new ArrayList<>(), polygons = new ArrayList<>();
		int count = tubular ? 2 : 5;
		for (int i = 0; i < count; i++) {
			double rx = tubular ? 28 + r.nextDouble() * 10 : 7 + r.nextDouble() * 3, ry = tubular ? 7 : 6;
			double a = r.nextDouble() * Math.PI;
			double margin = rx + 2;
			double cx = margin + r.nextDouble() * (n - 2 * margin), cy = 10 + r.nextDouble() * (n - 20);
			c.ellipse(cx, cy, rx, ry, a, Canvas.grey(0.3), 1f, 1.5, 0.05, r.nextLong());
			c.ellipse(cx, cy, rx - 2, ry - 2, a, Canvas.grey(0.42), 1f, 1, 0.05, r.nextLong());
			for (int k = -2; k <= 2; k++) // cristae across the short axis
				c.ellipse(cx + k * rx / 3.5 * Math.cos(a), cy + k * rx / 3.5 * Math.sin(a), 0.8, ry - 2.5, a,
					Canvas.grey(0.25), 0.9f, 0.8, 0, 0);
			double[] poly = new double[24];
			double x1 = 1e9, y1 = 1e9, x2 = -1e9, y2 = -1e9;
			for (int k = 0; k < 12; k++) {
				double t = k * Math.PI / 6;
				double px = cx + rx * Math.cos(t) * Math.cos(a) - ry * Math.sin(t) * Math.sin(a);
				double py = cy + rx * Math.cos(t) * Math.sin(a) + ry * Math.sin(t) * Math.cos(a);
				px = Math.round(px * 10) / 10.0;
				py = Math.round(py * 10) / 10.0;
				poly[2 * k] = px;
				poly[2 * k + 1] = py;
				x1 = Math.min(x1, px);
				y1 = Math.min(y1, py);
				x2 = Math.max(x2, px);
				y2 = Math.max(y2, py);
			}
			polygons.add(new Annotation("mitochondria", poly));
			boxes.add(new Annotation("mitochondria", new double[] { x1, y1, x2, y2 }));
		}
		b.boxes = boxes;
		b.polygons = polygons;
		c.grain(r, 0.05f);
		c.blur();
		return c.png8(null);
	}

	/** Alpha fading to 60% towards the corners: an RGBA image whose transparency carries no label information. */
	static float[] vignetteAlpha(int w, int h) {
		float[] a = new float[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				double d = Math.hypot(x - w / 2.0, y - h / 2.0) / Math.hypot(w / 2.0, h / 2.0);
				a[y * w + x] = (float) (1 - 0.4 * d * d);
			}
		return a;
	}
}
