package org.mubench.eval.detect;

import java.util.Collections;
import java.util.List;

/** Boxes read from one model reply, in the model frame's pixels, with the label each came with (or null). */
public final class ParsedBoxes {
	public final List<Box> boxes;
	public final List<String> labels;
	/** False when the reply held no box in the expected syntax at all (scored as an empty prediction, and counted). */
	public final boolean parseable;
	/** Why it was unparseable or what was skipped, or null. */
	public final String problem;

	ParsedBoxes(List<Box> boxes, List<String> labels, boolean parseable, String problem) {
		this.boxes = Collections.unmodifiableList(boxes);
		this.labels = Collections.unmodifiableList(labels);
		this.parseable = parseable;
		this.problem = problem;
	}

	static ParsedBoxes unparseable(String problem) {
		return new ParsedBoxes(Collections.<Box>emptyList(), Collections.<String>emptyList(), false, problem);
	}
}
