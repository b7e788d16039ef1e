// Zero-shot classification of every image in a folder with a CLIP-style model (Micro-Bench for Fiji).
// Arguments (key=value, space-separated; also works when run from the GUI by editing the defaults):
//   model=<model folder>  folder=<image folder>  labels=<comma-separated labels>  out=<results CSV>
// Run headless:  ImageJ --headless -batch batch_classify_folder.ijm "model=/m folder=/imgs labels=a,b out=/r.csv"

args = getArgument();
model = argument(args, "model", "");
folder = argument(args, "folder", "");
labels = argument(args, "labels", "nucleus,cytoplasm,background");
out = argument(args, "out", "");
if (model == "" || folder == "") exit("Give model=<folder> and folder=<image folder>");

setBatchMode(true);
run("Micro-Bench Macro Extensions");
files = getFileList(folder);
row = 0;
Table.create("Micro-Bench classification");
for (i = 0; i < files.length; i++) {
	if (endsWith(files[i], "/")) continue;
	open(folder + File.separator + files[i]);
	Ext.classify(model, labels, top, p);
	Table.set("image", row, files[i]);
	Table.set("label", row, top);
	Table.set("probability", row, p);
	print(files[i] + "\t" + top + "\t" + d2s(p, 4));
	row++;
	close();
}
Table.update;
if (out != "") Table.save(out);

function argument(all, key, fallback) {
	parts = split(all, " ");
	for (k = 0; k < parts.length; k++) {
		if (startsWith(parts[k], key + "=")) return substring(parts[k], lengthOf(key) + 1);
	}
	return fallback;
}
