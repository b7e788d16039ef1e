#!/usr/bin/env python3
"""End-to-end check of one exported open_clip-family folder: `mubench classify` against open_clip's own PyTorch
probabilities (create_model_and_transforms + get_tokenizer; softmax(exp(logit_scale) * cosine)) on images in the
modes where the families differ (RGB with a size = 3 mod 4, RGBA with a transparent band, P, LA, I;16, 1000+ px)
and captions with HTML entities, a literal special token and an over-long one. Prints the docs/parity.md rows.

    python3 tools/family_classify_check.py --open-clip-config CFG.json --checkpoint CKPT --model DIR
    python3 tools/family_classify_check.py --arch ViT-B-32 --checkpoint CKPT --model DIR
Needs torch, open_clip_torch, pillow, numpy, a built target/mubench.jar and java. mubench never runs this.
"""
import argparse
import os
import subprocess
import tempfile

import numpy as np
from PIL import Image

LABELS = ["an H&amp;E stained section of colon", "a fluorescence micrograph of nuclei &lt;DAPI&gt;",
          "electron microscopy of mitochondria &quot;cristae&quot;", "a literal [SEP] inside a caption",
          ("phase contrast image of HeLa cells in culture " * 40).strip()]


def field(w, h, seed):
    y, x = np.mgrid[0:h, 0:w].astype(np.float64)
    rng = np.random.default_rng(seed)
    v = 0.5 + 0.3 * np.sin(x / (9 + seed) + y / 13) * np.cos(y / (7 + seed)) + 0.1 * np.sin(x * y / 211.0)
    return np.clip(v + 0.04 * rng.standard_normal((h, w)), 0, 1)


def images():
    u8 = lambda w, h, s: (field(w, h, s) * 255).astype(np.uint8)
    rgb = lambda w, h, s: np.stack([u8(w, h, s), u8(w, h, s + 1), u8(w, h, s + 2)], -1)
    alpha = u8(263, 199, 4)
    alpha[:, :70] = 0
    return {
        "rgb_331x227": Image.fromarray(rgb(331, 227, 1), "RGB"),
        "rgba_263x199": Image.fromarray(np.dstack([rgb(263, 199, 5), alpha]), "RGBA"),
        "p_219x287": Image.fromarray(rgb(219, 287, 9), "RGB").quantize(colors=64),
        "la_143x99": Image.fromarray(np.dstack([u8(143, 99, 12), u8(143, 99, 13)]), "LA"),
        "i16_247x311": Image.fromarray((field(247, 311, 14) * 3000).astype(np.uint16)),
        "rgb_1031x1003": Image.fromarray(rgb(1031, 1003, 15), "RGB"),
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument("--arch")
    src.add_argument("--open-clip-config")
    ap.add_argument("--checkpoint", required=True)
    ap.add_argument("--model", required=True, help="the folder tools/export_onnx.py wrote")
    ap.add_argument("--jar", default="target/mubench.jar")
    a = ap.parse_args()
    import open_clip
    import torch
    from export_onnx import register_open_clip_config
    arch = register_open_clip_config(a.open_clip_config, "mubench-check") if a.open_clip_config else a.arch
    model, _, preprocess = open_clip.create_model_and_transforms(arch, pretrained=a.checkpoint)
    model.eval()
    tokenizer = open_clip.get_tokenizer(arch)
    with torch.no_grad():
        t = model.encode_text(tokenizer(LABELS))
        t = t / t.norm(dim=-1, keepdim=True)
    scale = model.logit_scale.exp().item()
    work = tempfile.mkdtemp(prefix="family-check-")
    print("| image | mode | size | max \\|Δprob\\| | same top label | open_clip top p |")
    print("|---|---|---|---|---|---|")
    worst = 0.0
    for name, im in images().items():
        path = os.path.join(work, name + ".png")
        im.save(path)
        back = Image.open(path)  # as a harness opens it: the file's own mode, not converted
        with torch.no_grad():
            v = model.encode_image(preprocess(back)[None])
            v = v / v.norm(dim=-1, keepdim=True)
            ref = torch.softmax(scale * v @ t.T, dim=-1)[0].numpy()
        out = subprocess.run(["java", "-jar", a.jar, "classify", "--model", a.model, "--image", path,
                              "--labels", ",".join(LABELS), "--threads", "2"],
                             capture_output=True, text=True, check=True).stdout
        ours = {}
        for line in out.strip().splitlines():
            p, label = line.split("\t", 1)
            ours[label] = float(p)
        got = np.array([ours[l.strip()] for l in LABELS])
        d = float(np.abs(got - ref).max())
        worst = max(worst, d)
        same = int(np.argmax(got)) == int(np.argmax(ref))
        print(f"| {name} | {back.mode} | {back.size[0]}×{back.size[1]} | {d:.5f} | {'yes' if same else 'NO'} "
              f"| {ref.max():.4f} |")
    print(f"max |Δprob| over all images: {worst:.5f} (classify prints 4 decimals)")


if __name__ == "__main__":
    main()
