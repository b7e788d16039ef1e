package org.mubench.model.onnx;

/**
 * One top-level field of a message read from a file: its field number and where its encoding (tag included) lies, so a
 * rewrite can copy the fields it does not change byte for byte.
 */
public final class FieldSpan {
	public final int field;
	public final long start;
	public final long end;
	/** The parsed value for fields the reader understands (tensor, node, value info), else null. */
	public final Object value;

	FieldSpan(int field, long start, long end, Object value) {
		this.field = field;
		this.start = start;
		this.end = end;
		this.value = value;
	}

	public long length() {
		return end - start;
	}
}
