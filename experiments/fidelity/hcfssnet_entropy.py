"""Entropy-model comparison of the HCFSSNet fidelity audit (run by experiments/fidelity/hcfssnet_entropy.sh).

Reads the evaluations of the four continued model sets (experiments/results/codec-entropy-model/ENTROPY-MODEL.json,
written by `workbench codec evaluate` on the held-out images), the checkpoint descriptions under RUNS/ENTROPY/models
(steps and seconds) and, for the starting point, experiments/results/codec-rd.json (the committed models on the same
images). BD-rates use experiments/codec/evaluate.py's definition (cubic and PCHIP over the shared PSNR interval).
Writes experiments/results/codec-entropy-model.json and .md; no number in them is typed by hand.

Usage: hcfssnet_entropy.py RUNS   (RUNS: the folder hcfssnet_entropy.sh trained into, e.g. runs/codec-entropy)
"""
import importlib.util
import json
import os
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
_spec = importlib.util.spec_from_file_location("evaluate", os.path.join(ROOT, "experiments", "codec", "evaluate.py"))
evaluate = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(evaluate)
RESULTS = os.path.join(ROOT, "experiments", "results")
EVALUATIONS = os.path.join(RESULTS, "codec-entropy-model")
OUT = os.path.join(RESULTS, "codec-entropy-model")
ENTROPY_MODELS = ("scale", "mean_scale")
MODELS = ("hyperprior", "hcfssnet")
QUALITIES = (2, 3, 4, 5)


def curve(entropy, model):
    report = json.load(open(os.path.join(EVALUATIONS, f"{entropy}-{model}.json")))
    mean = report["mean"]
    assert [m["quality"] for m in mean] == list(QUALITIES), (entropy, model, mean)
    return report["images"], {"bpp": [m["bpp"] for m in mean], "psnr": [m["psnr"] for m in mean], "ms_ssim": [m["ms_ssim"] for m in mean]}


def training(runs, entropy, model):
    """Steps taken in this continuation, total steps and this run's training seconds per quality, from the checkpoint files."""
    specs = [json.load(open(os.path.join(runs, entropy, "models", f"{model}-q{q}.json"))) for q in QUALITIES]
    for spec in specs:
        assert spec.get("entropy_model", "scale") == entropy, (entropy, model, spec.get("entropy_model"))
    extra = {spec["steps"] - spec["prior_steps"] for spec in specs}
    assert len(extra) == 1, (entropy, model, extra)
    return {"extra_steps": extra.pop(), "total_steps": [spec["steps"] for spec in specs],
            "n": specs[0]["n"], "m": specs[0]["m"], "batch_size": specs[0]["batch_size"], "patch_size": specs[0]["patch_size"],
            "learning_rate": specs[0]["learning_rate"]}


def bd(anchor, test):
    return {kind: evaluate.bd_rate((anchor["bpp"], anchor["psnr"]), (test["bpp"], test["psnr"]), kind) for kind in ("cubic", "pchip")}


def pct(value):
    return "no PSNR overlap" if value is None else f"{100 * value:+.1f}%"


def main():
    runs = sys.argv[1]
    curves, runs_info, images = {}, {}, None
    for entropy in ENTROPY_MODELS:
        for model in MODELS:
            shown, curves[(entropy, model)] = curve(entropy, model)
            assert images in (None, shown), (images, shown)
            images = shown
            runs_info[(entropy, model)] = training(runs, entropy, model)
    extra = {info["extra_steps"] for info in runs_info.values()}
    assert len(extra) == 1, extra
    extra = extra.pop()
    committed = json.load(open(os.path.join(RESULTS, "codec-rd.json")))
    assert committed["images"] == images, (committed["images"], images)
    start = {model: committed["curves"][f"{model} (ours)"] for model in MODELS}

    comparisons = [
        ("HCFSSNet vs hyperprior, committed models (the start)", start["hyperprior"], start["hcfssnet"]),
        ("HCFSSNet vs hyperprior, both scale", curves[("scale", "hyperprior")], curves[("scale", "hcfssnet")]),
        ("HCFSSNet vs hyperprior, both mean-scale", curves[("mean_scale", "hyperprior")], curves[("mean_scale", "hcfssnet")]),
        ("hyperprior: mean-scale vs scale", curves[("scale", "hyperprior")], curves[("mean_scale", "hyperprior")]),
        ("HCFSSNet: mean-scale vs scale", curves[("scale", "hcfssnet")], curves[("mean_scale", "hcfssnet")]),
        ("HCFSSNet mean-scale vs hyperprior scale", curves[("scale", "hyperprior")], curves[("mean_scale", "hcfssnet")]),
    ]
    bd_rates = {label: bd(anchor, test) for label, anchor, test in comparisons}
    report = {
        "images": images,
        "extra_steps": extra,
        "from": "models/codec",
        "note": "both codecs continued from the committed checkpoints for extra_steps more steps per quality, once with the "
                "scale entropy model and once with the mean-scale one (mean head started at zero); bpp and PSNR are means "
                "over the held-out images; BD-rate of the second curve against the first (negative: fewer bits)",
        "training": {f"{entropy} {model}": info for (entropy, model), info in runs_info.items()},
        "curves": {f"{entropy} {model}": c for (entropy, model), c in curves.items()} | {f"committed {m}": start[m] for m in MODELS},
        "bd_rate": bd_rates,
    }
    os.makedirs(RESULTS, exist_ok=True)
    evaluate.write_atomic(OUT + ".json", json.dumps(report, indent=1) + "\n")

    info = runs_info[("scale", "hcfssnet")]
    lines = ["# Entropy model: scale vs mean-scale for both codecs (generated by experiments/fidelity/hcfssnet_entropy.py)", "",
             f"Both codecs continued from the committed checkpoints (models/codec, N = {info['n']}, M = {info['m']}) for {extra} more "
             f"steps per quality (batch {info['batch_size']} of {info['patch_size']}^2 patches, Adam {info['learning_rate']}, one "
             "thread), once with the scale entropy model (the extra training alone) and once with the mean-scale one (its mean "
             "head starts at zero, so the start codes exactly as the scale model). Evaluated on the held-out images "
             f"{', '.join(images)} (means over images).", "",
             "| model | entropy model | steps per quality | bpp q2..q5 | PSNR q2..q5 (dB) |", "|---|---|---|---|---|"]
    for model in MODELS:
        lines.append(f"| {model} | committed (scale) | {', '.join(str(s - extra) for s in runs_info[('scale', model)]['total_steps'])} | "
                     f"{' / '.join(f'{b:.4f}' for b in start[model]['bpp'])} | {' / '.join(f'{p:.2f}' for p in start[model]['psnr'])} |")
        for entropy in ENTROPY_MODELS:
            c = curves[(entropy, model)]
            lines.append(f"| {model} | {entropy} | {', '.join(str(s) for s in runs_info[(entropy, model)]['total_steps'])} | "
                         f"{' / '.join(f'{b:.4f}' for b in c['bpp'])} | {' / '.join(f'{p:.2f}' for p in c['psnr'])} |")
    lines += ["", "| BD-rate | cubic | PCHIP |", "|---|---|---|"]
    lines += [f"| {label} | {pct(v['cubic'])} | {pct(v['pchip'])} |" for label, v in bd_rates.items()]
    evaluate.write_atomic(OUT + ".md", "\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
