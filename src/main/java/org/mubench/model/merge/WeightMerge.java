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
package org.mubench.model.merge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.mubench.base.Cancellation;
import org.mubench.base.ProgressListener;
import org.mubench.model.onnx.OnnxModel;
import org.mubench.model.onnx.OnnxNode;

/**
 * Weight-space interpolation of a fine-tuned model with its base model (WiSE-FT): every floating-point weight becomes
 * (1 − α)·base + α·finetuned, computed in float64 and stored in the weight's own type; integer weights and the graph
 * come from the fine-tuned model. α = 0 gives the base model, α = 1 the fine-tuned one.
 *
 * <p>A folder merge handles every {@code .onnx} file (with its external data) and every {@code .safetensors} file of
 * the fine-tuned folder, each paired with the file of the same relative path in the base folder, and copies the other
 * files (tokenizer, configs) from the fine-tuned folder. Quantised ONNX models are skipped: their integer weights and
 * scales cannot be interpolated meaningfully. Both models are checked completely before anything is written.
 */
public final class WeightMerge {
	private WeightMerge() {}

	/** What a merge did. */
	public static final class Result {
		public final List<String> mergedFiles = new ArrayList<>();
		public final List<String> copiedFiles = new ArrayList<>();
		public final List<String> skippedFiles = new ArrayList<>();
		public int interpolatedTensors;
		public int copiedTensors;

		@Override
		public String toString() {
			return "merged " + mergedFiles.size() + " weight file(s) (" + interpolatedTensors + " tensors interpolated, "
				+ copiedTensors + " copied), copied " + copiedFiles.size() + " other file(s)"
				+ (skippedFiles.isEmpty() ? "" : ", skipped " + skippedFiles);
		}
	}

	/** Refuses α outside [0, 1] unless extrapolation is allowed; NaN and infinities always. */
	public static void checkAlpha(double alpha, boolean allowExtrapolation) {
		if (Double.isNaN(alpha) || Double.isInfinite(alpha))
			throw new MergeException("alpha must be a finite number, got " + alpha);
		if ((alpha < 0 || alpha > 1) && !allowExtrapolation)
			throw new MergeException("alpha " + alpha + " is outside [0, 1]: that extrapolates beyond the two models; "
				+ "pass --allow-extrapolation if you mean it");
	}

	/**
	 * Merges two model folders (or two files of the same kind) into {@code out}.
	 *
	 * @throws MergeException when the models differ in architecture (naming the first offending tensor or node)
	 * @throws java.util.concurrent.CancellationException when cancelled (partial outputs are removed)
	 */
	public static Result merge(Path base, Path finetuned, Path out, double alpha, boolean allowExtrapolation,
		ProgressListener progress, Cancellation cancellation) throws IOException {
		checkAlpha(alpha, allowExtrapolation);
		MergeContext ctx = new MergeContext(alpha, progress, cancellation);
		if (!Files.exists(base)) throw new MergeException("base model " + base + " does not exist");
		if (!Files.exists(finetuned)) throw new MergeException("fine-tuned model " + finetuned + " does not exist");
		Result result = new Result();
		if (Files.isRegularFile(finetuned)) {
			if (!Files.isRegularFile(base))
				throw new MergeException("--finetuned is a file but --base (" + base + ") is not; give two files or two folders");
			mergeFiles(base, finetuned, out, ctx, result);
		} else {
			if (!Files.isDirectory(base))
				throw new MergeException("--finetuned is a folder but --base (" + base + ") is not; give two folders or two files");
			mergeFolders(base, finetuned, out, ctx, result);
		}
		result.interpolatedTensors = ctx.interpolated;
		result.copiedTensors = ctx.copied;
		return result;
	}

	private static void mergeFiles(Path base, Path ft, Path out, MergeContext ctx, Result result) throws IOException {
		String name = ft.getFileName().toString().toLowerCase(Locale.ROOT);
		if (Files.isDirectory(out)) out = out.resolve(ft.getFileName());
		checkDistinct(out, base, ft);
		String label = ft.getFileName().toString();
		if (name.endsWith(".onnx")) {
			OnnxMerge.check(base, ft, label);
			ctx.totalTensors = OnnxModel.read(ft).graph.initializers.size();
			OnnxMerge.merge(base, ft, out, label, ctx);
		} else if (name.endsWith(".safetensors")) {
			ctx.totalTensors = SafetensorsMerge.check(base, ft, label)[1].entries.size();
			SafetensorsMerge.merge(base, ft, out, label, ctx);
		} else throw new MergeException(ft + " is neither an .onnx nor a .safetensors file");
		result.mergedFiles.add(label);
	}

	private static void mergeFolders(Path base, Path ft, Path out, MergeContext ctx, Result result) throws IOException {
		checkDistinct(out, base, ft);
		List<Path> files;
		try (Stream<Path> walk = Files.walk(ft)) {
			files = walk.filter(Files::isRegularFile).filter(p -> !hidden(ft.relativize(p))).sorted()
				.collect(Collectors.toList());
		}
		List<Path> onnx = new ArrayList<>(), safetensors = new ArrayList<>(), others = new ArrayList<>();
		Set<Path> externalData = new HashSet<>();
		// Which ONNX files use each external-data file: a shared one is written once per merged model, renamed.
		java.util.Map<Path, List<Path>> users = new java.util.HashMap<>();
		for (Path f : files) {
			String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
			if (n.endsWith(".onnx")) onnx.add(f);
			else if (n.endsWith(".safetensors")) safetensors.add(f);
			else others.add(f);
		}
		// Check everything first, so that a mismatch in the last file does not leave a half-written folder.
		long total = 0;
		List<Path> toMerge = new ArrayList<>();
		for (Path f : onnx) {
			Path rel = ft.relativize(f);
			OnnxModel m = OnnxModel.read(f);
			for (String location : OnnxMerge.externalLocations(m)) {
				Path data = f.getParent().resolve(location).normalize();
				externalData.add(data);
				users.computeIfAbsent(data, k -> new ArrayList<>()).add(f);
			}
			if (quantized(rel, m)) {
				result.skippedFiles.add(slash(rel));
				ctx.progress.log("skipped " + slash(rel) + ": quantised weights cannot be interpolated; quantise the merged model instead");
				continue;
			}
			Path b = base.resolve(rel.toString());
			if (!Files.isRegularFile(b))
				throw new MergeException("the base model has no " + slash(rel) + " to pair with the fine-tuned one; "
					+ "both folders need the same files");
			OnnxMerge.check(b, f, slash(rel));
			total += m.graph.initializers.size();
			toMerge.add(f);
		}
		for (Path f : safetensors) {
			Path rel = ft.relativize(f);
			Path b = base.resolve(rel.toString());
			if (!Files.isRegularFile(b))
				throw new MergeException("the base model has no " + slash(rel) + " to pair with the fine-tuned one; "
					+ "both folders need the same files");
			total += SafetensorsMerge.check(b, f, slash(rel))[1].entries.size();
			toMerge.add(f);
		}
		if (toMerge.isEmpty())
			throw new MergeException(ft + " has no .onnx or .safetensors weights to merge");
		ctx.totalTensors = total;
		Files.createDirectories(out);
		for (Path f : toMerge) {
			Path rel = ft.relativize(f);
			Path target = out.resolve(rel.toString());
			if (f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".onnx"))
				OnnxMerge.merge(base.resolve(rel.toString()), f, target, slash(rel), ctx, renames(f, users, ctx));
			else SafetensorsMerge.merge(base.resolve(rel.toString()), f, target, slash(rel), ctx);
			result.mergedFiles.add(slash(rel));
			ctx.progress.log("merged " + slash(rel));
		}
		for (Path f : others) {
			Path rel = ft.relativize(f);
			if (externalData.contains(f.normalize())) continue;
			String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
			if (n.endsWith(".bin") || n.endsWith(".pt") || n.endsWith(".pth") || n.endsWith(".ckpt")) {
				result.skippedFiles.add(slash(rel));
				ctx.progress.log("skipped " + slash(rel) + ": pickled PyTorch weights cannot be merged; convert them to safetensors");
				continue;
			}
			Path target = out.resolve(rel.toString());
			if (target.getParent() != null) Files.createDirectories(target.getParent());
			Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
			result.copiedFiles.add(slash(rel));
		}
	}

	/** New names for the external files {@code model} shares with other models: {@code <model file>_data}. */
	private static java.util.Map<String, String> renames(Path model, java.util.Map<Path, List<Path>> users, MergeContext ctx)
		throws IOException {
		java.util.Map<String, String> out = new java.util.HashMap<>();
		List<String> locations = OnnxMerge.externalLocations(OnnxModel.read(model));
		for (String location : locations) {
			Path data = model.getParent().resolve(location).normalize();
			if (users.getOrDefault(data, java.util.Collections.emptyList()).size() < 2) continue;
			String name = model.getFileName() + "_data" + (locations.size() > 1 ? "_" + (out.size() + 1) : "");
			Path parent = java.nio.file.Paths.get(location).getParent();
			String renamed = parent == null ? name : parent.resolve(name).toString().replace('\\', '/');
			if (users.containsKey(model.getParent().resolve(renamed).normalize())) renamed += "_merged";
			out.put(location, renamed);
			ctx.progress.log(model.getFileName() + ": external data " + location + " is shared with other models; "
				+ "the merged model gets its own copy, " + renamed);
		}
		return out;
	}

	private static final Set<String> QUANTIZED_OPS = new HashSet<>(java.util.Arrays.asList("DequantizeLinear",
		"QuantizeLinear", "DynamicQuantizeLinear", "MatMulInteger", "ConvInteger", "QLinearMatMul", "QLinearConv",
		"MatMulNBits"));

	static boolean quantized(Path rel, OnnxModel m) {
		String n = rel.getFileName().toString().toLowerCase(Locale.ROOT);
		if (n.contains("quantized") || n.contains("_int8") || n.contains("_uint8") || n.contains("_q4")) return true;
		for (OnnxNode node : m.graph.nodes)
			if (QUANTIZED_OPS.contains(node.opType)) return true;
		return false;
	}

	private static boolean hidden(Path rel) {
		for (Path part : rel)
			if (part.toString().startsWith(".")) return true;
		return false;
	}

	private static String slash(Path rel) {
		return rel.toString().replace('\\', '/');
	}

	private static void checkDistinct(Path out, Path base, Path ft) {
		Path o = out.toAbsolutePath().normalize();
		Path b = base.toAbsolutePath().normalize(), f = ft.toAbsolutePath().normalize();
		if (o.equals(b) || o.equals(f))
			throw new MergeException("--out must differ from --base and --finetuned (" + out + ")");
		if (Files.isDirectory(f) && (o.startsWith(f) || o.startsWith(b)))
			throw new MergeException("--out must not lie inside the --base or --finetuned folder (" + out + ")");
	}
}
