package org.mubench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.mubench.model.merge.WeightMerge;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code merge}: weight interpolation (WiSE-FT) of a fine-tuned model with its base model. */
@Command(name = "merge", mixinStandardHelpOptions = true,
	description = { "Interpolate the weights of a fine-tuned model with its base model: (1 - alpha)*base + alpha*finetuned.",
		"Merges every onnx/*.onnx (external data included) and *.safetensors file; copies tokenizer and configs from the fine-tuned model." })
public final class MergeCommand implements Callable<Integer> {
	@Spec
	CommandSpec spec;

	@Option(names = "--base", required = true, description = "Base model folder (or a single .onnx/.safetensors file).")
	Path base;

	@Option(names = "--finetuned", required = true, description = "Fine-tuned model folder (or file) with the same architecture.")
	Path finetuned;

	@Option(names = "--alpha", required = true, description = "Weight of the fine-tuned model: 0 = base, 1 = fine-tuned.")
	double alpha;

	@Option(names = "--out", required = true, description = "Output folder (or file).")
	Path out;

	@Option(names = "--allow-extrapolation", description = "Allow alpha outside [0, 1].")
	boolean allowExtrapolation;

	@Option(names = "--force", description = "Replace an existing --out.")
	boolean force;

	@Override
	public Integer call() throws Exception {
		OutputFolder.refuseOverwrite(spec.commandLine(), "--out", out, force);
		TerminalProgress progress = TerminalProgress.forTerminal(spec.commandLine().getErr(), false, "tensors");
		WeightMerge.Result r;
		try {
			r = WeightMerge.merge(base, finetuned, out, alpha, allowExtrapolation, progress, null);
		} finally {
			progress.finish();
		}
		spec.commandLine().getOut().println(r + " into " + out + " (alpha = " + alpha + ")");
		return 0;
	}
}
