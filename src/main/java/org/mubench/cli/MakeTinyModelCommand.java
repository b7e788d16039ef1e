package org.mubench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.mubench.model.onnx.TinyClip;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code make-tiny-model}: writes a small random-weight CLIP-style model folder for demos and tests. */
@Command(name = "make-tiny-model", mixinStandardHelpOptions = true,
	description = "Write a tiny random-weight CLIP-style model (Hugging Face ONNX layout) for demos and tests.")
public final class MakeTinyModelCommand implements Callable<Integer> {
	@Spec
	CommandSpec spec;

	@Option(names = "--out", required = true, description = "Folder to write (created if missing).")
	Path out;

	@Option(names = "--seed", defaultValue = "0", description = "Random seed of the weights (default: ${DEFAULT-VALUE}).")
	long seed;

	@Option(names = "--image-size", defaultValue = "224", description = "Input image side in pixels (default: ${DEFAULT-VALUE}).")
	int imageSize;

	@Option(names = "--embed-dim", defaultValue = "32", description = "Embedding size (default: ${DEFAULT-VALUE}).")
	int embedDim;

	@Option(names = "--context-length", defaultValue = "77", description = "Maximum tokens (default: ${DEFAULT-VALUE}).")
	int contextLength;

	@Option(names = "--fp16", description = "Store the weights as float16.")
	boolean fp16;

	@Option(names = "--external-data", description = "Store the weights in ONNX external-data files.")
	boolean externalData;

	@Option(names = "--attention-mask", description = "Give the text model an attention_mask input.")
	boolean attentionMask;

	@Option(names = "--force", description = "Replace an existing --out folder.")
	boolean force;

	@Override
	public Integer call() throws Exception {
		OutputFolder.refuseOverwrite(spec.commandLine(), "--out", out, force);
		if (imageSize < 8) throw new IllegalArgumentException("--image-size must be at least 8, got " + imageSize);
		if (embedDim < 1) throw new IllegalArgumentException("--embed-dim must be at least 1, got " + embedDim);
		if (contextLength < 3) throw new IllegalArgumentException("--context-length must be at least 3, got " + contextLength);
		TinyClip.write(out, new TinyClip.Options().seed(seed).imageSize(imageSize).embedDim(embedDim)
			.contextLength(contextLength).fp16(fp16).externalData(externalData).attentionMask(attentionMask));
		spec.commandLine().getOut().println("wrote tiny CLIP model (seed " + seed + ", " + imageSize + "x" + imageSize
			+ ", " + embedDim + "-d embeddings) to " + out);
		return 0;
	}
}
