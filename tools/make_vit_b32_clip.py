#!/usr/bin/env python3
"""Writes a random-weight CLIP ViT-B/32 in the Hugging Face ONNX export layout, for speed measurements only.

The architecture and sizes are OpenAI CLIP ViT-B/32's (vision: 224 px, patch 32, width 768, 12 layers, 12 heads;
text: context 77, width 512, 12 layers, 8 heads; embedding 512), so inference costs what the real model costs.
The weights are random: the model must never be used for accuracy figures, and is not committed.

    python3 tools/make_vit_b32_clip.py --out /tmp/vit-b32 --tokenizer PATH/tokenizer.json

Needs torch and onnx (measuring tool only; the project's build never runs it).
"""
import argparse
import json
import os
import shutil

import torch
from torch import nn


class Block(nn.Module):
    def __init__(self, width, heads, causal):
        super().__init__()
        self.ln_1 = nn.LayerNorm(width)
        self.qkv = nn.Linear(width, 3 * width)
        self.out = nn.Linear(width, width)
        self.heads = heads
        self.ln_2 = nn.LayerNorm(width)
        self.fc = nn.Linear(width, 4 * width)
        self.proj = nn.Linear(4 * width, width)
        self.causal = causal

    def forward(self, x):
        b, n, w = x.shape
        q, k, v = self.qkv(self.ln_1(x)).reshape(b, n, 3, self.heads, w // self.heads).permute(2, 0, 3, 1, 4)
        a = (q @ k.transpose(-1, -2)) * (w // self.heads) ** -0.5
        if self.causal:
            a = a + torch.full((n, n), float("-inf")).triu(1)
        h = (a.softmax(-1) @ v).transpose(1, 2).reshape(b, n, w)
        x = x + self.out(h)
        h = self.fc(self.ln_2(x))
        h = h * torch.sigmoid(1.702 * h)  # QuickGELU, as OpenAI CLIP
        return x + self.proj(h)


class Vision(nn.Module):
    def __init__(self, size=224, patch=32, width=768, layers=12, heads=12, dim=512):
        super().__init__()
        self.conv = nn.Conv2d(3, width, patch, patch, bias=False)
        self.cls = nn.Parameter(torch.randn(width) * 0.02)
        self.pos = nn.Parameter(torch.randn((size // patch) ** 2 + 1, width) * 0.01)
        self.ln_pre = nn.LayerNorm(width)
        self.blocks = nn.Sequential(*[Block(width, heads, False) for _ in range(layers)])
        self.ln_post = nn.LayerNorm(width)
        self.proj = nn.Linear(width, dim, bias=False)

    def forward(self, pixel_values):
        x = self.conv(pixel_values).flatten(2).transpose(1, 2)
        cls = self.cls.expand(x.shape[0], 1, -1)
        x = torch.cat([cls, x], dim=1) + self.pos
        x = self.blocks(self.ln_pre(x))
        return self.proj(self.ln_post(x[:, 0]))


class Text(nn.Module):
    def __init__(self, vocab, context=77, width=512, layers=12, heads=8, dim=512):
        super().__init__()
        self.tok = nn.Embedding(vocab, width)
        self.pos = nn.Parameter(torch.randn(context, width) * 0.01)
        self.blocks = nn.Sequential(*[Block(width, heads, True) for _ in range(layers)])
        self.ln_final = nn.LayerNorm(width)
        self.proj = nn.Linear(width, dim, bias=False)

    def forward(self, input_ids):
        n = input_ids.shape[1]
        x = self.tok(input_ids) + self.pos[:n]
        x = self.ln_final(self.blocks(x))
        # Pooled at the end-of-text token, which has the largest id in CLIP's vocabulary.
        eot = input_ids.argmax(dim=-1)
        x = x[torch.arange(x.shape[0]), eot]
        return self.proj(x)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--tokenizer", required=True, help="a CLIP tokenizer.json (e.g. shared/fixtures/tiny-clip)")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    torch.manual_seed(args.seed)
    with open(args.tokenizer) as f:
        vocab = len(json.load(f)["model"]["vocab"]) + 2
    os.makedirs(os.path.join(args.out, "onnx"), exist_ok=True)
    vision, text = Vision().eval(), Text(vocab).eval()
    with torch.no_grad():
        torch.onnx.export(vision, (torch.zeros(1, 3, 224, 224),), os.path.join(args.out, "onnx", "vision_model.onnx"),
                          input_names=["pixel_values"], output_names=["image_embeds"],
                          dynamic_axes={"pixel_values": {0: "batch"}, "image_embeds": {0: "batch"}},
                          opset_version=17, dynamo=False)
        torch.onnx.export(text, (torch.ones(1, 77, dtype=torch.long),), os.path.join(args.out, "onnx", "text_model.onnx"),
                          input_names=["input_ids"], output_names=["text_embeds"],
                          dynamic_axes={"input_ids": {0: "batch", 1: "sequence"}, "text_embeds": {0: "batch"}},
                          opset_version=17, dynamo=False)
    shutil.copy(args.tokenizer, os.path.join(args.out, "tokenizer.json"))
    config = {"model_type": "clip", "projection_dim": 512, "logit_scale_init_value": 4.6052,
              "text_config": {"max_position_embeddings": 77, "hidden_size": 512, "vocab_size": vocab},
              "vision_config": {"image_size": 224, "patch_size": 32, "hidden_size": 768}}
    pre = {"do_resize": True, "size": {"shortest_edge": 224}, "resample": 3, "do_center_crop": True,
           "crop_size": {"height": 224, "width": 224}, "do_rescale": True, "rescale_factor": 1 / 255,
           "do_normalize": True, "image_mean": [0.48145466, 0.4578275, 0.40821073],
           "image_std": [0.26862954, 0.26130258, 0.27577711]}
    tok_cfg = {"model_max_length": 77, "pad_token": "<|endoftext|>", "bos_token": "<|startoftext|>",
               "eos_token": "<|endoftext|>"}
    for name, obj in (("config.json", config), ("preprocessor_config.json", pre), ("tokenizer_config.json", tok_cfg)):
        with open(os.path.join(args.out, name), "w") as f:
            json.dump(obj, f, indent=1)
    print("wrote", args.out)


if __name__ == "__main__":
    main()
