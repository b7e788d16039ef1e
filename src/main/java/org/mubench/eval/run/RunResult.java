package org.mubench.eval.run;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** What a run (or one session of a resumed run) did. */
public final class RunResult {
	/** What this run is (recorded in run.json); null until the runner has opened the run. */
	public RunIdentity identity;
	public enum Status { FINISHED, CANCELLED }

	public Status status = Status.FINISHED;
	public Path predictionsFile;
	public String model;
	public String answerer;
	public QuestionSet questionSet;
	/** Predictions already in the file when this session started (resume). */
	public long resumedPredictions;
	/** Bytes of a torn last line dropped on resume. */
	public long tornBytesDropped;
	/** Rows of the selection this session went through (including rows whose questions were all answered before). */
	public long rows;
	/** Images sent to the model this session. */
	public long imagesAnswered;
	/** Predictions appended this session, skipped ones included. */
	public long predictions;
	public long correct;
	/** Skipped predictions of this session by reason. */
	public final Map<String, Long> skipped = new TreeMap<>();
	public double seconds;
	/** {@link QuestionAnswerer#runInfo()} at the end of the session (request parameters, token usage, …); may be empty. */
	public Map<String, Object> modelInfo = new java.util.LinkedHashMap<>();

	public long skippedTotal() {
		long n = 0;
		for (long v : skipped.values()) n += v;
		return n;
	}

	public double imagesPerSecond() {
		return seconds > 0 ? imagesAnswered / seconds : 0;
	}
}
