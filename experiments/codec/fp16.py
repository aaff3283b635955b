"""Rate-distortion cost of storing the codec checkpoints with float16 weights (run with /usr/bin/python3 from anywhere).

Takes the float32 checkpoints of models/codec as committed in FLOAT32_COMMIT (git show), writes float16 copies with
`workbench codec convert --weight-bits 16` (once keeping the entropy bottleneck's quantiles float32, the stored
format's default, once with every floating-point tensor float16), and runs `workbench --threads 1 codec evaluate` on
data/generated/codec/eval (made by prepare_images.py) for every model, quality and variant. The computation is float32
in every case; only the stored weights differ. Reports, per model and quality, the mean bpp and PSNR and their changes
against float32, the largest per-image PSNR change, the BD-rate (PCHIP, as in evaluate.py) and BD-PSNR of each float16
curve against the float32 one, and the size of the checkpoint files. Writes experiments/results/codec-fp16.json and
codec-fp16.md; nothing in them is typed by hand.
"""
import importlib.util
import json
import os
import subprocess
import tempfile

import numpy as np
from scipy.interpolate import PchipInterpolator

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
EVAL = os.path.join(ROOT, "data", "generated", "codec", "eval")
RESULTS = os.path.join(ROOT, "experiments", "results")
WORKBENCH = os.environ.get("WORKBENCH", "dotnet " + os.path.join(ROOT, "src/Workbench.Cli/bin/Release/net10.0/linux-x64/workbench.dll"))
# The last commit whose models/codec were stored at 32 bits.
FLOAT32_COMMIT = "c3841a43c4d9504b4c4bcd3dd9d364c3593a32f3"
MODELS = ["hyperprior", "hcfssnet"]
VARIANTS = {"float16, quantiles float32": ["--weight-bits", "16"], "float16, all": ["--weight-bits", "16", "--keep-float32"]}
LIMIT_DB = 0.05

spec = importlib.util.spec_from_file_location("evaluate", os.path.join(ROOT, "experiments", "codec", "evaluate.py"))
evaluate = importlib.util.module_from_spec(spec)
spec.loader.exec_module(evaluate)


def workbench(*args):
    subprocess.run(WORKBENCH.split() + list(args), check=True, stdout=subprocess.DEVNULL)


def extract_float32(folder):
    names = subprocess.run(["git", "-C", ROOT, "ls-tree", "--name-only", FLOAT32_COMMIT, "models/codec/"], check=True,
                           capture_output=True, text=True).stdout.split()
    os.makedirs(folder)
    for name in names:
        data = subprocess.run(["git", "-C", ROOT, "show", f"{FLOAT32_COMMIT}:{name}"], check=True, capture_output=True).stdout
        with open(os.path.join(folder, os.path.basename(name)), "wb") as f:
            f.write(data)


def sizes(folder, model):
    files = [f for f in os.listdir(folder) if f.startswith(model + "-q")]
    return {"dat_bytes": sum(os.path.getsize(os.path.join(folder, f)) for f in files if f.endswith(".dat")),
            "all_bytes": sum(os.path.getsize(os.path.join(folder, f)) for f in files)}


def bd_psnr(anchor, test):
    """Mean PSNR difference (test - anchor) over the shared log-rate interval, PCHIP of PSNR over log10(bpp)."""
    lo = max(min(np.log10(anchor[0])), min(np.log10(test[0])))
    hi = min(max(np.log10(anchor[0])), max(np.log10(test[0])))
    areas = []
    for rates, quality in (anchor, test):
        order = np.argsort(rates)
        areas.append(float(PchipInterpolator(np.log10(np.asarray(rates))[order], np.asarray(quality)[order]).integrate(lo, hi)))
    return (areas[1] - areas[0]) / (hi - lo)


def main():
    report = {"float32_commit": FLOAT32_COMMIT, "images": sorted(f for f in os.listdir(EVAL) if f.endswith(".png")),
              "limit_db": LIMIT_DB, "models": {}}
    with tempfile.TemporaryDirectory() as scratch:
        folders = {"float32": os.path.join(scratch, "float32")}
        extract_float32(folders["float32"])
        for index, (variant, args) in enumerate(VARIANTS.items()):
            folders[variant] = os.path.join(scratch, f"variant{index}")
            workbench("codec", "convert", "--models", folders["float32"], "--out", folders[variant], *args)
        for model in MODELS:
            runs = {}
            for variant, folder in folders.items():
                out = os.path.join(scratch, f"{model}-{list(folders).index(variant)}.json")
                workbench("--threads", "1", "codec", "evaluate", "--models", folder, "--model", model, "--images", EVAL, "--json", out)
                runs[variant] = {"sizes": sizes(folder, model), "evaluation": json.load(open(out))}
            report["models"][model] = summarise(runs)
    write(report)


def summarise(runs):
    base = runs["float32"]["evaluation"]
    curve = lambda e: ([m["bpp"] for m in e["mean"]], [m["psnr"] for m in e["mean"]])
    summary = {"float32": {"sizes": runs["float32"]["sizes"], "mean": base["mean"], "results": base["results"]}}
    for variant in VARIANTS:
        evaluation = runs[variant]["evaluation"]
        key = lambda r: (r["image"], r["quality"])
        reference = {key(r): r for r in base["results"]}
        per_quality = []
        for mean, anchor in zip(evaluation["mean"], base["mean"]):
            rows = [r for r in evaluation["results"] if r["quality"] == mean["quality"]]
            per_quality.append({"quality": mean["quality"], "bpp": mean["bpp"], "psnr": mean["psnr"],
                                "delta_bpp": mean["bpp"] - anchor["bpp"], "delta_bpp_percent": 100 * (mean["bpp"] / anchor["bpp"] - 1),
                                "delta_psnr": mean["psnr"] - anchor["psnr"],
                                "max_abs_image_delta_psnr": max(abs(r["psnr"] - reference[key(r)]["psnr"]) for r in rows)})
        summary[variant] = {"sizes": runs[variant]["sizes"], "per_quality": per_quality,
                            "bd_rate_pchip": evaluate.bd_rate(curve(base), curve(evaluation), "pchip"),
                            "bd_psnr": bd_psnr(curve(base), curve(evaluation)), "results": evaluation["results"]}
    return summary


def write(report):
    evaluate.write_atomic(os.path.join(RESULTS, "codec-fp16.json"), json.dumps(report, indent=1) + "\n")
    lines = ["# Codec checkpoints with float16 weights (generated by experiments/codec/fp16.py)", "",
             f"float32 checkpoints: models/codec at commit {report['float32_commit'][:12]}; images: {', '.join(report['images'])} "
             "(means over images); `codec evaluate --threads 1`, float32 computation in every case.", "",
             "| model | weights | quality | bpp | PSNR (dB) | Δbpp | Δbpp (%) | ΔPSNR (dB) | max image \\|ΔPSNR\\| (dB) |",
             "|---|---|---|---|---|---|---|---|---|"]
    for model, summary in report["models"].items():
        for mean in summary["float32"]["mean"]:
            lines.append(f"| {model} | float32 | {mean['quality']} | {mean['bpp']:.4f} | {mean['psnr']:.3f} | | | | |")
        for variant in VARIANTS:
            for row in summary[variant]["per_quality"]:
                lines.append(f"| {model} | {variant} | {row['quality']} | {row['bpp']:.4f} | {row['psnr']:.3f} | {row['delta_bpp']:+.5f} | "
                             f"{row['delta_bpp_percent']:+.3f} | {row['delta_psnr']:+.4f} | {row['max_abs_image_delta_psnr']:.4f} |")
    lines += ["", "| model | weights | BD-rate vs float32 (PCHIP) | BD-PSNR vs float32 (dB) | .dat bytes | all bytes |", "|---|---|---|---|---|---|"]
    for model, summary in report["models"].items():
        lines.append(f"| {model} | float32 | | | {summary['float32']['sizes']['dat_bytes']:,} | {summary['float32']['sizes']['all_bytes']:,} |")
        for variant in VARIANTS:
            s = summary[variant]
            lines.append(f"| {model} | {variant} | {100 * s['bd_rate_pchip']:+.3f}% | {s['bd_psnr']:+.4f} | {s['sizes']['dat_bytes']:,} | {s['sizes']['all_bytes']:,} |")
    stored = [s["float16, quantiles float32"] for s in report["models"].values()]
    worst = max(abs(r["delta_psnr"]) for s in stored for r in s["per_quality"])
    worst_bd = max(abs(s["bd_psnr"]) for s in stored)
    verdict = "below" if max(worst, worst_bd) < LIMIT_DB else "not below"
    lines += ["", f"The stored format (float16, quantiles float32): largest |ΔPSNR| at a quality {worst:.4f} dB, largest |BD-PSNR| "
              f"{worst_bd:.4f} dB, largest |BD-rate| {100 * max(abs(s['bd_rate_pchip']) for s in stored):.3f}%: {verdict} the {LIMIT_DB} dB limit."]
    evaluate.write_atomic(os.path.join(RESULTS, "codec-fp16.md"), "\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
