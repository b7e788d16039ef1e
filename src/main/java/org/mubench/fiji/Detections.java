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
package org.mubench.fiji;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.mubench.base.ProgressListener;
import org.mubench.eval.detect.Box;
import org.mubench.eval.detect.BoxFormat;
import org.mubench.eval.detect.DetectionResult;
import org.mubench.eval.detect.DetectionRunner;
import org.mubench.eval.detect.NamedBox;
import org.mubench.model.GenerativeModel;
import org.mubench.model.ModelException;
import org.mubench.model.VisionLanguageModel;

import ij.ImagePlus;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.plugin.frame.RoiManager;

/** Detections on the active image as ImageJ ROIs. */
public final class Detections {
	private Detections() {}

	/**
	 * Detects {@code className} on the current plane and adds one rectangle ROI per box to the image's Overlay (and to
	 * the ROI Manager when asked; it is reset only when {@code clearManager} is true).
	 *
	 * @return the number of boxes found
	 */
	public static int detect(ImagePlus imp, String modelSpec, String className, String format, boolean addToManager,
		boolean clearManager, MicroBenchFiji.Settings settings, ProgressListener listener)
	{
		ImagePlusImages.check(imp);
		VisionLanguageModel model = MicroBenchFiji.model(modelSpec, settings, listener);
		if (!(model instanceof GenerativeModel)) {
			throw new ModelException(modelSpec + " cannot detect objects: use a generative model (openai:MODEL@URL)");
		}
		DetectionRunner.Options options = new DetectionRunner.Options();
		options.format = BoxFormat.valueOf(format.trim().toUpperCase(java.util.Locale.ROOT));
		options.writeRois = false;
		DetectionRunner runner = new DetectionRunner((GenerativeModel) model, options);
		byte[] png = ImagePlusTensors.png(imp);
		List<DetectionResult> results = runner.detectImage(png, imp.getWidth(), imp.getHeight(),
			Collections.singletonList(className));
		List<Roi> rois = new ArrayList<>();
		for (DetectionResult r : results) {
			if (r.unparseable) listener.log(imp.getTitle() + ": the model's reply had no readable boxes: " + r.parseProblem);
			for (NamedBox b : r.rois(false)) rois.add(toRoi(b.at(imp.getChannel(), imp.getSlice(), imp.getFrame()), imp));
		}
		addToOverlay(imp, rois);
		if (addToManager) addToManager(imp, rois, clearManager);
		return rois.size();
	}

	/** A rectangle ROI at the box, named, coloured, and placed on the (c, z, t) position the box carries. */
	public static Roi toRoi(NamedBox b, ImagePlus imp) {
		Box box = b.box;
		Roi roi = new Roi(box.x1, box.y1, Math.max(0, box.x2 - box.x1), Math.max(0, box.y2 - box.y1));
		roi.setName(b.name);
		roi.setStrokeColor(new Color(b.strokeColor, true));
		if (imp != null && imp.isHyperStack()) roi.setPosition(b.channel, b.slice, b.frame);
		else if (imp != null && imp.getStackSize() > 1) roi.setPosition(imp.getStackIndex(b.channel, b.slice, b.frame));
		return roi;
	}

	static void addToOverlay(ImagePlus imp, List<Roi> rois) {
		Overlay overlay = imp.getOverlay();
		if (overlay == null) overlay = new Overlay();
		for (Roi roi : rois) overlay.add(roi);
		imp.setOverlay(overlay);
	}

	/** Appends to the ROI Manager; never resets what the user had unless asked. */
	static void addToManager(ImagePlus imp, List<Roi> rois, boolean clear) {
		RoiManager manager = RoiManager.getInstance();
		if (manager == null) manager = new RoiManager();
		if (clear) manager.reset();
		for (Roi roi : rois) manager.add(imp, (Roi) roi.clone(), -1);
	}
}
