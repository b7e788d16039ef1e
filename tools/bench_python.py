#!/usr/bin/env python3
"""The Python peer of `mubench bench`: the same work with PIL + ONNX Runtime + tokenizers, for side-by-side figures.

Reads the dataset's Arrow stream shards with pyarrow; per image: PIL open, convert("RGB"), resize of the shortest edge
with bicubic, centre crop, rescale and normalise (what transformers' CLIPImageProcessor does); batches images through
onnx/vision_model.onnx; embeds every distinct template-1 caption option once with the `tokenizers` library and
onnx/text_model.onnx; scores by the logit-scaled dot product and takes the argmax. Single process, a plain loop - the
way the usual Python evaluation scripts run.

    python3 tools/bench_python.py --model /tmp/vit-b32 --dataset /tmp/bench/data600 [--batch 16] [--threads 2] \
        [--limit N] [--raw-seconds 10]

Prints one JSON object with the keys `mubench bench --json` prints (peak_heap_mib here is the process's peak RSS,
model weights included: Python has no separate heap). A measuring tool only; nothing in the build runs it.
"""
import argparse
import glob
import io
import json
import math
import os
import resource
import time

import numpy as np
import onnxruntime as ort
import pyarrow as pa
from PIL import Image
from tokenizers import Tokenizer

RELEASE_IMAGES = 17315


def load_average():
    try:
        with open("/proc/loadavg") as f:
            return " ".join(f.read().split()[:3])
    except OSError:
        return "unknown"


def peak_rss_mib():
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0, 1)  # Linux: KiB


def rows(dataset, limit):
    """(image bytes, [template-1 caption questions]) per row, streaming shard by shard, batch by batch."""
    n = 0
    for path in sorted(glob.glob(os.path.join(dataset, "*.arrow"))):
        with pa.memory_map(path) as source:
            reader = pa.ipc.open_stream(source)
            for batch in reader:
                images = batch.column("image").to_pylist()
                captions = batch.column("captions").to_pylist()
                for img, caps in zip(images, captions):
                    if limit and n >= limit:
                        return
                    n += 1
                    qs = [q for k, q in (caps or {}).items() if q is not None and k.endswith("_1")]
                    if img and img.get("bytes") and qs:
                        yield img["bytes"], qs


class Preprocessor:
    def __init__(self, cfg):
        self.size = cfg["size"]["shortest_edge"] if "shortest_edge" in cfg["size"] else min(cfg["size"].values())
        crop = cfg["crop_size"]
        self.ch, self.cw = (crop, crop) if isinstance(crop, int) else (crop["height"], crop["width"])
        self.scale = np.float32(cfg.get("rescale_factor", 1 / 255))
        self.mean = np.asarray(cfg["image_mean"], dtype=np.float32).reshape(3, 1, 1)
        self.std = np.asarray(cfg["image_std"], dtype=np.float32).reshape(3, 1, 1)

    def decode(self, data):
        img = Image.open(io.BytesIO(data)).convert("RGB")
        img.load()
        return img

    def tensor(self, img):
        w, h = img.size
        short, long = (w, h) if w <= h else (h, w)
        new_long = int(self.size * long / short)
        nw, nh = (self.size, new_long) if w <= h else (new_long, self.size)
        img = img.resize((nw, nh), Image.BICUBIC)
        top, left = (nh - self.ch) // 2, (nw - self.cw) // 2
        img = img.crop((left, top, left + self.cw, top + self.ch))
        x = np.asarray(img, dtype=np.float32).transpose(2, 0, 1) * self.scale
        return (x - self.mean) / self.std


def session(path, threads):
    so = ort.SessionOptions()
    so.intra_op_num_threads = threads
    so.inter_op_num_threads = 1
    return ort.InferenceSession(path, so, providers=["CPUExecutionProvider"])


def normalise(x):
    n = np.linalg.norm(x.astype(np.float64), axis=1, keepdims=True)
    n[n == 0] = 1
    return (x / n).astype(np.float32)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", required=True)
    ap.add_argument("--dataset", required=True)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--threads", type=int, default=os.cpu_count())
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--raw-seconds", type=float, default=10)
    a = ap.parse_args()

    with open(os.path.join(a.model, "preprocessor_config.json")) as f:
        pre = Preprocessor(json.load(f))
    context = 77
    cfg_path = os.path.join(a.model, "config.json")
    logit_scale = 1.0
    if os.path.exists(cfg_path):
        with open(cfg_path) as f:
            cfg = json.load(f)
        context = cfg.get("text_config", {}).get("max_position_embeddings", context)
        if "logit_scale_init_value" in cfg:
            logit_scale = math.exp(cfg["logit_scale_init_value"])
    tok = Tokenizer.from_file(os.path.join(a.model, "tokenizer.json"))
    pad_token = "<|endoftext|>"
    tc = os.path.join(a.model, "tokenizer_config.json")
    if os.path.exists(tc):
        with open(tc) as f:
            pad_token = json.load(f).get("pad_token", pad_token)
    tok.enable_truncation(context)
    tok.enable_padding(pad_id=tok.token_to_id(pad_token), pad_token=pad_token)

    vision = session(os.path.join(a.model, "onnx", "vision_model.onnx"), a.threads)
    text = session(os.path.join(a.model, "onnx", "text_model.onnx"), a.threads)
    v_in, v_out = vision.get_inputs()[0].name, vision.get_outputs()[0].name
    t_inputs = [i.name for i in text.get_inputs()]

    def embed_texts(strings):
        out = []
        for s in range(0, len(strings), a.batch):
            enc = tok.encode_batch(strings[s:s + a.batch])
            feed = {"input_ids": np.asarray([e.ids for e in enc], dtype=np.int64)}
            if "attention_mask" in t_inputs:
                feed["attention_mask"] = np.asarray([e.attention_mask for e in enc], dtype=np.int64)
            out.append(text.run(None, feed)[0])
        return normalise(np.concatenate(out))

    # Warm-up, as the Java bench does: one batch per tower.
    vision.run([v_out], {v_in: np.zeros((a.batch, 3, pre.ch, pre.cw), np.float32)})
    embed_texts(["bench warm-up sentence, not a dataset text"])

    result = {"model": a.model, "dataset": a.dataset, "cores": os.cpu_count(), "batch": a.batch,
              "intra_op_threads": a.threads, "load_average_start": load_average(), "runtime": "python " +
              ".".join(map(str, __import__("sys").version_info[:3])) + ", onnxruntime " + ort.__version__}

    # End to end: read, decode, preprocess, embed, score - one loop.
    t_decode = t_pre = t_img = t_txt = t_score = 0.0
    images = questions = 0
    cache = {}
    start = time.perf_counter()

    def flush(tensors, qlists):
        nonlocal t_img, t_txt, t_score, images, questions
        t0 = time.perf_counter()
        emb = normalise(vision.run([v_out], {v_in: np.stack(tensors)})[0])
        t1 = time.perf_counter()
        fresh = list(dict.fromkeys(o for qs in qlists for q in qs for o in q["options"] if o not in cache))
        if fresh:
            for s, e in zip(fresh, embed_texts(fresh)):
                cache[s] = e
        t2 = time.perf_counter()
        for i, qs in enumerate(qlists):
            for q in qs:
                scores = logit_scale * (np.stack([cache[o] for o in q["options"]]) @ emb[i])
                int(np.argmax(scores))
                questions += 1
        t_img += t1 - t0
        t_txt += t2 - t1
        t_score += time.perf_counter() - t2
        images += len(tensors)

    tensors, qlists = [], []
    for data, qs in rows(a.dataset, a.limit):
        t0 = time.perf_counter()
        img = pre.decode(data)
        t1 = time.perf_counter()
        tensors.append(pre.tensor(img))
        t_decode += t1 - t0
        t_pre += time.perf_counter() - t1
        qlists.append(qs)
        if len(tensors) == a.batch:
            flush(tensors, qlists)
            tensors, qlists = [], []
    if tensors:
        flush(tensors, qlists)
    e2e_s = time.perf_counter() - start
    e2e = images / e2e_s

    def stage(seconds):
        return {"seconds": seconds, "images": images, "images_per_s": images / seconds if seconds > 0 else 0,
                "peak_heap_mib": peak_rss_mib()}

    # Raw image tower on one pre-made batch, same session.
    x = np.random.default_rng(1).standard_normal((a.batch, 3, pre.ch, pre.cw)).astype(np.float32)
    vision.run([v_out], {v_in: x})
    n = 0
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < a.raw_seconds or n < 3 * a.batch:
        vision.run([v_out], {v_in: x})
        n += a.batch
    raw = n / (time.perf_counter() - t0)

    text_stage = stage(t_txt)
    text_stage["texts"] = len(cache)
    text_stage["texts_per_s"] = len(cache) / t_txt if t_txt > 0 else 0
    result.update({
        "images": images, "questions": questions, "unique_texts": len(cache),
        "end_to_end_seconds": e2e_s, "end_to_end_images_per_s": e2e,
        "image_inference_images_per_s": images / t_img,
        "raw_image_tower_images_per_s": raw,
        "ratio_end_to_end_to_raw": e2e / raw,
        "ratio_image_inference_to_raw": images / t_img / raw,
        "peak_heap_mib": peak_rss_mib(),
        "full_release_estimate_s": RELEASE_IMAGES / e2e,
        "stages": {"decode": stage(t_decode), "preprocess": stage(t_pre), "image_inference": stage(t_img),
                   "text_inference": text_stage, "scoring": stage(t_score)},
        "load_average_end": load_average(),
    })
    print(json.dumps(result))


if __name__ == "__main__":
    main()
