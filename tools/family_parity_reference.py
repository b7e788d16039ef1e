#!/usr/bin/env python3
"""Writes the model-family parity fixtures the Java tests check (src/test/resources/org/mubench/families/):
PNG files in the modes that make the families differ (RGB, L, LA, RGBA, P, 1-bit, 16-bit grey; odd sizes ≡ 3 mod 4;
over 1000 px) and expected.json with, per image, the CRC32 and sum of the float32 tensor each family's own Python code
makes (open_clip's image_transform on torchvision + Pillow; transformers' CLIPImageProcessorPil), and, per
caption, the text open_clip's tokenizers see after their cleaning (clean="lower" and clean="whitespace").

With --wordpiece DIR --open-clip-config CFG (a BiomedCLIP-layout folder written by tools/export_onnx.py from the
config tools/make_biomedclip_layout.py made), it writes only the WordPiece fixture instead: DIR's tokenizer files in
OUT/wordpiece/ and, per caption, the ids open_clip's own tokenizer for that config gives (HFTokenizer from the config's
vocab.txt folder, clean="whitespace", padded to the context), which the Java test compares with ours.

With --model DIR (a folder written by tools/export_onnx.py for an open_clip model) and --checkpoint, it also prints
the docs/parity.md rows: image-embedding cosine of the ONNX export on open_clip's tensors and on CLIPImageProcessor's
tensors against PyTorch on open_clip's own, and token-id equality of DIR/tokenizer.json with open_clip's tokenizer.
Run in a throw-away environment (torch, open_clip_torch, transformers, pillow, ftfy); the build never runs it.
"""
import argparse
import io
import json
import os
import zlib

import numpy as np
from PIL import Image

TEXTS = [
    "an H&amp;E stained section of colon",
    "H&amp;amp;E, double escaped",
    "cells &lt;b&gt; &#955; &#x3bb; &deg;C 5&micro;m &apos;quoted&apos; &quot;q&quot; &nbsp;gap",
    "a literal <|endoftext|> inside a caption",
    "A <b>tagged</b> caption keeps &amp; for html.unescape",
    "Curly \u201cquotes\u201d and \u2018single\u2019 \ufb01bres, full-width \uff23\uff25\uff2c\uff2c, tab\tand\nnewline   runs",
    "Non-breaking\u00a0space, x\u0085y, \u00c5ngstr\u00f6m and NFD A\u030a",
    "HeLa CELLS under FLUORESCENCE",
    "fluorescence microscopy image of stained mitochondria in cultured cells " * 12,
]
WORDPIECE_TEXTS = TEXTS + [
    "", " \t\n ", "Ångström, naïve café, Straße", "10 µm vs 10 μm scale bar", "细胞核 nuclei",
    "a literal [SEP] and [PAD] and [CLS] inside", "price 5€ ✓ 🔬", "x" * 120 + " overlong word",
    "pre-mitotic cells (n=12); p<0.05", "tissue " * 300,
    # the captions of tools/family_classify_check.py
    "a fluorescence micrograph of nuclei &lt;DAPI&gt;", "electron microscopy of mitochondria &quot;cristae&quot;",
    "a literal [SEP] inside a caption", ("phase contrast image of HeLa cells in culture " * 40).strip(),
]


def field(w, h, seed, noise=0.05):
    y, x = np.mgrid[0:h, 0:w].astype(np.float64)
    rng = np.random.default_rng(seed)
    if noise == 0:  # the large images: smooth, so the files stay small
        return 0.5 + 0.3 * np.sin(x / (37 + seed) + y / 53) * np.cos(y / 29) + 0.1 * np.sin(x / 13)
    v = 0.5 + 0.3 * np.sin(x / (7 + seed) + y / 11) * np.cos(y / (5 + seed)) + 0.15 * np.sin((x * y) / 97.0)
    return np.clip(v + noise * rng.standard_normal((h, w)), 0, 1)


def images():
    """name -> PIL image, in the mode the PNG will be read back in."""
    out = {}
    f = lambda w, h, s: (field(w, h, s, 0.05 if w * h < 100000 else 0) * 255).astype(np.uint8)
    out["rgb_227x151"] = Image.fromarray(np.stack([f(227, 151, 1), f(227, 151, 2), f(227, 151, 3)], -1), "RGB")
    out["l_303x215"] = Image.fromarray(f(303, 215, 4), "L")
    a = f(259, 187, 5)
    a[:, :60] = 0  # fully transparent band: its colour must not bleed in
    out["rgba_259x187"] = Image.fromarray(np.stack([f(259, 187, 6), f(259, 187, 7), f(259, 187, 8), a], -1), "RGBA")
    out["la_143x99"] = Image.fromarray(np.stack([f(143, 99, 9), f(143, 99, 10)], -1), "LA")
    rgb = Image.fromarray(np.stack([f(235, 171, 11), f(235, 171, 12), f(235, 171, 13)], -1), "RGB")
    out["p_235x171"] = rgb.quantize(colors=200, method=Image.Quantize.MEDIANCUT)
    out["bw_123x87"] = Image.fromarray(f(123, 87, 14) > 127)
    out["i16_211x263"] = Image.fromarray((field(211, 263, 15) * 4000).astype(np.uint16))
    out["i16_near_max_67x59"] = Image.fromarray(np.where(field(67, 59, 16) > 0.5, 65535, 40).astype(np.uint16))
    out["rgb_1031x1003"] = Image.fromarray(np.stack([f(1031, 1003, 17), f(1031, 1003, 18), f(1031, 1003, 19)], -1),
                                           "RGB")
    out["p_1003x1207"] = Image.fromarray(f(1003, 1207, 20), "L").convert("P", palette=Image.Palette.ADAPTIVE,
                                                                           colors=64)
    return out


def crc(t):
    a = np.ascontiguousarray(t.numpy().astype("<f4"))
    return f"{zlib.crc32(a.tobytes()):08x}", float(a.astype(np.float64).sum())


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default="src/test/resources/org/mubench/families")
    ap.add_argument("--model", help="an exported open_clip model folder, for the docs/parity.md rows")
    ap.add_argument("--arch", default="ViT-B-32")
    ap.add_argument("--checkpoint")
    ap.add_argument("--wordpiece", help="an exported open_clip_hf folder: write the WordPiece fixture only")
    ap.add_argument("--open-clip-config", help="the open_clip config the --wordpiece folder was exported from")
    a = ap.parse_args()
    if a.wordpiece:
        return wordpiece_fixture(a)
    import open_clip
    from open_clip.tokenizer import _clean_lower, _clean_whitespace
    from transformers.models.clip.image_processing_pil_clip import CLIPImageProcessorPil as CLIPImageProcessor
    os.makedirs(a.out, exist_ok=True)
    oc = open_clip.image_transform(224, is_train=False)
    hf = CLIPImageProcessor()
    expected = {"images": {}, "texts": []}
    files = {}
    for name, im in images().items():
        path = os.path.join(a.out, name + ".png")
        im.save(path, optimize=True)
        back = Image.open(path)
        back.load()
        files[name] = back
        t_oc = oc(back)
        t_hf = hf(back, return_tensors="pt")["pixel_values"][0]
        c1, s1 = crc(t_oc)
        c2, s2 = crc(t_hf)
        expected["images"][name] = {"mode": back.mode, "size": list(back.size), "open_clip_crc32": c1,
                                    "open_clip_sum": s1, "clip_crc32": c2, "clip_sum": s2}
        print(f"{name}: mode {back.mode} {os.path.getsize(path)} bytes; open_clip {c1} clip {c2}")
    for t in TEXTS:
        expected["texts"].append({"text": t, "lower": _clean_lower(t), "whitespace": _clean_whitespace(t)})
    with open(os.path.join(a.out, "expected.json"), "w", encoding="utf-8") as f:
        json.dump(expected, f, indent=1, ensure_ascii=True)
    if a.model:
        parity_rows(a, files, oc, hf)


def wordpiece_fixture(a):
    import shutil
    import open_clip
    from export_onnx import register_open_clip_config
    register_open_clip_config(a.open_clip_config, "mubench-wordpiece")
    tok = open_clip.get_tokenizer("mubench-wordpiece")  # as open_clip builds it for the model: HFTokenizer
    out = os.path.join(a.out, "wordpiece")
    os.makedirs(out, exist_ok=True)
    for name in ("tokenizer.json", "tokenizer_config.json", "config.json", "mubench_profile.json"):
        shutil.copy(os.path.join(a.wordpiece, name), out)
    pad = tok.tokenizer.pad_token_id
    cases = []
    for t in WORDPIECE_TEXTS:
        ids = [int(i) for i in tok([t])[0]]
        n = len(ids)
        while n and ids[n - 1] == pad:
            n -= 1
        cases.append({"text": t, "ids": ids[:n]})
    with open(os.path.join(out, "expected_ids.json"), "w", encoding="utf-8") as f:
        json.dump({"tokenizer": type(tok).__name__ + " " + type(tok.tokenizer).__name__, "context": tok.context_length,
                   "pad_id": pad, "cases": cases}, f, indent=0, ensure_ascii=True)
    print(f"wrote {out}: {len(cases)} captions, context {tok.context_length}, pad {pad}, longest "
          f"{max(len(c['ids']) for c in cases)} ids, [UNK] in {sum(tok.tokenizer.unk_token_id in c['ids'] for c in cases)}")


def parity_rows(a, files, oc, hf):
    import onnxruntime as ort
    import open_clip
    import torch
    from tokenizers import Tokenizer
    from export_onnx import register_open_clip_config
    arch = a.arch
    if a.open_clip_config:  # e.g. the BiomedCLIP layout: its own transform (preprocess_cfg) must equal oc's
        arch = register_open_clip_config(a.open_clip_config, "mubench-parity")
    model, _, own = open_clip.create_model_and_transforms(arch, pretrained=a.checkpoint)
    model.eval()
    sess = ort.InferenceSession(os.path.join(a.model, "onnx", "vision_model.onnx"), providers=["CPUExecutionProvider"])
    cos = lambda u, v: float((u * v).sum() / np.linalg.norm(u) / np.linalg.norm(v))
    print("| image | mode | model's own transform = fixture tensor | open_clip tensor → ONNX vs PyTorch cosine "
          "| CLIPImageProcessor tensor (before) cosine |")
    for name, im in files.items():
        x = own(im)[None]
        same = crc(x[0])[0] == crc(oc(im))[0]
        with torch.no_grad():
            ref = model.encode_image(x)[0].numpy().astype(np.float64)
        ours = sess.run(None, {"pixel_values": x.numpy()})[0][0]
        before = sess.run(None, {"pixel_values": hf(im, return_tensors="np")["pixel_values"]})[0][0]
        print(f"| {name} | {im.mode} | {'yes' if same else 'NO'} | {cos(ref, ours):.8f} | {cos(ref, before):.6f} |")
    tok = open_clip.get_tokenizer(arch)
    if not hasattr(tok, "bpe_ranks"):
        print("Hugging Face tokenizer: its ids are checked by WordPieceFamilyTest (--wordpiece)")
        return
    tk = Tokenizer.from_file(os.path.join(a.model, "tokenizer.json"))
    from open_clip.tokenizer import _clean_lower
    same = 0
    for t in TEXTS:
        ref = [int(i) for i in tok([t])[0] if i != 0]
        ids = tk.encode(_clean_lower(t)).ids
        if len(ids) > tok.context_length:
            ids = ids[:tok.context_length - 1] + [ids[-1]]
        same += ids == ref
        if ids != ref:
            print("DIFF", repr(t), ids[:12], ref[:12])
    print(f"tokenizer.json vs open_clip tokenizer: {same}/{len(TEXTS)} captions with identical ids")


if __name__ == "__main__":
    main()
