"""Width at equal steps: the variable-rate codecs of experiments/codec/width.sh on the held-out images (run with /usr/bin/python3).

usage: width.py [MODELS]   (default runs/codec-width/models, as width.sh writes it; WORKBENCH: the CLI)

For each model trained at both widths (MODELS/narrow: N = 32, M = 48; MODELS/wide: N = 128, M = 192; and the narrow
model's other seeds, MODELS/narrow-seedS; float16 weights, their float32 originals in MODELS/float32/NAME),
`workbench --threads 1 codec evaluate` codes the held-out images (data/generated/codec/eval) at qualities 2..5 from
files, once with the float16 and once with the float32 weights, and so does the committed variable-rate model of
models/codec-variable (its steps in its json). JPEG and WebP
(evaluate.py's settings) code the same images. Reports per model and width the training steps and seconds (from the
run's metrics.jsonl), the mean bpp and PSNR per quality, the BD-rate (PCHIP and cubic, evaluate.py's bd_rate) against
JPEG and WebP, the wide model against the narrow one at equal steps (seed 1, and the mean and sample standard
deviation over the narrow seeds) and against the committed model, the float16
storage's cost (largest mean PSNR change per quality and BD-rate against float32), the held-out rate-distortion loss
per level (lambda 255^2 MSE + bpp, the training objective; defined where two curves share no PSNR and a BD-rate is
not), the wide model's loss over the narrow one's per level, the parameter files' sizes, and
what a GPU continuation at each width carries against the 64 MiB limit: both codecs' float16 models at that width (a
model not trained here sized from a one-step run), the training images and, where artifacts/gpu/bundle.tar.xz exists
(experiments/gpu/verify.sh pack-cli), the CLI bundle.
Writes experiments/results/codec-width.{json,md}; nothing in them is typed by hand.
"""
import json
import os
import subprocess
import sys
import tempfile

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from evaluate import EVAL, RESULTS, ROOT, WORKBENCH, bd_rate, classical_codecs, classical_curve, write_atomic  # noqa: E402

WIDTHS = ("narrow", "wide")
QUALITIES = (2, 3, 4, 5)
LAMBDAS = (0.0035, 0.0067, 0.013, 0.025)
KINDS = ("pchip", "cubic")
COMMITTED = os.path.join(ROOT, "models", "codec-variable")
TRAIN_IMAGES = os.path.join(ROOT, "data", "generated", "codec", "train")
BUNDLE = os.path.join(ROOT, "artifacts", "gpu", "bundle.tar.xz")
CARRY_BYTES = 64 * 1024 * 1024


def evaluate(models, model, folder, tag):
    path = os.path.join(folder, f"{tag}-{model}.json")
    subprocess.run(WORKBENCH.split() + ["--threads", "1", "codec", "evaluate", "--models", models, "--model", model, "--images", EVAL,
                                        "--qualities", *map(str, QUALITIES), "--json", path], check=True, stdout=subprocess.DEVNULL)
    return json.load(open(path))


def curve_of(evaluation):
    return [m["bpp"] for m in evaluation["mean"]], [m["psnr"] for m in evaluation["mean"]]


def rd_loss(evaluation):
    """Per quality level the training objective on the held-out images: the mean over images of lambda 255^2 MSE + bpp
    (MSE of [0, 1] pixels, from each image's PSNR)."""
    return [float(np.mean([lam * 255 ** 2 * 10 ** (-r["psnr"] / 10) + r["bpp"] for r in evaluation["results"] if r["quality"] == q]))
            for q, lam in zip(QUALITIES, LAMBDAS)]


def training(run):
    """Steps reached and training seconds from a run folder's metrics.jsonl."""
    lines = [json.loads(line) for line in open(os.path.join(run, "metrics.jsonl")) if line.strip()]
    return {"steps": lines[-1]["step"], "seconds": sum(line["seconds"] for line in lines), "threads": lines[-1]["threads"]}


def one_step_bytes(model, n, m, folder):
    """Size of a variable-rate model's float16 parameter file at N, M, from one training step."""
    trained, stored = os.path.join(folder, f"one-step-{model}-{n}"), os.path.join(folder, f"one-step-{model}-{n}-16")
    subprocess.run(WORKBENCH.split() + ["--threads", "1", "--seed", "1", "codec", "train", "--model", model, "--images", TRAIN_IMAGES, "--quality", "2",
                                        "--lambdas", "0.0035", "0.0067", "0.013", "0.025", "--steps", "1", "--batch", "1", "--patch", "64",
                                        "--n", str(n), "--m", str(m), "--models", trained, "--out", trained + "-run"], check=True, stdout=subprocess.DEVNULL)
    subprocess.run(WORKBENCH.split() + ["codec", "convert", "--models", trained, "--out", stored, "--weight-bits", "16"], check=True, stdout=subprocess.DEVNULL)
    return os.path.getsize(os.path.join(stored, f"{model}-variable.dat"))


def folder_bytes(folder):
    return sum(os.path.getsize(os.path.join(folder, f)) for f in os.listdir(folder))


def main():
    models_root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "runs", "codec-width", "models"))
    runs_root = os.path.dirname(models_root)
    images = sorted(f for f in os.listdir(EVAL) if f.endswith(".png"))
    anchors = {name: classical_curve(encode, settings, images) for name, (encode, settings) in classical_codecs().items()
               if name.startswith(("jpeg", "webp"))}
    report = {"images": images, "anchors": {n: {"bpp": c[0], "psnr": c[1]} for n, c in anchors.items()}, "models": {}}
    with tempfile.TemporaryDirectory() as folder:
        for model in ("hyperprior", "hcfssnet"):
            if not all(os.path.exists(os.path.join(models_root, w, f"{model}-variable.json")) for w in WIDTHS):
                continue
            seeds = sorted(n for n in os.listdir(models_root) if n.startswith("narrow-seed") and os.path.exists(os.path.join(models_root, n, f"{model}-variable.json")))
            entry = {}
            for name in (*WIDTHS, *seeds):
                stored = os.path.join(models_root, name)
                info = json.load(open(os.path.join(stored, f"{model}-variable.json")))
                evaluation = evaluate(stored, model, folder, f"{name}-16")
                half = curve_of(evaluation)
                full = curve_of(evaluate(os.path.join(models_root, "float32", name), model, folder, f"{name}-32"))
                entry[name] = {"n": info["n"], "m": info["m"], "seed": info["seed"], "training": training(os.path.join(runs_root, f"{name}-{model}")),
                               "curve": {"bpp": half[0], "psnr": half[1]}, "rd_loss": rd_loss(evaluation),
                               "float16_vs_float32": {"largest_mean_psnr_change_db": max(abs(a - b) for a, b in zip(half[1], full[1])),
                                                      "bd_rate_pchip": bd_rate(full, half, "pchip")},
                               "parameter_file_bytes": os.path.getsize(os.path.join(stored, f"{model}-variable.dat")),
                               "bd_rate": {a: {k: bd_rate(anchor, half, k) for k in KINDS} for a, anchor in anchors.items()}}
            committed_evaluation = evaluate(COMMITTED, model, folder, "committed")
            committed = curve_of(committed_evaluation)
            committed_info = json.load(open(os.path.join(COMMITTED, f"{model}-variable.json")))
            entry["committed"] = {"n": committed_info["n"], "m": committed_info["m"], "steps": committed_info["steps"],
                                  "curve": {"bpp": committed[0], "psnr": committed[1]}, "rd_loss": rd_loss(committed_evaluation),
                                  "bd_rate": {a: {k: bd_rate(anchor, committed, k) for k in KINDS} for a, anchor in anchors.items()}}
            as_curve = lambda name: (entry[name]["curve"]["bpp"], entry[name]["curve"]["psnr"])
            entry["wide_vs_narrow"] = {k: bd_rate(as_curve("narrow"), as_curve("wide"), k) for k in KINDS}
            against_seeds = {k: [bd_rate(as_curve(n), as_curve("wide"), k) for n in ("narrow", *seeds)] for k in KINDS}
            entry["wide_vs_narrow_seeds"] = {k: {"values": v, "mean": float(np.mean(v)), "std": float(np.std(v, ddof=1)) if len(v) > 1 else None}
                                             for k, v in against_seeds.items() if None not in v}
            entry["wide_vs_committed"] = {k: bd_rate(committed, as_curve("wide"), k) for k in KINDS}
            narrow_losses = np.asarray([entry[n]["rd_loss"] for n in ("narrow", *seeds)])
            entry["rd_loss_wide_over_narrow"] = {"seed_1": list(np.asarray(entry["wide"]["rd_loss"]) / narrow_losses[0]),
                                                 "narrow_seeds_mean": list(np.asarray(entry["wide"]["rd_loss"]) / narrow_losses.mean(axis=0)),
                                                 "narrow_seeds_relative_std": list(narrow_losses.std(axis=0, ddof=1) / narrow_losses.mean(axis=0))
                                                 if len(narrow_losses) > 1 else None}
            report["models"][model] = entry

        # Both codecs travel at both widths; a model not trained here is sized from a one-step run (the file's size
        # depends only on the tensors' shapes).
        sizes = {f"{model} {width}": (report["models"][model][width]["parameter_file_bytes"] if model in report["models"]
                                      else one_step_bytes(model, n, m, folder))
                 for model in ("hyperprior", "hcfssnet") for width, (n, m) in (("narrow", (32, 48)), ("wide", (128, 192)))}
    images_bytes = folder_bytes(TRAIN_IMAGES)
    bundle = os.path.getsize(BUNDLE) if os.path.exists(BUNDLE) else None
    carried = {"training_images": images_bytes, "cli_bundle": bundle, "model_files": sizes, "limit": CARRY_BYTES}
    for width in WIDTHS:
        models = sum(v for k, v in sizes.items() if k.endswith(width))
        carried[f"continuation_at_{width}_width"] = {"models": models, "total": None if bundle is None else images_bytes + bundle + models}
    report["carry_bytes"] = carried
    report["note"] = "BD-rates as fractions of the anchor's rate at equal PSNR; curves at qualities 2..5 with float16 weights"
    os.makedirs(RESULTS, exist_ok=True)
    write_atomic(os.path.join(RESULTS, "codec-width.json"), json.dumps(report, indent=1) + "\n")

    pct = lambda v: "no overlap" if v is None else f"{100 * v:+.1f}%"
    mib = lambda v: "not packed" if v is None else f"{v / 2**20:.1f} MiB"
    webp = next(n for n in anchors if n.startswith("webp"))
    jpeg = next(n for n in anchors if n.startswith("jpeg"))
    lines = ["# Width at equal steps (generated by experiments/codec/width.py)", "",
             f"Held-out images: {', '.join(images)}. Variable-rate models, qualities 2..5 from files, float16 weights.", "",
             f"| model | width | N, M | steps | training s (threads) | PSNR q2..q5 (dB) | bpp q2..q5 | vs {jpeg} (PCHIP / cubic) | vs {webp} (PCHIP / cubic) | float16 cost: largest PSNR change, BD-rate | parameters |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    for model, entry in report["models"].items():
        for name in (n for n in entry if n in WIDTHS or n.startswith("narrow-seed")):
            e = entry[name]
            lines.append(f"| {model} | {name} | {e['n']}, {e['m']} | {e['training']['steps']:,} | {e['training']['seconds']:,.0f} ({e['training']['threads']}) | "
                         f"{' '.join(f'{p:.2f}' for p in e['curve']['psnr'])} | {' '.join(f'{b:.3f}' for b in e['curve']['bpp'])} | "
                         + " | ".join(f"{pct(e['bd_rate'][a]['pchip'])} / {pct(e['bd_rate'][a]['cubic'])}" for a in (jpeg, webp))
                         + f" | {e['float16_vs_float32']['largest_mean_psnr_change_db']:.4f} dB, {pct(e['float16_vs_float32']['bd_rate_pchip'])} | {mib(e['parameter_file_bytes'])} |")
        c = entry["committed"]
        lines.append(f"| {model} | committed (models/codec-variable) | {c['n']}, {c['m']} | {c['steps']:,} | | "
                     f"{' '.join(f'{p:.2f}' for p in c['curve']['psnr'])} | {' '.join(f'{b:.3f}' for b in c['curve']['bpp'])} | "
                     + " | ".join(f"{pct(c['bd_rate'][a]['pchip'])} / {pct(c['bd_rate'][a]['cubic'])}" for a in (jpeg, webp)) + " | | |")
    spread = lambda s: "no overlap" if s is None else f"{100 * s['mean']:+.1f}% +- {100 * s['std']:.1f}" if s["std"] is not None else f"{100 * s['mean']:+.1f}%"
    lines += ["", "| model | wide vs narrow at equal steps, seed 1 (PCHIP / cubic) | wide vs the narrow seeds, mean +- std (PCHIP / cubic) | "
              "wide vs the committed model (PCHIP / cubic) |", "|---|---|---|---|"]
    for model, entry in report["models"].items():
        seeds = entry["wide_vs_narrow_seeds"]
        lines.append(f"| {model} | {pct(entry['wide_vs_narrow']['pchip'])} / {pct(entry['wide_vs_narrow']['cubic'])} | "
                     f"{spread(seeds.get('pchip'))} / {spread(seeds.get('cubic'))} | "
                     f"{pct(entry['wide_vs_committed']['pchip'])} / {pct(entry['wide_vs_committed']['cubic'])} |")
    lines += ["", "Held-out rate-distortion loss per level (the training objective, lambda 255^2 MSE + bpp, mean over the images), q2..q5:"]
    for model, entry in report["models"].items():
        names = [n for n in entry if n in WIDTHS or n.startswith("narrow-seed") or n == "committed"]
        lines += ["", f"| model | {' | '.join(names)} | wide / narrow seed 1 | wide / mean of the narrow seeds | narrow seeds' relative std |",
                  "|---|" + "---|" * (len(names) + 3)]
        ratios = entry["rd_loss_wide_over_narrow"]
        row = lambda values, f: " ".join(f.format(v) for v in values)
        lines.append(f"| {model} | " + " | ".join(row(entry[n]["rd_loss"], "{:.3f}") for n in names) + f" | {row(ratios['seed_1'], '{:.3f}')} | "
                     f"{row(ratios['narrow_seeds_mean'], '{:.3f}')} | {'' if ratios['narrow_seeds_relative_std'] is None else row(ratios['narrow_seeds_relative_std'], '{:.1%}')} |")
    lines += ["", f"Carried to a GPU machine (limit {mib(CARRY_BYTES)}): the CLI bundle (verify.sh pack-cli) {mib(bundle)}, the training images "
              f"{mib(images_bytes)} and the float16 models to continue ({', '.join(f'{k} {mib(v)}' for k, v in sizes.items())}; a model not "
              "trained here is sized from a one-step run): "
              + "; ".join(f"at the {w} width {mib(carried[f'continuation_at_{w}_width']['total'])}" for w in WIDTHS) + "."]
    write_atomic(os.path.join(RESULTS, "codec-width.md"), "\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
