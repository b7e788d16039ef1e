package org.mubench.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of the benchmark. {@link #row} is the global row index in shard order and is the only unique key:
 * {@code image_id} repeats in the release.
 */
public final class Sample {
	public final long row;
	public final String imageId;
	/** Encoded image (PNG in the release; any format the image layer decodes for manifests). */
	public final byte[] imageBytes;
	/** The image's path as stored in the release, or the manifest file; may be null. */
	public final String imagePath;
	/** Why {@link #imageBytes} is missing (e.g. "image file PATH not found"), when the reader knows; else null. */
	public final String imageProblem;
	public final Integer label;
	public final String labelName;
	/** Source dataset; for release rows whose {@code dataset} is null it is derived from {@code stain} (Held). */
	public final String dataset;
	/** The {@code dataset} value exactly as stored (may be null). */
	public final String datasetRaw;
	public final String domain;
	public final String institution;
	public final String license;
	public final Double micronsPerPixel;
	public final String modality;
	public final String ncbitaxonId;
	public final String ncbitaxonName;
	public final String pmid;
	public final String split;
	public final String stain;
	public final String subdomain;
	public final String submodality;
	public final Boolean synthetic;
	/** Non-null generative questions by key, in schema order. */
	public final Map<String, Question> questions;
	/** Non-null caption questions by key ({@code modality_0}, {@code modality_1}, …), in schema order. */
	public final Map<String, Question> captions;
	public final List<Annotation> boxes;
	public final List<Annotation> polygons;

	private Sample(Builder b) {
		row = b.row;
		imageId = b.imageId;
		imageBytes = b.imageBytes;
		imagePath = b.imagePath;
		imageProblem = b.imageProblem;
		label = b.label;
		labelName = b.labelName;
		datasetRaw = b.dataset;
		dataset = b.dataset != null ? b.dataset : DatasetNames.deriveHeld(b.stain);
		domain = b.domain;
		institution = b.institution;
		license = b.license;
		micronsPerPixel = b.micronsPerPixel;
		modality = b.modality;
		ncbitaxonId = b.ncbitaxonId;
		ncbitaxonName = b.ncbitaxonName;
		pmid = b.pmid;
		split = b.split;
		stain = b.stain;
		subdomain = b.subdomain;
		submodality = b.submodality;
		synthetic = b.synthetic;
		questions = Collections.unmodifiableMap(new LinkedHashMap<>(b.questions));
		captions = Collections.unmodifiableMap(new LinkedHashMap<>(b.captions));
		boxes = b.boxes == null ? Collections.emptyList() : Collections.unmodifiableList(b.boxes);
		polygons = b.polygons == null ? Collections.emptyList() : Collections.unmodifiableList(b.polygons);
	}

	/** A readable name for messages: row, dataset and image id. */
	public String describe() {
		return "row " + row + " (" + dataset + ", image_id " + imageId + ")";
	}

	/**
	 * Throws a {@link DatasetException} saying what is wrong with this row's image when it has no bytes: the reader's
	 * reason (a file not found, unreadable) or, without one, an empty image cell.
	 */
	public byte[] requireImage() {
		if (imageBytes != null && imageBytes.length > 0) return imageBytes;
		throw new DatasetException(describe() + ": " + (imageProblem != null ? imageProblem
			: "the row has no image bytes (empty image cell); check the dataset's image column"));
	}

	public static Builder builder(long row) {
		return new Builder(row);
	}

	/** A builder holding every field of this sample (the raw {@code dataset}), to build a copy that differs in some. */
	public Builder toBuilder() {
		Builder b = new Builder(row);
		b.imageId = imageId;
		b.imageBytes = imageBytes;
		b.imagePath = imagePath;
		b.imageProblem = imageProblem;
		b.label = label;
		b.labelName = labelName;
		b.dataset = datasetRaw;
		b.domain = domain;
		b.institution = institution;
		b.license = license;
		b.micronsPerPixel = micronsPerPixel;
		b.modality = modality;
		b.ncbitaxonId = ncbitaxonId;
		b.ncbitaxonName = ncbitaxonName;
		b.pmid = pmid;
		b.split = split;
		b.stain = stain;
		b.subdomain = subdomain;
		b.submodality = submodality;
		b.synthetic = synthetic;
		b.questions.putAll(questions);
		b.captions.putAll(captions);
		b.boxes = boxes;
		b.polygons = polygons;
		return b;
	}

	public static final class Builder {
		private final long row;
		public String imageId, imagePath, labelName, dataset, domain, institution, license, modality;
		public String ncbitaxonId, ncbitaxonName, pmid, split, stain, subdomain, submodality;
		public byte[] imageBytes;
		/** Why the image bytes are missing, when known. */
		public String imageProblem;
		public Integer label;
		public Double micronsPerPixel;
		public Boolean synthetic;
		public final Map<String, Question> questions = new LinkedHashMap<>();
		public final Map<String, Question> captions = new LinkedHashMap<>();
		public List<Annotation> boxes, polygons;

		private Builder(long row) {
			this.row = row;
		}

		public Sample build() {
			return new Sample(this);
		}
	}
}
