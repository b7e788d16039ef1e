#!/usr/bin/env bash
# Side-by-side throughput: `mubench bench` (our pipeline end to end, stages, raw ONNX Runtime through the Java API)
# then tools/bench_python.py (PIL + onnxruntime + tokenizers) on the same model and dataset, one after the other, and
# the ratios the performance issue sets as targets. Builds nothing: run `mvn -B -q package -DskipTests` first.
#
#   tools/run_benchmarks.sh [MODEL_DIR] [DATASET_DIR] [BATCH] [RAW_SECONDS]
#
# Defaults: /tmp/vit-b32 (tools/make_vit_b32_clip.py), /tmp/bench/data600 (BenchDatasetGenerator), 16, 10.
# Environment: JAVA_OPTS (e.g. -Xmx1g), THREADS (intra-op threads for both sides; default nproc),
# OUT (folder for the JSON files; default /tmp/bench/results), JAR (default target/mubench.jar), PYTHON (default
# python3), ROUNDS (default 1: Java then Python; with more, the order alternates each round - Java, Python, Python,
# Java, ... - and each round's ratio is printed with the median, so load from other processes hits both sides alike),
# LIMIT (rows per run, both sides; default all), STAGE_IMAGES (bench --stage-images; default 200).
set -euo pipefail
cd "$(dirname "$0")/.."
MODEL=${1:-/tmp/vit-b32}
DATA=${2:-/tmp/bench/data600}
BATCH=${3:-16}
RAW=${4:-10}
THREADS=${THREADS:-$(nproc)}
OUT=${OUT:-/tmp/bench/results}
JAR=${JAR:-target/mubench.jar}
PY=${PYTHON:-python3}
ROUNDS=${ROUNDS:-1}
LIMIT=${LIMIT:-0}
STAGE_IMAGES=${STAGE_IMAGES:-200}
[ -f "$JAR" ] || { echo "no $JAR: run mvn -B -q package -DskipTests first" >&2; exit 1; }
[ -d "$MODEL/onnx" ] || { echo "no model in $MODEL: python3 tools/make_vit_b32_clip.py --out $MODEL --tokenizer TOKENIZER.json" >&2; exit 1; }
ls "$DATA"/*.arrow >/dev/null 2>&1 || { echo "no shards in $DATA: see docs/benchmarks.md (BenchDatasetGenerator)" >&2; exit 1; }
mkdir -p "$OUT"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(java -version 2>&1 | head -1)"
echo "model $MODEL, dataset $DATA, batch $BATCH, intra-op threads $THREADS"
java_run() {
	echo "round $1: load before Java: $(cut -d' ' -f1-3 /proc/loadavg)"
	# shellcheck disable=SC2086
	java ${JAVA_OPTS:-} -jar "$JAR" bench --model "$MODEL" --dataset "$DATA" --batch "$BATCH" --threads "$THREADS" \
		--device cpu --raw-seconds "$RAW" --limit "$LIMIT" --stage-images "$STAGE_IMAGES" --json > "$OUT/java-$1.json"
}
python_run() {
	echo "round $1: load before Python: $(cut -d' ' -f1-3 /proc/loadavg)"
	"$PY" tools/bench_python.py --model "$MODEL" --dataset "$DATA" --batch "$BATCH" --threads "$THREADS" \
		--raw-seconds "$RAW" --limit "$LIMIT" > "$OUT/python-$1.json"
}
for r in $(seq 1 "$ROUNDS"); do
	if [ $((r % 2)) -eq 1 ]; then java_run "$r"; python_run "$r"; else python_run "$r"; java_run "$r"; fi
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
cp "$OUT/java-$ROUNDS.json" "$OUT/java.json"
cp "$OUT/python-$ROUNDS.json" "$OUT/python.json"
if [ "$ROUNDS" -gt 1 ]; then
	"$PY" - "$OUT" "$ROUNDS" <<'EOF'
import json, statistics, sys
out, n = sys.argv[1], int(sys.argv[2])
rs, raws = [], []
for r in range(1, n + 1):
    j, p = (json.load(open(f"{out}/{s}-{r}.json")) for s in ("java", "python"))
    rs.append(j["end_to_end_images_per_s"] / p["end_to_end_images_per_s"])
    raws.append(j["ratio_end_to_end_to_raw"])
    print(f"round {r}: Java {j['end_to_end_images_per_s']:.2f} img/s, Python {p['end_to_end_images_per_s']:.2f} img/s, "
          f"Java/Python {rs[-1]:.3f}, Java/raw ORT {raws[-1]:.3f} (load {j['load_average_start']})")
print(f"median over {n} rounds: Java/Python {statistics.median(rs):.3f} (min {min(rs):.3f}, max {max(rs):.3f}), "
      f"Java/raw ORT {statistics.median(raws):.3f}")
EOF
fi

"$PY" - "$OUT/java.json" "$OUT/python.json" <<'EOF'
import json, sys
j, p = (json.load(open(f)) for f in sys.argv[1:3])
def row(name, key):
    print(f"  {name:<34} {j[key]:>10.2f} {p[key]:>10.2f}")
print(f"\n  {'':<34} {'Java':>10} {'Python':>10}")
row("end to end (images/s)", "end_to_end_images_per_s")
row("image inference in the run (img/s)", "image_inference_images_per_s")
row("raw ORT image tower (images/s)", "raw_image_tower_images_per_s")
row("peak heap (MiB; Python: peak RSS)", "peak_heap_mib")
row("full release estimate (s)", "full_release_estimate_s")
for s in ("decode", "preprocess", "image_inference", "text_inference", "scoring"):
    print(f"  {'stage ' + s + ' (images/s)':<34} {j['stages'][s]['images_per_s']:>10.1f} {p['stages'][s]['images_per_s']:>10.1f}")
print(f"  {'load average start / end':<34} {j['load_average_start']:>10} / {j['load_average_end']}")
print()
e2e_py = j["end_to_end_images_per_s"] / p["end_to_end_images_per_s"]
e2e_raw = j["end_to_end_images_per_s"] / j["raw_image_tower_images_per_s"]
raw_raw = j["raw_image_tower_images_per_s"] / p["raw_image_tower_images_per_s"]
print(f"Java end to end / Python end to end     = {e2e_py:.2f}   (target >= 1.10) {'MET' if e2e_py >= 1.1 else 'NOT MET'}")
print(f"Java end to end / raw ORT (Java API)    = {e2e_raw:.2f}   (target >= 0.95) {'MET' if e2e_raw >= 0.95 else 'NOT MET'}")
print(f"Java image inference / raw ORT          = {j['ratio_image_inference_to_raw']:.2f}   (inside the run: engine overhead + CPU taken by preprocessing)")
if j.get("ratio_engine_to_raw_interleaved") is not None:
    print(f"engine alone / raw ORT, interleaved     = {j['ratio_engine_to_raw_interleaved']:.2f}   (same tensors, batch by batch in turn: DJL + copies only)")
print(f"raw ORT Java / raw ORT Python           = {raw_raw:.2f}   (runtime versions differ: see the JSON files)")
print(f"Full release (17,315 images): Java {j['full_release_estimate_s'] / 60:.1f} min, Python {p['full_release_estimate_s'] / 60:.1f} min")
EOF
