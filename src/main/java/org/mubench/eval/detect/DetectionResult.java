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

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One detection question — one (image, class) — and its outcome: a line of {@code detections.jsonl}. Boxes are in
 * the original image's pixels. UI-free: {@link #rois} gives the named boxes a viewer draws.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({ "row", "image_id", "dataset", "task", "class", "width", "height", "prompt", "pred", "pred_iou",
	"gt", "score", "unparseable", "parse_problem", "response", "model", "skipped" })
public final class DetectionResult {
	/** Stroke colours (ARGB) of predicted and ground-truth boxes in RoiSets. */
	public static final int PRED_COLOR = 0xFFFFFF00, GT_COLOR = 0xFF00FF00;

	@JsonProperty("row")
	public long row;
	@JsonProperty("image_id")
	public String imageId;
	@JsonProperty("dataset")
	public String dataset;
	@JsonProperty("task")
	public String task;
	@JsonProperty("class")
	public String className;
	@JsonProperty("width")
	public int width;
	@JsonProperty("height")
	public int height;
	@JsonProperty("prompt")
	public String prompt;
	/** Predicted boxes [x1, y1, x2, y2] in original pixels. */
	@JsonProperty("pred")
	public double[][] pred = new double[0][];
	/** Per predicted box: IoU with the gt box GRIT matched it to, 0 when unmatched; null without ground truth. */
	@JsonProperty("pred_iou")
	public double[] predIou;
	/** Ground-truth boxes; null when the image has none known (a user's image). */
	@JsonProperty("gt")
	public double[][] gt;
	/** GRIT for this (image, class); null when skipped or without ground truth. */
	@JsonProperty("score")
	public Double score;
	/** True when the reply held no box in the format asked for (scored as an empty prediction). */
	@JsonProperty("unparseable")
	public boolean unparseable;
	@JsonProperty("parse_problem")
	public String parseProblem;
	@JsonProperty("response")
	public String response;
	@JsonProperty("model")
	public String model;
	/** Why the question was not scored ({@code request_failed: …}, {@code unreadable_image}), or null. */
	@JsonProperty("skipped")
	public String skipped;

	@JsonIgnore
	public List<Box> predBoxes() {
		return toBoxes(pred);
	}

	@JsonIgnore
	public List<Box> gtBoxes() {
		return toBoxes(gt);
	}

	/**
	 * The boxes to draw: each prediction named {@code "<class> <score>"} where the score of one box is its IoU with the
	 * ground-truth box it was matched to (two decimals, 0.00 when unmatched) — the models used here report no
	 * confidence — or just {@code "<class>"} when there is no ground truth; then, when asked, the ground truth named
	 * {@code "gt <class>"}.
	 */
	public List<NamedBox> rois(boolean withGroundTruth) {
		List<NamedBox> out = new ArrayList<>();
		List<Box> p = predBoxes();
		for (int i = 0; i < p.size(); i++) {
			String name = predIou == null ? className : roiName(className, predIou[i]);
			out.add(new NamedBox(p.get(i), name, PRED_COLOR));
		}
		if (withGroundTruth)
			for (Box b : gtBoxes())
				out.add(new NamedBox(b, "gt " + className, GT_COLOR));
		return out;
	}

	public static String roiName(String className, double score) {
		return className + " " + String.format(Locale.ROOT, "%.2f", score);
	}

	static double[][] toArrays(List<Box> boxes) {
		double[][] a = new double[boxes.size()][];
		for (int i = 0; i < a.length; i++)
			a[i] = boxes.get(i).toArray();
		return a;
	}

	private static List<Box> toBoxes(double[][] a) {
		List<Box> out = new ArrayList<>();
		if (a != null)
			for (double[] b : a)
				out.add(Box.of(b));
		return out;
	}
}
