#!/usr/bin/env python3
"""Builds a BiomedCLIP-layout model offline, with seeded random weights, for checking tools/export_onnx.py and the
engine on that family (nothing is downloaded; BiomedCLIP's real files are not needed):

    OUT/bert/                 a local stand-in for microsoft/BiomedNLP-BiomedBERT-base-uncased-abstract: config.json
                              (BERT-base, vocab_size 30522), a WordPiece vocab.txt made here, tokenizer_config.json
    OUT/open_clip_config.json BiomedCLIP's open_clip config (timm vit_base_patch16_224, linear proj; HF text tower,
                              mlp proj, cls_last_hidden_state_pooler, context 256) with hf_*_name -> OUT/bert
    OUT/checkpoint.pt         the seeded state dict of that open_clip model

The vocabulary: [PAD] [UNK] [CLS] [SEP] [MASK], single characters and their ##continuations, then the most frequent
words and word-final pieces of the given text files (so real captions split into several pieces and [UNK] occurs).

    python3 tools/make_biomedclip_layout.py --out /tmp/biomedclip --words docs/*.md
    python3 tools/export_onnx.py --open-clip-config /tmp/biomedclip/open_clip_config.json \
        --checkpoint /tmp/biomedclip/checkpoint.pt --out /tmp/biomedclip-onnx
Needs torch, transformers, timm, open_clip_torch. mubench never runs this.
"""
import argparse
import collections
import json
import math
import os
import re
import string

SPECIAL = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]


def vocabulary(files, size):
    chars = list(string.ascii_lowercase + string.digits + string.punctuation) + ["μ", "α", "β", "λ", "°", "é", "ö"]
    vocab = SPECIAL + chars + ["##" + c for c in chars if c.isalnum()]
    counts = collections.Counter()
    for f in files:
        with open(f, encoding="utf-8", errors="replace") as fh:
            counts.update(re.findall(r"[a-z]+", fh.read().lower()))
    pieces = collections.Counter()
    for w, n in counts.items():
        for k in range(2, min(len(w), 6)):  # word-final pieces: "##ing", "##ation", ...
            pieces["##" + w[-k:]] += n
    seen = set(vocab)
    for w, _ in counts.most_common():
        if len(vocab) >= size * 3 // 4:
            break
        if len(w) > 1 and w not in seen:
            vocab.append(w)
            seen.add(w)
    for p, _ in pieces.most_common():
        if len(vocab) >= size:
            break
        if p not in seen:
            vocab.append(p)
            seen.add(p)
    return vocab


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True)
    ap.add_argument("--words", nargs="+", required=True, help="text files whose words fill the vocabulary")
    ap.add_argument("--vocab-size", type=int, default=2000, help="WordPiece entries written to vocab.txt")
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args()
    import torch
    import open_clip
    from transformers import AutoTokenizer, BertConfig

    bert = os.path.join(a.out, "bert")
    os.makedirs(bert, exist_ok=True)
    with open(os.path.join(bert, "vocab.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(vocabulary(a.words, a.vocab_size)) + "\n")
    # BiomedBERT-base's architecture; its vocabulary has 30522 entries, ours fewer (the rest are never produced)
    BertConfig(vocab_size=30522, hidden_size=768, num_hidden_layers=12, num_attention_heads=12,
               intermediate_size=3072, max_position_embeddings=512, type_vocab_size=2, pad_token_id=0).save_pretrained(bert)
    with open(os.path.join(bert, "tokenizer_config.json"), "w", encoding="utf-8") as f:  # as BiomedBERT's repository
        json.dump({"do_lower_case": True, "model_max_length": 512, "tokenizer_class": "BertTokenizer"}, f)
    print("tokenizer:", type(AutoTokenizer.from_pretrained(bert)).__name__, "from vocab.txt")

    cfg = {"model_cfg": {"embed_dim": 512,
                         "vision_cfg": {"timm_model_name": "vit_base_patch16_224", "timm_model_pretrained": False,
                                        "timm_pool": "", "timm_proj": "linear", "image_size": 224},
                         "text_cfg": {"hf_model_name": bert, "hf_tokenizer_name": bert, "hf_proj_type": "mlp",
                                      "hf_pooler_type": "cls_last_hidden_state_pooler", "context_length": 256}},
           "preprocess_cfg": {"mean": [0.48145466, 0.4578275, 0.40821073],
                              "std": [0.26862954, 0.26130258, 0.27577711]}}
    with open(os.path.join(a.out, "open_clip_config.json"), "w", encoding="utf-8") as f:
        json.dump(cfg, f, indent=1)
    from export_onnx import register_open_clip_config
    register_open_clip_config(cfg, "mubench-biomedclip-layout")
    torch.manual_seed(a.seed)
    model = open_clip.create_model("mubench-biomedclip-layout", pretrained=None, pretrained_text=False)
    with torch.no_grad():  # BERT's from_config init is small-scale; spread the weights so captions differ clearly
        for n, p in model.text.named_parameters():
            if p.dim() >= 2:
                p.normal_(0, 0.05)
        model.logit_scale.fill_(math.log(100))  # the trained scale's cap (BiomedCLIP's), so probabilities are sharp
    torch.save(model.state_dict(), os.path.join(a.out, "checkpoint.pt"))
    print("wrote", a.out, "text tower", type(model.text.transformer).__name__, "vision", type(model.visual).__name__)


if __name__ == "__main__":
    main()
