// Runs the Micro-Bench benchmark headless (e.g. on a cluster node) and prints the paper's summary numbers.
// Arguments: dataset=<dataset folder> model=<model folder | random | openai:NAME@URL> out=<output folder>
// Run:  ImageJ --headless -batch benchmark_headless.ijm "dataset=/data/uBench model=/models/clip out=/runs/clip"

args = getArgument();
dataset = argument(args, "dataset", "");
model = argument(args, "model", "random");
out = argument(args, "out", "");
if (dataset == "" || out == "") exit("Give dataset=<folder> and out=<folder>");

run("Micro-Bench Macro Extensions");
Ext.runBenchmark(dataset, model, out);
groups = newArray("coarse", "fine", "macro/coarse", "macro/fine");
for (i = 0; i < groups.length; i++) {
	Ext.getAccuracy(groups[i], accuracy, low, high);
	print(groups[i] + "\t" + d2s(100 * accuracy, 2) + "\t[" + d2s(100 * low, 2) + ", " + d2s(100 * high, 2) + "]");
}
print("report: " + out + File.separator + "report.md");

function argument(all, key, fallback) {
	parts = split(all, " ");
	for (k = 0; k < parts.length; k++) {
		if (startsWith(parts[k], key + "=")) return substring(parts[k], lengthOf(key) + 1);
	}
	return fallback;
}
