#!/usr/bin/env python3
"""CRC32 of the tensors transformers' CLIPImageProcessorPil (transformers 5.x, the PIL backend: the same steps as
CLIPImageProcessor in transformers 4.x) makes from formula images with unusual resize/crop settings, incl. crops
larger than the resized image (zero padding). Written into ImageTensorsTest.matchesTransformersIncludingPadding.
Image formula shared with the Java test: v(x, y, c) = ((x*73 + y*151 + c*41) ^ (x*y*7)) & 255.
Usage: pip install transformers; python3 tools/hf_processor_cases.py
"""
import zlib
import numpy as np
from PIL import Image
from transformers.models.clip.image_processing_pil_clip import CLIPImageProcessorPil

for (w, h, s, ch, cw) in [(40, 30, 224, 256, 231), (37, 91, 100, 80, 64), (301, 17, 224, 224, 224),
                          (33, 45, 50, 64, 77), (64, 64, 32, 31, 33)]:
    y, x, c = np.meshgrid(np.arange(h), np.arange(w), np.arange(3), indexing="ij")
    a = (((x * 73 + y * 151 + c * 41) ^ (x * y * 7)) & 255).astype(np.uint8)
    p = CLIPImageProcessorPil(size={"shortest_edge": s}, crop_size={"height": ch, "width": cw})
    t = p(images=Image.fromarray(a), return_tensors="np")["pixel_values"][0].astype("<f4")
    print(f"{{ {w}, {h}, {s}, {ch}, {cw} }}, // crc32 {zlib.crc32(t.tobytes()):08x}, shape {t.shape}")
