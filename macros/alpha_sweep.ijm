// WiSE-FT alpha sweep: merge a fine-tuned model with its base at several alphas, benchmark each, tabulate accuracy.
// Arguments: base=<model folder> finetuned=<model folder> dataset=<dataset folder> out=<output folder>
//            alphas=<comma-separated, default 0,0.5,1>

args = getArgument();
base = argument(args, "base", "");
finetuned = argument(args, "finetuned", "");
dataset = argument(args, "dataset", "");
out = argument(args, "out", "");
alphas = split(argument(args, "alphas", "0,0.5,1"), ",");
if (base == "" || finetuned == "" || dataset == "" || out == "") exit("Give base=, finetuned=, dataset= and out=");

run("Micro-Bench Macro Extensions");
Table.create("Micro-Bench alpha sweep");
for (i = 0; i < alphas.length; i++) {
	alpha = parseFloat(alphas[i]);
	dir = out + File.separator + "alpha-" + alphas[i];
	Ext.mergeWeights(base, finetuned, alpha, dir + File.separator + "model");
	Ext.runBenchmark(dataset, dir + File.separator + "model", dir);
	Table.set("alpha", i, alpha);
	Ext.getAccuracy("coarse", coarse, low, high);
	Table.set("coarse", i, coarse);
	// fine_paper: the paper's fine total (without the Eulenberg datasets), the column the sweep command prints.
	Ext.getAccuracy("fine_paper", fine, low, high);
	Table.set("fine_paper", i, fine);
	print("alpha " + alphas[i] + "\tcoarse " + d2s(100 * coarse, 2) + "\tfine_paper " + d2s(100 * fine, 2));
}
Table.update;
Table.save(out + File.separator + "sweep.csv");

function argument(all, key, fallback) {
	parts = split(all, " ");
	for (k = 0; k < parts.length; k++) {
		if (startsWith(parts[k], key + "=")) return substring(parts[k], lengthOf(key) + 1);
	}
	return fallback;
}
