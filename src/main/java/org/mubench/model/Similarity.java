package org.mubench.model;

/**
 * How a {@link ContrastiveModel} scores a caption against an image: the logit scale times the dot product of the two
 * L2-normalised embeddings, summed in double precision. The one copy of that rule, for the runner's answers, the
 * zero-shot classifier and the {@code bench} command's scoring stage.
 */
public final class Similarity {
	private Similarity() {}

	/**
	 * @throws IllegalArgumentException when the embeddings differ in length (the model's towers do not match)
	 */
	public static double score(float[] image, float[] text, double logitScale) {
		if (image.length != text.length) {
			throw new IllegalArgumentException("Image and text embeddings differ in size (" + image.length + " vs "
				+ text.length + "): the model's towers do not match");
		}
		double s = 0;
		for (int i = 0; i < image.length; i++) s += (double) image[i] * text[i];
		return logitScale * s;
	}

	/** The index of the highest score; ties go to the lowest index. */
	public static int argmax(double[] scores) {
		int best = 0;
		for (int i = 1; i < scores.length; i++) {
			if (scores[i] > scores[best]) best = i;
		}
		return best;
	}
}
