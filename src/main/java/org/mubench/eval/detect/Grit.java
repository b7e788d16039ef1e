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
package org.mubench.eval.detect;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The GRIT localisation score μ-Bench used for its detection tasks, for one (image, class):
 * <ul>
 * <li>both lists empty → 1; exactly one empty → 0;</li>
 * <li>else an optimal one-to-one assignment minimising Σ(1 − IoU) ({@link Hungarian}), keeping matched pairs whose
 * IoU &gt; 0, and score = Σ IoU(kept) / (#pred + #gt − #kept).</li>
 * </ul>
 * Unmatched predictions (false positives) and unmatched ground truth (misses) both lower the score.
 */
public final class Grit {
	private Grit() {}

	/** The score and which prediction matched which ground-truth box. */
	public static final class Result {
		public final double score;
		/** For each prediction, the index of its kept gt match, or -1. */
		public final int[] predToGt;
		/** For each prediction, the IoU with its kept gt match, or 0. */
		public final double[] predIou;
		/** Number of kept pairs (IoU &gt; 0). */
		public final int kept;

		Result(double score, int[] predToGt, double[] predIou, int kept) {
			this.score = score;
			this.predToGt = predToGt;
			this.predIou = predIou;
			this.kept = kept;
		}
	}

	public static double score(List<Box> pred, List<Box> gt) {
		return evaluate(pred, gt).score;
	}

	public static Result evaluate(List<Box> pred, List<Box> gt) {
		if (pred == null) pred = Collections.emptyList();
		if (gt == null) gt = Collections.emptyList();
		int np = pred.size(), ng = gt.size();
		int[] predToGt = new int[np];
		Arrays.fill(predToGt, -1);
		double[] predIou = new double[np];
		if (np == 0 && ng == 0) return new Result(1.0, predToGt, predIou, 0);
		if (np == 0 || ng == 0) return new Result(0.0, predToGt, predIou, 0);
		double[][] iou = new double[np][ng];
		double[][] cost = new double[np][ng];
		for (int i = 0; i < np; i++)
			for (int j = 0; j < ng; j++) {
				iou[i][j] = Box.iou(pred.get(i), gt.get(j));
				cost[i][j] = 1 - iou[i][j];
			}
		int[] assignment = Hungarian.solve(cost);
		double sum = 0;
		int kept = 0;
		for (int i = 0; i < np; i++) {
			int j = assignment[i];
			if (j >= 0 && iou[i][j] > 0) {
				predToGt[i] = j;
				predIou[i] = iou[i][j];
				sum += iou[i][j];
				kept++;
			}
		}
		return new Result(sum / (np + ng - kept), predToGt, predIou, kept);
	}
}
