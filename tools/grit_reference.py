#!/usr/bin/env python3
"""Independent GRIT reference for GritTest: random box sets scored with scipy's linear_sum_assignment.

Prints Java array literals that GritTest pastes as constants. Run: python3 tools/grit_reference.py
Only numpy and scipy are needed; the project build does not run this.
"""
import numpy as np
from scipy.optimize import linear_sum_assignment


def area(b):
    if b[2] <= b[0] or b[3] <= b[1]:
        return 0.0
    return (b[2] - b[0]) * (b[3] - b[1])


def iou(a, b):
    if area(a) == 0 or area(b) == 0:
        inter = 0.0
    else:
        w = min(a[2], b[2]) - max(a[0], b[0])
        h = min(a[3], b[3]) - max(a[1], b[1])
        inter = w * h if (w > 0 and h > 0) else 0.0
    return inter / (area(a) + area(b) - inter + 1e-6)


def grit(pred, gt):
    if not pred and not gt:
        return 1.0
    if not pred or not gt:
        return 0.0
    m = np.array([[iou(p, g) for g in gt] for p in pred])
    r, c = linear_sum_assignment(1 - m)
    kept = [m[i, j] for i, j in zip(r, c) if m[i, j] > 0]
    return sum(kept) / (len(pred) + len(gt) - len(kept))


def rand_boxes(rng, n):
    out = []
    for _ in range(n):
        x, y = rng.integers(0, 30, size=2)
        w, h = rng.integers(5, 40, size=2)
        out.append([float(x), float(y), float(x + w), float(y + h)])
    return out


def java(boxes):
    return "{ " + ", ".join("{ %g, %g, %g, %g }" % tuple(b) for b in boxes) + " }"


rng = np.random.default_rng(20240701)
sizes = [(int(rng.integers(1, 7)), int(rng.integers(1, 7))) for _ in range(6)] + [(8, 9), (9, 4)]
for k, (n_pred, n_gt) in enumerate(sizes):
    pred = rand_boxes(rng, n_pred)
    gt = rand_boxes(rng, n_gt)
    print("\t\t// case %d" % k)
    print("\t\tcheck(new double[][] %s," % java(pred))
    print("\t\t\tnew double[][] %s," % java(gt))
    print("\t\t\t%.17g);" % grit(pred, gt))

# Minimum total cost of random rectangular matrices, for HungarianTest.
print()
rng = np.random.default_rng(7)
for n, m in [(4, 4), (3, 6), (6, 3), (7, 7), (5, 8)]:
    c = np.round(rng.random((n, m)), 3)
    r, cc = linear_sum_assignment(c)
    rows = ", ".join("{ " + ", ".join("%g" % v for v in row) + " }" for row in c)
    print("\t\tcheckTotal(new double[][] { %s }, %.17g);" % (rows, c[r, cc].sum()))
