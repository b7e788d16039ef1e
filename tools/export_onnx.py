#!/usr/bin/env python3
"""Exports a CLIP-style model to the folder layout mubench reads (docs/models.md).

    onnx/vision_model.onnx   pixel_values [batch, 3, H, W] float32 -> image_embeds [batch, D]
    onnx/text_model.onnx     input_ids [batch, L] int64 (+ attention_mask for Hugging Face models) -> text_embeds [batch, D]
    tokenizer.json, tokenizer_config.json, preprocessor_config.json, config.json (with the trained logit_scale)

With --torchscript it writes image_encoder.pt / text_encoder.pt (torch.jit.trace) instead of the ONNX files; with
--quantize it adds onnx/*_quantized.onnx (onnxruntime dynamic int8 quantisation).

Sources:
  --hf NAME          a transformers CLIPModel (openai/clip-vit-base-patch32, vinid/plip, ...)
  --open-clip NAME   an open_clip model: "ViT-B-32:laion2b_s34b_b79k" (architecture:pretrained tag) or
                     "hf-hub:wisdomik/QuiltNet-B-32", "hf-hub:microsoft/BiomedCLIP-PubMedBERT_256-vit_base_patch16_224"
  --selftest         a tiny random open_clip-like model (needs only torch); checks this script and the Java loader

Needs torch and onnx, plus transformers (--hf) or open_clip_torch (--open-clip); the mubench build never runs this.
Examples:
  python3 tools/export_onnx.py --hf openai/clip-vit-base-patch32 --out models/clip-b32
  python3 tools/export_onnx.py --hf vinid/plip --out models/plip
  python3 tools/export_onnx.py --open-clip hf-hub:wisdomik/QuiltNet-B-32 --out models/quiltnet-b32
  python3 tools/export_onnx.py --open-clip hf-hub:microsoft/BiomedCLIP-PubMedBERT_256-vit_base_patch16_224 --out models/biomedclip
"""
import argparse
import json
import os

import torch
from torch import nn

OPENAI_MEAN = [0.48145466, 0.4578275, 0.40821073]
OPENAI_STD = [0.26862954, 0.26130258, 0.27577711]
# The Hugging Face tokenizer whose tokenizer.json equals open_clip's OpenAI BPE tokenizer.
OPENAI_TOKENIZER = "openai/clip-vit-base-patch32"


class Tower(nn.Module):
    """One tower as a module with plain tensor inputs, so export and tracing see exactly one graph."""

    def __init__(self, model, fn):
        super().__init__()
        self.model = model  # registered, so its weights are parameters of the graph, not constants
        self.fn = fn

    def forward(self, *args):
        return self.fn(self.model, *args)


def write_json(path, obj):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(obj, f, indent=1)


def preprocessor(size, mean, std):
    return {"do_resize": True, "size": {"shortest_edge": size}, "resample": 3, "do_center_crop": True,
            "crop_size": {"height": size, "width": size}, "do_rescale": True, "rescale_factor": 1 / 255,
            "do_normalize": True, "image_mean": list(mean), "image_std": list(std), "do_convert_rgb": True}


def from_hf(name, out):
    from transformers import AutoTokenizer, CLIPImageProcessor, CLIPModel
    model = CLIPModel.from_pretrained(name).eval()
    tok = AutoTokenizer.from_pretrained(name, use_fast=True)
    tok.save_pretrained(out)  # tokenizer.json + tokenizer_config.json (pad token, model_max_length)
    CLIPImageProcessor.from_pretrained(name).save_pretrained(out)
    size = model.config.vision_config.image_size
    context = model.config.text_config.max_position_embeddings
    vision = Tower(model, lambda m, x: m.get_image_features(pixel_values=x))
    text = Tower(model, lambda m, ids, mask: m.get_text_features(input_ids=ids, attention_mask=mask))
    meta = {"model_type": "clip", "source": "hf:" + name, "logit_scale": float(model.logit_scale.item()),
            "projection_dim": model.config.projection_dim, "text_config": {"max_position_embeddings": context}}
    return vision, text, size, context, True, False, meta


def from_open_clip(name, out):
    import open_clip
    from transformers import AutoTokenizer
    if name.startswith("hf-hub:"):
        model, _, _ = open_clip.create_model_and_transforms(name)
        tokenizer = open_clip.get_tokenizer(name)
    else:
        arch, _, tag = name.partition(":")
        model, _, _ = open_clip.create_model_and_transforms(arch, pretrained=tag or None)
        tokenizer = open_clip.get_tokenizer(arch)
    model.eval()
    context = getattr(tokenizer, "context_length", 77)
    hf_name = getattr(getattr(tokenizer, "tokenizer", None), "name_or_path", None)
    # HF-tokenizer models (BiomedCLIP's PubMedBERT) ship that tokenizer; OpenAI-BPE models use CLIP's.
    tok = AutoTokenizer.from_pretrained(hf_name or OPENAI_TOKENIZER, use_fast=True)
    tok.model_max_length = context
    tok.save_pretrained(out)
    size = model.visual.image_size
    size = size[0] if isinstance(size, (tuple, list)) else size
    mean = getattr(model.visual, "image_mean", None) or OPENAI_MEAN
    std = getattr(model.visual, "image_std", None) or OPENAI_STD
    write_json(os.path.join(out, "preprocessor_config.json"), preprocessor(size, mean, std))
    vision = Tower(model, lambda m, x: m.encode_image(x))
    text = Tower(model, lambda m, ids: m.encode_text(ids))
    meta = {"model_type": "open_clip", "source": "open_clip:" + name, "logit_scale": float(model.logit_scale.item()),
            "text_config": {"max_position_embeddings": context}}
    # open_clip text towers add a fixed positional embedding: the sequence length is fixed.
    return vision, text, size, context, False, True, meta


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
    return (Tower(model, lambda m, x: m.encode_image(x)), Tower(model, lambda m, ids: m.encode_text(ids)), model.size,
            model.context, False, True, meta)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument("--hf")
    src.add_argument("--open-clip")
    src.add_argument("--selftest", action="store_true")
    ap.add_argument("--tokenizer", help="tokenizer.json for --selftest (CLIP BPE)")
    ap.add_argument("--out", required=True)
    ap.add_argument("--torchscript", action="store_true", help="write image_encoder.pt/text_encoder.pt instead of ONNX")
    ap.add_argument("--quantize", action="store_true", help="also write onnx/*_quantized.onnx (int8 weights)")
    ap.add_argument("--opset", type=int, default=17)
    a = ap.parse_args()

    os.makedirs(a.out, exist_ok=True)
    if a.hf:
        vision, text, size, context, with_mask, fixed_length, meta = from_hf(a.hf, a.out)
    elif a.open_clip:
        vision, text, size, context, with_mask, fixed_length, meta = from_open_clip(a.open_clip, a.out)
    else:
        if not a.tokenizer:
            ap.error("--selftest needs --tokenizer PATH/tokenizer.json")
        vision, text, size, context, with_mask, fixed_length, meta = selftest(a.out, a.tokenizer)
    write_json(os.path.join(a.out, "config.json"), meta)

    pixels = torch.zeros(2, 3, size, size)
    length = context if fixed_length else 8
    ids = torch.zeros(2, length, dtype=torch.long)
    ids[:, 0], ids[:, 1] = 49406, 49407
    mask = torch.zeros(2, length, dtype=torch.long)
    mask[:, :2] = 1
    text_args = (ids, mask) if with_mask else (ids,)

    with torch.no_grad():
        if a.torchscript:
            torch.jit.trace(vision, (pixels,)).save(os.path.join(a.out, "image_encoder.pt"))
            torch.jit.trace(text, (ids,) if not with_mask else text_args).save(os.path.join(a.out, "text_encoder.pt"))
            print("wrote", a.out, "(TorchScript)")
            return
        os.makedirs(os.path.join(a.out, "onnx"), exist_ok=True)
        vpath = os.path.join(a.out, "onnx", "vision_model.onnx")
        tpath = os.path.join(a.out, "onnx", "text_model.onnx")
        torch.onnx.export(vision, (pixels,), vpath, input_names=["pixel_values"], output_names=["image_embeds"],
                          dynamic_axes={"pixel_values": {0: "batch"}, "image_embeds": {0: "batch"}},
                          opset_version=a.opset, dynamo=False)
        text_inputs = ["input_ids", "attention_mask"] if with_mask else ["input_ids"]
        seq_axes = {0: "batch"} if fixed_length else {0: "batch", 1: "sequence"}
        dyn = {name: seq_axes for name in text_inputs}
        dyn["text_embeds"] = {0: "batch"}
        torch.onnx.export(text, text_args, tpath, input_names=text_inputs, output_names=["text_embeds"],
                          dynamic_axes=dyn, opset_version=a.opset, dynamo=False)
    if a.quantize:
        from onnxruntime.quantization import QuantType, quantize_dynamic
        for p in (vpath, tpath):
            # MatMul/Gemm only: ONNX Runtime's CPU provider has no ConvInteger kernel (the patch embedding is a Conv).
            quantize_dynamic(p, p[:-len(".onnx")] + "_quantized.onnx", weight_type=QuantType.QInt8,
                             op_types_to_quantize=["MatMul", "Gemm"])
    print("wrote", a.out)


if __name__ == "__main__":
    main()
