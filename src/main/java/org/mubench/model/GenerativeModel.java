package org.mubench.model;

/** A model that reads an image and a text prompt and replies in text (GPT-4o and other chat-completions servers). */
public interface GenerativeModel extends VisionLanguageModel {
	/**
	 * Sends one prompt with one image. Never throws for a failed request: the reply then carries the error, so a run
	 * records it and goes on.
	 *
	 * @param prompt the exact prompt text
	 * @param png the image encoded as PNG
	 */
	GenerativeReply ask(String prompt, byte[] png);
}
