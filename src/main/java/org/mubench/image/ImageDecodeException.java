package org.mubench.image;

import org.mubench.data.DatasetException;

/** An image that cannot be decoded; the message names the item and what is wrong, in one line. */
public class ImageDecodeException extends DatasetException {
	public ImageDecodeException(String message) {
		super(message);
	}

	public ImageDecodeException(String message, Throwable cause) {
		super(message, cause);
	}

	/** The usual form: "ITEM: PROBLEM". */
	static ImageDecodeException of(String itemName, String problem) {
		return new ImageDecodeException((itemName == null || itemName.isEmpty() ? "image" : itemName) + ": " + problem);
	}
}
