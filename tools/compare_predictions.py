#!/usr/bin/env python3
"""Agreement of two runs' predictions (e.g. a model's fp32 and int8 variants) on the same questions.

    python3 tools/compare_predictions.py RUN_A/predictions.jsonl RUN_B/predictions.jsonl

Prints one JSON object: questions compared, top-label agreement (same predicted option), and the largest and mean
absolute difference of the option probabilities (softmax of each question's logit-scaled scores). Standard library only.
"""
import json
import math
import sys


def load(path):
    out = {}
    with open(path) as f:
        for line in f:
            p = json.loads(line)
            if p.get("skipped") is None and p.get("scores"):
                out[(p["row"], p["question_key"] if "question_key" in p else p.get("questionKey"), p.get("template"))] = p
    return out


def softmax(xs):
    m = max(xs)
    e = [math.exp(x - m) for x in xs]
    s = sum(e)
    return [v / s for v in e]


def main():
    a, b = load(sys.argv[1]), load(sys.argv[2])
    keys = sorted(set(a) & set(b), key=str)
    same = 0
    max_d = sum_d = 0.0
    n_d = 0
    for k in keys:
        pa, pb = a[k], b[k]
        ia = pa.get("pred_idx", pa.get("predIdx"))
        ib = pb.get("pred_idx", pb.get("predIdx"))
        same += ia == ib
        for x, y in zip(softmax(pa["scores"]), softmax(pb["scores"])):
            d = abs(x - y)
            max_d = max(max_d, d)
            sum_d += d
            n_d += 1
    print(json.dumps({"questions": len(keys), "only_in_a": len(set(a) - set(b)), "only_in_b": len(set(b) - set(a)),
                      "top_label_agreement": same / len(keys) if keys else None,
                      "max_abs_prob_diff": max_d, "mean_abs_prob_diff": sum_d / n_d if n_d else None}))


if __name__ == "__main__":
    main()
