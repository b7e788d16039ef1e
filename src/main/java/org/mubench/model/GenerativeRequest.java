package org.mubench.model;

/** One prompt with one image for {@link GenerativeModel#askAll}. */
public final class GenerativeRequest {
	/** The exact prompt text. */
	public final String prompt;
	/** The image encoded as PNG. */
	public final byte[] png;

	public GenerativeRequest(String prompt, byte[] png) {
		this.prompt = prompt;
		this.png = png;
	}
}
