#!/usr/bin/env python3
"""Reference image tensors and embeddings for the parity check of org.mubench.image.ImageTensors (docs/parity.md).

For every row of a uBench-layout dataset (Arrow stream shards), computes the model input exactly as Hugging Face's
CLIPImageProcessor does with PIL: Image.open(...).convert("RGB"), resize of the shorter side to shortest_edge with
bicubic (long side int(s * long / short)), centre crop with offset (size - crop) // 2, x * (1/255) in float64 cast to
float32, (x - mean) / std in float32. Then embeds it with onnxruntime on <model>/onnx/vision_model.onnx.

Writes to OUT: reference_tensors.f32 (rows x 3 x H x W, little-endian float32), reference_embeddings.f32,
rows.tsv (row, image_id, mode, size, crc32 of the tensor bytes).
If OUT/ours.f32 exists (dumped by the Java test ImageTensorsFixtureParityTest), compares: max |difference| of the
tensors and the cosine of the normalised embeddings of both tensors through the same ONNX model.

Needs pyarrow, pillow, numpy, onnxruntime. Usage:
  python3 tools/parity_reference.py --dataset ../shared/fixtures/ubench-mini --model ../shared/fixtures/tiny-clip \
      --out target/parity
"""
import argparse, glob, io, json, os, zlib

import numpy as np
import onnxruntime as ort
import pyarrow as pa
from PIL import Image


def preprocess(png, cfg):
    im = Image.open(io.BytesIO(png)).convert("RGB")
    w, h = im.size
    s = cfg["size"]["shortest_edge"]
    if w <= h:
        nw, nh = s, int(s * h / w)
    else:
        nw, nh = int(s * w / h), s
    if (nw, nh) != (w, h):
        im = im.resize((nw, nh), Image.BICUBIC, reducing_gap=None)
    a = np.asarray(im)
    ch, cw = cfg["crop_size"]["height"], cfg["crop_size"]["width"]
    top, left = (nh - ch) // 2, (nw - cw) // 2
    assert top >= 0 and left >= 0, "padding case not used by these fixtures"
    a = a[top:top + ch, left:left + cw]
    x = (a.astype(np.float64) * (1 / 255)).astype(np.float32)
    mean = np.array(cfg["image_mean"], dtype=np.float32)
    std = np.array(cfg["image_std"], dtype=np.float32)
    x = (x - mean) / std
    return np.ascontiguousarray(x.transpose(2, 0, 1)), im.mode, (w, h)


def embed(sess, tensors):
    name = sess.get_inputs()[0].name
    out = sess.run(None, {name: tensors})[0]
    return out / np.linalg.norm(out, axis=1, keepdims=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dataset", required=True)
    ap.add_argument("--model", required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    cfg = json.load(open(os.path.join(args.model, "preprocessor_config.json")))
    os.makedirs(args.out, exist_ok=True)
    tensors, lines = [], []
    row = 0
    for shard in sorted(glob.glob(os.path.join(args.dataset, "*.arrow"))):
        table = pa.ipc.open_stream(shard).read_all()
        for image_id, image in zip(table.column("image_id").to_pylist(), table.column("image").to_pylist()):
            mode = Image.open(io.BytesIO(image["bytes"])).mode
            t, _, (w, h) = preprocess(image["bytes"], cfg)
            tensors.append(t)
            lines.append(f"{row}\t{image_id}\t{mode}\t{w}x{h}\t{zlib.crc32(t.astype('<f4').tobytes()):08x}")
            row += 1
    ref = np.stack(tensors).astype("<f4")
    ref.tofile(os.path.join(args.out, "reference_tensors.f32"))
    with open(os.path.join(args.out, "rows.tsv"), "w") as f:
        f.write("\n".join(lines) + "\n")
    sess = ort.InferenceSession(os.path.join(args.model, "onnx", "vision_model.onnx"), providers=["CPUExecutionProvider"])
    ref_emb = np.concatenate([embed(sess, ref[i:i + 1]) for i in range(len(ref))])
    ref_emb.astype("<f4").tofile(os.path.join(args.out, "reference_embeddings.f32"))
    print(f"reference: {len(ref)} rows, tensor shape {ref.shape[1:]}")
    ours_path = os.path.join(args.out, "ours.f32")
    if os.path.exists(ours_path):
        ours = np.fromfile(ours_path, dtype="<f4").reshape(ref.shape)
        diff = np.abs(ours - ref)
        ours_emb = np.concatenate([embed(sess, ours[i:i + 1]) for i in range(len(ours))])
        cos = np.sum(ours_emb * ref_emb, axis=1)
        print(f"max |tensor difference| = {diff.max():.3g} (rows with any difference: {int((diff.max(axis=(1, 2, 3)) > 0).sum())})")
        print(f"embedding cosine: min {cos.min():.7f}, mean {cos.mean():.7f}")
        for i in np.argsort(-diff.max(axis=(1, 2, 3)))[:3]:
            print(f"  row {i} ({lines[i].split(chr(9))[2]}): max diff {diff[i].max():.3g}, cosine {cos[i]:.7f}")
    else:
        print(f"no {ours_path}: run the Java test ImageTensorsFixtureParityTest first to compare")


if __name__ == "__main__":
    main()
