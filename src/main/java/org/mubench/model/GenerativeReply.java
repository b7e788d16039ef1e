package org.mubench.model;

/** What a generative model answered, or why it could not. */
public final class GenerativeReply {
	/** The reply text, or null when the request failed. */
	public final String text;
	/** Why the request failed (one line, never containing credentials), or null on success. */
	public final String error;
	public final long promptTokens;
	public final long completionTokens;
	/** True when the reply came from the persistent cache rather than the server. */
	public final boolean cached;

	public GenerativeReply(String text, String error, long promptTokens, long completionTokens, boolean cached) {
		this.text = text;
		this.error = error;
		this.promptTokens = promptTokens;
		this.completionTokens = completionTokens;
		this.cached = cached;
	}

	public static GenerativeReply failed(String error) {
		return new GenerativeReply(null, error, 0, 0, false);
	}

	public boolean ok() {
		return error == null;
	}
}
