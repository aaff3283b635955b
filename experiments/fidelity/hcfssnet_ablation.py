"""Measures the arms of experiments/fidelity/hcfssnet_ablation.sh (run by it, with /usr/bin/python3).

usage: hcfssnet_ablation.py OUT   (OUT/models/ARM holds each arm's variable-rate model; WORKBENCH: the CLI)

Every arm, and the committed models the arms start from (models/codec-variable), is measured the same way, `workbench codec evaluate --estimate` at qualities 2..5 on the held-out images
(data/generated/codec/eval): the rate is the model's estimate (-log2 of the likelihoods of y and z), because the arm
with an FSTAM in the hyper-synthesis cannot be coded bit-exactly. Reports each arm's mean curve and BD-rate (PCHIP and
cubic, evaluate.py's bd_rate) against the seed-1 HCFSSNet and the seed-1 hyperprior, HCFSSNet against the hyperprior
per seed (mean and sample standard deviation over the seeds), and the spread of the HCFSSNet baseline over its seeds,
against which an ablation's effect is read. Writes experiments/results/codec-hcfssnet-ablation.{json,md}; nothing in
them is typed by hand.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "codec"))
from evaluate import EVAL, RESULTS, ROOT, WORKBENCH, bd_rate, write_atomic  # noqa: E402

QUALITIES = (2, 3, 4, 5)
KINDS = ("pchip", "cubic")
BASELINE, ANCHOR = "hcfssnet-s1", "hyperprior-s1"
START = os.path.join(ROOT, "models", "codec-variable")


def arm_model(folder):
    infos = [f for f in os.listdir(folder) if f.endswith("-variable.json")]
    assert len(infos) == 1, (folder, infos)
    return infos[0][: -len("-variable.json")], json.load(open(os.path.join(folder, infos[0])))


def measure(models, model, scratch):
    path = os.path.join(scratch, f"{os.path.basename(models)}-{model}.json")
    subprocess.run(WORKBENCH.split() + ["--threads", "1", "codec", "evaluate", "--estimate", "--models", models, "--model", model,
                                        "--images", EVAL, "--qualities", *map(str, QUALITIES), "--json", path],
                   check=True, stdout=subprocess.DEVNULL)
    return json.load(open(path))["mean"]


def both(anchor, test):
    return {kind: bd_rate((anchor["bpp"], anchor["psnr"]), (test["bpp"], test["psnr"]), kind) for kind in KINDS}


def spread(values):
    values = [v for v in values if v is not None]
    return {"mean": float(np.mean(values)), "std": float(np.std(values, ddof=1)) if len(values) > 1 else None, "n": len(values)}


def main():
    out = os.path.abspath(sys.argv[1])
    arms = {}
    with tempfile.TemporaryDirectory() as scratch:
        for arm in sorted(os.listdir(os.path.join(out, "models"))):
            folder = os.path.join(out, "models", arm)
            model, info = arm_model(folder)
            mean = measure(folder, model, scratch)
            arms[arm] = {"model": model, "steps": info["steps"], "seed": info["seed"], "n": info["n"], "m": info["m"],
                         "hcfssnet_options": info.get("hcfssnet"), "training_seconds": info["training_seconds"],
                         "bpp": [e["bpp"] for e in mean], "psnr": [e["psnr"] for e in mean], "ms_ssim": [e["ms_ssim"] for e in mean]}
            print(arm, [f"{b:.3f}/{p:.2f}" for b, p in zip(arms[arm]["bpp"], arms[arm]["psnr"])], file=sys.stderr)
        starts = {}
        for model in ("hyperprior", "hcfssnet"):
            mean = measure(START, model, scratch)
            info = json.load(open(os.path.join(START, f"{model}-variable.json")))
            starts[model] = {"steps": info["steps"], "training_seconds": info["training_seconds"],
                             "bpp": [e["bpp"] for e in mean], "psnr": [e["psnr"] for e in mean]}
    steps = {a["steps"] for a in arms.values()}
    assert len(steps) == 1, f"unequal steps {steps}"

    for arm in arms.values():
        arm["bd_rate"] = {}
    for name, arm in arms.items():
        for anchor in (BASELINE, ANCHOR):
            if anchor in arms and anchor != name:
                arm["bd_rate"][f"vs {anchor}"] = both(arms[anchor], arm)
    seeds = sorted(a["seed"] for n, a in arms.items() if re.fullmatch(r"hcfssnet-s\d+", n) and f"hyperprior-s{a['seed']}" in arms)
    per_seed = {s: both(arms[f"hyperprior-s{s}"], arms[f"hcfssnet-s{s}"]) for s in seeds}
    summary = {"hcfssnet vs hyperprior at the start": both(starts["hyperprior"], starts["hcfssnet"]),
               "hcfssnet vs hyperprior per seed": {str(s): v for s, v in per_seed.items()},
               "hcfssnet vs hyperprior over seeds": {k: spread([v[k] for v in per_seed.values()]) for k in KINDS},
               "hcfssnet seeds vs seed 1": {k: spread([arms[f"hcfssnet-s{s}"]["bd_rate"][f"vs {BASELINE}"][k] for s in seeds if s != 1]) for k in KINDS}
               if len(seeds) > 1 else None}
    report = {"images": sorted(f for f in os.listdir(EVAL) if f.endswith(".png")), "qualities": list(QUALITIES), "steps": steps.pop(), "start": {"models": "models/codec-variable", **starts},
              "rate": "estimated: -log2 likelihoods of y and z from the eval-mode forward, per pixel of the original image",
              "arms": arms, "summary": summary,
              "note": "BD-rate as fractions over the shared PSNR interval, None where the curves do not overlap; std is the sample standard deviation over seeds"}
    write_atomic(os.path.join(RESULTS, "codec-hcfssnet-ablation.json"), json.dumps(report, indent=1) + "\n")

    pct = lambda v: "no overlap" if v is None else f"{100 * v:+.1f}%"
    pair = lambda bd: "-" if bd is None else f"{pct(bd['pchip'])} / {pct(bd['cubic'])}"
    lines = ["# HCFSSNet ablations at equal steps (generated by experiments/fidelity/hcfssnet_ablation.py)", "",
             f"Variable-rate models for qualities 2..5 continued from models/codec-variable, {report['steps']:,} steps each "
             "with the same recipe (experiments/fidelity/hcfssnet_ablation.sh; \"steps\" counts the models' earlier ones too); estimated rate and PSNR on the held-out images "
             f"({', '.join(report['images'])}).", "",
             "| arm | N, M | seconds of the arm's steps | bpp q2..q5 | PSNR q2..q5 (dB) | vs hcfssnet-s1 (PCHIP / cubic) | vs hyperprior-s1 (PCHIP / cubic) |",
             "|---|---|---|---|---|---|---|"]
    for name, arm in arms.items():
        lines.append(f"| {name} | {arm['n']}, {arm['m']} | {arm['training_seconds'] - starts[arm['model']]['training_seconds']:.0f} | {' '.join(f'{b:.3f}' for b in arm['bpp'])} | "
                     f"{' '.join(f'{p:.2f}' for p in arm['psnr'])} | {pair(arm['bd_rate'].get(f'vs {BASELINE}'))} | "
                     f"{pair(arm['bd_rate'].get(f'vs {ANCHOR}'))} |")
    over = summary["hcfssnet vs hyperprior over seeds"]
    fmt = lambda s: f"{100 * s['mean']:+.1f}%" + ("" if s["std"] is None else f" +- {100 * s['std']:.1f}") + f" ({s['n']} seeds)"
    lines += ["", f"HCFSSNet vs hyperprior at N = 32, M = 48, per seed: "
              + ", ".join(f"seed {s}: {pair(v)}" for s, v in summary["hcfssnet vs hyperprior per seed"].items())
              + f"; over seeds PCHIP {fmt(over['pchip'])}, cubic {fmt(over['cubic'])}."]
    if summary["hcfssnet seeds vs seed 1"]:
        s1 = summary["hcfssnet seeds vs seed 1"]
        lines.append(f"HCFSSNet's other seeds against seed 1 (the baseline's own spread): PCHIP {fmt(s1['pchip'])}, cubic {fmt(s1['cubic'])}.")
    lines.append(f"At the start (models/codec-variable, {starts['hcfssnet']['steps']:,} steps, the same estimate): HCFSSNet vs hyperprior "
                 f"{pair(summary['hcfssnet vs hyperprior at the start'])}.")
    write_atomic(os.path.join(RESULTS, "codec-hcfssnet-ablation.md"), "\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
