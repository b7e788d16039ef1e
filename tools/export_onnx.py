#!/usr/bin/env python3
"""Exports a CLIP-style model to the folder layout mubench reads (docs/models.md), offline, and checks the export.

    onnx/vision_model.onnx   pixel_values [batch, 3, H, W] float32 -> image_embeds [batch, D] (projected)
    onnx/text_model.onnx     input_ids [batch, L] int64 (+ attention_mask for Hugging Face CLIP) -> text_embeds [batch, D]
    tokenizer.json, tokenizer_config.json, preprocessor_config.json, config.json (with the trained logit_scale)
    mubench_profile.json     the model family: how its images are preprocessed and its captions cleaned (docs/parity.md)

Before it finishes, it runs the export with onnxruntime and the PyTorch model on the same images and texts and fails
unless every embedding agrees to cosine >= 0.99999; the tokenizer.json it wrote must give the family's own token ids.

Sources (nothing is downloaded unless NAME is a hub name that is not in the local Hugging Face cache):
  --hf NAME_OR_DIR          a transformers CLIPModel: openai/clip-vit-base-patch32, vinid/plip, or a local folder
  --open-clip ARCH          an open_clip architecture (ViT-B-32, ViT-B-16, ...) with --checkpoint FILE (QuiltNet,
                            OpenCLIP weights as a local file), or an "hf-hub:org/name" already in the local cache
  --open-clip-config JSON   an open_clip model config file (e.g. BiomedCLIP's: ViT-B-16 + a Hugging Face BERT text
                            tower whose hf_model_name/hf_tokenizer_name are local folders), with --checkpoint FILE
  --selftest                a tiny random open_clip-like model (needs only torch); checks this script and the loader

  --variant quantized       also write onnx/*_quantized.onnx (onnxruntime dynamic int8, MatMul/Gemm weights)
  --torchscript             write image_encoder.pt / text_encoder.pt (torch.jit.trace) instead of ONNX

Examples:
  python3 tools/export_onnx.py --hf openai/clip-vit-base-patch32 --out models/clip-b32
  python3 tools/export_onnx.py --open-clip ViT-B-32 --checkpoint quilt_b32.pt --out models/quiltnet-b32
Needs torch, onnx, onnxruntime, plus transformers (--hf, BiomedCLIP) or open_clip_torch; mubench never runs this.
"""
import argparse
import json
import os

import numpy as np
import torch
from torch import nn

OPENAI_MEAN = [0.48145466, 0.4578275, 0.40821073]
OPENAI_STD = [0.26862954, 0.26130258, 0.27577711]
CHECK_TEXTS = ["an H&amp;E image of colon tissue", "a fluorescence micrograph of nuclei", "", "Ångström",
               "a phase contrast image of HeLa cells " * 30]
COSINE_MIN = 0.99999


class Tower(nn.Module):
    """One tower as a module with plain tensor inputs, so export and tracing see exactly one graph."""

    def __init__(self, model, fn):
        super().__init__()
        self.model = model  # registered, so its weights are parameters of the graph, not constants
        self.fn = fn
        # eval: torch.onnx.export restores the wrapper's mode afterwards, and a training wrapper would switch the
        # model's dropout on (BERT's 0.1) for everything that runs after the export, the check included
        self.eval()

    def forward(self, *args):
        return self.fn(self.model, *args)


def write_json(path, obj):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(obj, f, indent=1)


def preprocessor(size, mean, std):
    return {"do_resize": True, "size": {"shortest_edge": size}, "resample": 3, "do_center_crop": True,
            "crop_size": {"height": size, "width": size}, "do_rescale": True, "rescale_factor": 1 / 255,
            "do_normalize": True, "image_mean": list(mean), "image_std": list(std), "do_convert_rgb": True}


def embeds(out):
    """transformers 5 returns a model output from get_*_features; its pooler_output holds the projected embeddings."""
    if isinstance(out, torch.Tensor):
        return out
    return out.pooler_output


class Export:
    """What main needs: the two towers, their example inputs and a tokenizer function giving the family's ids."""

    def __init__(self, vision, text, size, tokenize, with_mask, fixed_length, meta, profile):
        self.vision, self.text, self.size, self.tokenize = vision, text, size, tokenize
        self.with_mask, self.fixed_length, self.meta, self.profile = with_mask, fixed_length, meta, profile


def from_hf(name, out):
    from transformers import AutoTokenizer, CLIPImageProcessor, CLIPModel
    model = CLIPModel.from_pretrained(name).eval()
    tok = AutoTokenizer.from_pretrained(name)
    tok.save_pretrained(out)  # tokenizer.json + tokenizer_config.json (pad token, model_max_length)
    CLIPImageProcessor.from_pretrained(name).save_pretrained(out)
    size = model.config.vision_config.image_size
    context = model.config.text_config.max_position_embeddings
    vision = Tower(model, lambda m, x: embeds(m.get_image_features(pixel_values=x)))
    text = Tower(model, lambda m, ids, mask: embeds(m.get_text_features(input_ids=ids, attention_mask=mask)))
    meta = {"model_type": "clip", "source": "hf:" + name, "logit_scale": float(model.logit_scale.item()),
            "projection_dim": model.config.projection_dim, "text_config": {"max_position_embeddings": context}}

    def tokenize(texts):
        t = tok(texts, padding="longest", truncation=True, max_length=context, return_tensors="pt")
        return t["input_ids"], t["attention_mask"]
    return Export(vision, text, size, tokenize, True, False, meta, {"family": "clip"})


def bpe_tokenizer_json(simple, path):
    """open_clip's own BPE tokenizer (its bundled vocabulary) as a tokenizer.json: same vocabulary, merges and split
    pattern, with only <start_of_text>/<end_of_text> special, so a literal "<|endoftext|>" in a caption is text."""
    from tokenizers import Regex, Tokenizer, models, pre_tokenizers, processors
    merges = sorted(simple.bpe_ranks, key=simple.bpe_ranks.get)
    tk = Tokenizer(models.BPE(vocab=dict(simple.encoder), merges=list(merges), end_of_word_suffix="</w>",
                              continuing_subword_prefix="", fuse_unk=False))
    pattern = simple.pat.pattern  # the cleaning (ftfy, html, whitespace, lower) is the profile's, done before
    tk.pre_tokenizer = pre_tokenizers.Sequence([
        pre_tokenizers.Split(Regex(pattern), behavior="removed", invert=True),
        pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=False)])
    sot, eot = "<start_of_text>", "<end_of_text>"
    tk.add_special_tokens([sot, eot])
    tk.post_processor = processors.TemplateProcessing(single=f"{sot} $A {eot}",
                                                      special_tokens=[(sot, simple.encoder[sot]),
                                                                      (eot, simple.encoder[eot])])
    tk.save(path)
    return tk


def register_open_clip_config(source, arch):
    """Makes a local open_clip model config known to open_clip under the name arch, which is returned. source is a
    config file or dict: a bare model config, or a hub open_clip_config.json whose model_cfg holds it. open_clip has no
    public call for this; its registry is a module dict, so this is the one place that touches it."""
    import open_clip
    if not isinstance(source, dict):
        with open(source, encoding="utf-8") as f:
            source = json.load(f)
    open_clip.factory._MODEL_CONFIGS[arch] = source.get("model_cfg", source)
    return arch


def from_open_clip(arch, checkpoint, config_file, out):
    import open_clip
    from open_clip.tokenizer import HFTokenizer, SimpleTokenizer
    if config_file:  # a local config, registered under its own name
        arch = register_open_clip_config(config_file, "mubench-" + os.path.splitext(os.path.basename(config_file))[0])
    model, _, _ = open_clip.create_model_and_transforms(arch, pretrained=checkpoint)
    model.eval()
    tokenizer = open_clip.get_tokenizer(arch)
    context = tokenizer.context_length
    size = model.visual.image_size
    size = size[0] if isinstance(size, (tuple, list)) else size
    mean = getattr(model.visual, "image_mean", None) or OPENAI_MEAN
    std = getattr(model.visual, "image_std", None) or OPENAI_STD
    write_json(os.path.join(out, "preprocessor_config.json"), preprocessor(size, mean, std))
    if isinstance(tokenizer, SimpleTokenizer):
        bpe_tokenizer_json(tokenizer, os.path.join(out, "tokenizer.json"))
        # open_clip pads with id 0 ("!" in its vocabulary) after <end_of_text>
        write_json(os.path.join(out, "tokenizer_config.json"), {"model_max_length": context, "pad_token": "!"})
        profile = {"family": "open_clip"}
    elif isinstance(tokenizer, HFTokenizer):
        tokenizer.tokenizer.model_max_length = context
        tokenizer.tokenizer.save_pretrained(out)  # the model's own tokenizer files (e.g. PubMedBERT WordPiece)
        profile = {"family": "open_clip_hf"}
    else:
        raise SystemExit(f"{arch}: tokenizer {type(tokenizer).__name__} is not supported by this exporter")
    vision = Tower(model, lambda m, x: m.encode_image(x))
    text = Tower(model, lambda m, ids: m.encode_text(ids))
    meta = {"model_type": "open_clip", "source": "open_clip:" + arch + (":" + checkpoint if checkpoint else ""),
            "logit_scale": float(model.logit_scale.item()), "text_config": {"max_position_embeddings": context}}

    def tokenize(texts):
        return (tokenizer(texts),)
    # open_clip text towers add a fixed positional embedding: the sequence length is fixed.
    return Export(vision, text, size, tokenize, False, True, meta, profile)


class TinyClip(nn.Module):
    """A small random model with open_clip's interface and CLIP's end-of-text pooling, for --selftest."""

    def __init__(self, size=32, context=77, vocab=49408, dim=16):
        super().__init__()
        self.patch = nn.Conv2d(3, dim, 8, 8)
        self.tokens = nn.Embedding(vocab, dim)
        self.position = nn.Parameter(torch.randn(context, dim) * 0.01)
        self.proj = nn.Linear(dim, dim, bias=False)
        self.logit_scale = nn.Parameter(torch.tensor(4.6052))
        self.size, self.context = size, context

    def encode_image(self, x):
        return self.patch(x).mean(dim=(2, 3))

    def encode_text(self, ids):
        x = torch.cumsum(self.tokens(ids) + self.position, dim=1)
        return self.proj(x[torch.arange(x.shape[0]), ids.argmax(dim=-1)])


def selftest(out, tokenizer_json):
    from tokenizers import Tokenizer
    torch.manual_seed(0)
    model = TinyClip().eval()
    with open(tokenizer_json, encoding="utf-8") as f:
        tokenizer = f.read()
    with open(os.path.join(out, "tokenizer.json"), "w", encoding="utf-8") as f:
        f.write(tokenizer)
    write_json(os.path.join(out, "tokenizer_config.json"), {"model_max_length": model.context,
                                                            "pad_token": "<|endoftext|>"})
    write_json(os.path.join(out, "preprocessor_config.json"), preprocessor(model.size, OPENAI_MEAN, OPENAI_STD))
    meta = {"model_type": "open_clip", "source": "selftest", "logit_scale": float(model.logit_scale.item()),
            "text_config": {"max_position_embeddings": model.context}}
    tk = Tokenizer.from_str(tokenizer)

    def tokenize(texts):
        ids = torch.full((len(texts), model.context), 49407, dtype=torch.long)
        for i, t in enumerate(texts):
            e = tk.encode(t).ids[:model.context]
            ids[i, :len(e)] = torch.tensor(e)
        return (ids,)
    return Export(Tower(model, lambda m, x: m.encode_image(x)), Tower(model, lambda m, ids: m.encode_text(ids)),
                  model.size, tokenize, False, True, meta, {"family": "clip"})


def cosines(a, b):
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    return (a * b).sum(1) / np.maximum(np.linalg.norm(a, axis=1) * np.linalg.norm(b, axis=1), 1e-30)


def verify(ex, vpath, tpath, label):
    """The exported graphs against the PyTorch towers on random images and the check texts."""
    import onnxruntime as ort
    if any(m.training for t in (ex.vision, ex.text) for m in t.modules()):
        raise SystemExit("the PyTorch model is in training mode (dropout on): the check would compare nothing")
    g = torch.Generator().manual_seed(1)
    pixels = torch.randn(3, 3, ex.size, ex.size, generator=g)
    text_args = ex.tokenize(CHECK_TEXTS)
    with torch.no_grad():
        tv, tt = ex.vision(pixels).numpy(), ex.text(*text_args).numpy()
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = 2
    vs = ort.InferenceSession(vpath, opts, providers=["CPUExecutionProvider"])
    ts = ort.InferenceSession(tpath, opts, providers=["CPUExecutionProvider"])
    ov = vs.run(None, {"pixel_values": pixels.numpy()})[0]
    names = [i.name for i in ts.get_inputs()]
    ot = ts.run(None, {n: a.numpy().astype(np.int64) for n, a in zip(names, text_args)})[0]
    cv, ct = cosines(tv, ov).min(), cosines(tt, ot).min()
    ok = cv >= COSINE_MIN and ct >= COSINE_MIN
    print(f"verify {label}: {len(pixels)} images min cosine {cv:.8f}, {len(CHECK_TEXTS)} texts min cosine {ct:.8f} "
          f"(PyTorch vs onnxruntime) -> {'OK' if ok else 'FAILED'}")
    return ok


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument("--hf")
    src.add_argument("--open-clip")
    src.add_argument("--open-clip-config")
    src.add_argument("--selftest", action="store_true")
    ap.add_argument("--checkpoint", help="local open_clip weights file (state dict) for --open-clip/--open-clip-config")
    ap.add_argument("--tokenizer", help="tokenizer.json for --selftest (CLIP BPE)")
    ap.add_argument("--out", required=True)
    ap.add_argument("--torchscript", action="store_true", help="write image_encoder.pt/text_encoder.pt instead of ONNX")
    ap.add_argument("--variant", choices=["full", "quantized"], default="full",
                    help="quantized: also write onnx/*_quantized.onnx (int8 weights)")
    ap.add_argument("--quantize", action="store_true", help="same as --variant quantized")
    ap.add_argument("--opset", type=int, default=17)
    ap.add_argument("--no-verify", action="store_true", help="skip the PyTorch-vs-ONNX check (not recommended)")
    a = ap.parse_args()

    os.makedirs(a.out, exist_ok=True)
    torch.backends.mha.set_fastpath_enabled(False)  # else eval() + no_grad export aten::_native_multi_head_attention
    if a.hf:
        ex = from_hf(a.hf, a.out)
    elif a.open_clip or a.open_clip_config:
        ex = from_open_clip(a.open_clip, a.checkpoint, a.open_clip_config, a.out)
    else:
        if not a.tokenizer:
            ap.error("--selftest needs --tokenizer PATH/tokenizer.json")
        ex = selftest(a.out, a.tokenizer)
    write_json(os.path.join(a.out, "config.json"), ex.meta)
    write_json(os.path.join(a.out, "mubench_profile.json"), ex.profile)

    pixels = torch.zeros(2, 3, ex.size, ex.size)
    text_args = ex.tokenize(["a photo of a cell", "nuclei"])  # the model's own tokenizer: ids within its vocabulary
    text_names = ["input_ids", "attention_mask"] if ex.with_mask else ["input_ids"]

    with torch.no_grad():
        if a.torchscript:
            torch.jit.trace(ex.vision, (pixels,)).save(os.path.join(a.out, "image_encoder.pt"))
            torch.jit.trace(ex.text, text_args).save(os.path.join(a.out, "text_encoder.pt"))
            print("wrote", a.out, "(TorchScript; not verified)")
            return
        os.makedirs(os.path.join(a.out, "onnx"), exist_ok=True)
        vpath = os.path.join(a.out, "onnx", "vision_model.onnx")
        tpath = os.path.join(a.out, "onnx", "text_model.onnx")
        torch.onnx.export(ex.vision, (pixels,), vpath, input_names=["pixel_values"], output_names=["image_embeds"],
                          dynamic_axes={"pixel_values": {0: "batch"}, "image_embeds": {0: "batch"}},
                          opset_version=a.opset, dynamo=False)
        seq_axes = {0: "batch"} if ex.fixed_length else {0: "batch", 1: "sequence"}
        dyn = {name: seq_axes for name in text_names}
        dyn["text_embeds"] = {0: "batch"}
        torch.onnx.export(ex.text, text_args, tpath, input_names=text_names, output_names=["text_embeds"],
                          dynamic_axes=dyn, opset_version=a.opset, dynamo=False)
    if not a.no_verify and not verify(ex, vpath, tpath, "fp32"):
        raise SystemExit("the export does not reproduce the PyTorch model; not usable")
    if a.quantize or a.variant == "quantized":
        from onnxruntime.quantization import QuantType, quantize_dynamic
        for p in (vpath, tpath):
            # MatMul/Gemm only: ONNX Runtime's CPU provider has no ConvInteger kernel (the patch embedding is a Conv).
            quantize_dynamic(p, p[:-len(".onnx")] + "_quantized.onnx", weight_type=QuantType.QInt8,
                             op_types_to_quantize=["MatMul", "Gemm"])
        print("wrote int8 variant onnx/*_quantized.onnx (approximate by design; benchmark its accuracy)")
    print("wrote", a.out, "family", ex.profile["family"])


if __name__ == "__main__":
    main()
