"""BD-rate against training steps, from the committed ladder's own history (run with /usr/bin/python3 from a git clone).

usage: step_slope.py   (WORKBENCH: the CLI, as for evaluate.py)

Every commit that changed models/codec holds the ladder at one training state. For each distinct state with both
codecs at qualities 2-5 (the float16 re-conversions of the last state are the same state; the earliest commit of a
state is taken), the checkpoints are read out of git into a temporary folder and `workbench codec evaluate` codes the
held-out images (data/generated/codec/eval) with them. WebP (cwebp, evaluate.py's settings) codes the same images once.
Reports per state the steps per quality (from the checkpoints' json), the last round's recipe, the PSNR interval the
two learned curves share, the BD-rate (PCHIP and
cubic, evaluate.py's bd_rate) of each codec against WebP and of HCFSSNet against the hyperprior, and the slope of each
BD-rate per 1,000 steps: least squares over the last three states and between the last two. Where a slope is negative
the steps it would need to reach 0% follow as BD-rate / -slope. Writes experiments/results/codec-step-slope.{json,md};
nothing in them is typed by hand.
"""
import json
import os
import subprocess
import sys
import tempfile

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from evaluate import EVAL, RESULTS, ROOT, WORKBENCH, bd_rate, classical_codecs, classical_curve, write_atomic  # noqa: E402

MODELS = ("hyperprior", "hcfssnet")
QUALITIES = (2, 3, 4, 5)
KINDS = ("pchip", "cubic")


def git(*args):
    return subprocess.run(["git", "-C", ROOT, *args], check=True, capture_output=True).stdout


def checkpoint_files(commit):
    names = git("ls-tree", "--name-only", commit, "models/codec/").decode().split()
    return [n for n in names if any(n == f"models/codec/{m}-q{q}.{e}" for m in MODELS for q in QUALITIES for e in ("dat", "json"))]


def steps_of(commit):
    return tuple(json.loads(git("show", f"{commit}:models/codec/{m}-q{q}.json"))["steps"] for m in MODELS for q in QUALITIES)


def states():
    """(commit, steps per model and quality) for each distinct ladder state, oldest first."""
    seen, found = set(), []
    for commit in reversed(git("log", "--format=%H", "--", "models/codec").decode().split()):
        if len(checkpoint_files(commit)) != 2 * len(MODELS) * len(QUALITIES):
            continue
        steps = steps_of(commit)
        if steps not in seen:
            seen.add(steps)
            found.append((commit, steps))
    return found


def extract(commit, folder):
    target = os.path.join(folder, "models", "codec")
    os.makedirs(target)
    for name in checkpoint_files(commit):
        with open(os.path.join(target, os.path.basename(name)), "wb") as f:
            f.write(git("show", f"{commit}:{name}"))
    return target


def learned_curve(models, model, folder):
    path = os.path.join(folder, f"{model}.json")
    subprocess.run(WORKBENCH.split() + ["--threads", "1", "codec", "evaluate", "--models", models, "--model", model, "--images", EVAL,
                                        "--json", path], check=True, stdout=subprocess.DEVNULL)
    mean = json.load(open(path))["mean"]
    return [m["bpp"] for m in mean], [m["psnr"] for m in mean]


def webp_curve():
    name, (encode, settings) = next((n, c) for n, c in classical_codecs().items() if n.startswith("webp"))
    return name, classical_curve(encode, settings, sorted(f for f in os.listdir(EVAL) if f.endswith(".png")))


def slope(points):
    """Least-squares slope of BD-rate (percentage points) per 1,000 steps."""
    steps, values = np.asarray([p[0] for p in points]) / 1000.0, np.asarray([100 * p[1] for p in points])
    return float(np.polyfit(steps, values, 1)[0])


def budget(current, per_thousand):
    return None if per_thousand >= 0 else float(1000 * 100 * current / -per_thousand)


def main():
    os.makedirs(RESULTS, exist_ok=True)
    webp_name, webp = webp_curve()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for index, (commit, steps) in enumerate(states()):
            work = os.path.join(folder, str(index))
            models = extract(commit, work)
            curves = {m: learned_curve(models, m, work) for m in MODELS}
            last = json.loads(git("show", f"{commit}:models/codec/hcfssnet-q3.json"))
            row = {"commit": commit[:12], "date": git("show", "-s", "--format=%cs", commit).decode().strip(),
                   "steps": {m: list(steps[i * len(QUALITIES):(i + 1) * len(QUALITIES)]) for i, m in enumerate(MODELS)},
                   "mean_steps": float(np.mean(steps)), "last_round": {"batch_size": last["batch_size"], "patch_size": last["patch_size"]},
                   "curves": {m: {"bpp": c[0], "psnr": c[1]} for m, c in curves.items()},
                   "bd_rate": {f"{m} vs {webp_name}": {k: bd_rate(webp, curves[m], k) for k in KINDS} for m in MODELS}}
            row["bd_rate"]["hcfssnet vs hyperprior"] = {k: bd_rate(curves["hyperprior"], curves["hcfssnet"], k) for k in KINDS}
            row["shared_psnr_db"] = min(max(c[1]) for c in curves.values()) - max(min(c[1]) for c in curves.values())
            rows.append(row)
            print(row["commit"], row["mean_steps"], json.dumps(row["bd_rate"]), file=sys.stderr)

    comparisons = list(rows[-1]["bd_rate"])
    slopes = {}
    for name in comparisons:
        slopes[name] = {}
        for kind in KINDS:
            points = [(r["mean_steps"], r["bd_rate"][name][kind]) for r in rows if r["bd_rate"][name][kind] is not None]
            last3, last2 = slope(points[-3:]), slope(points[-2:])
            current = points[-1][1]
            slopes[name][kind] = {"last_three": last3, "last_two": last2, "current": current,
                                  "steps_to_zero_last_three": budget(current, last3), "steps_to_zero_last_two": budget(current, last2)}
    report = {"images": sorted(f for f in os.listdir(EVAL) if f.endswith(".png")), "anchor": webp_name, "webp": {"bpp": webp[0], "psnr": webp[1]},
              "states": rows, "slope_per_1000_steps": slopes,
              "note": "BD-rates as fractions; slopes in percentage points per 1,000 steps (mean steps per quality); steps_to_zero: further steps at that slope for BD-rate 0, null where the slope is not negative"}
    write_atomic(os.path.join(RESULTS, "codec-step-slope.json"), json.dumps(report, indent=1) + "\n")

    pct = lambda v: "no overlap" if v is None else f"{100 * v:+.1f}%"
    lines = ["# BD-rate against training steps along the committed ladder (generated by experiments/codec/step_slope.py)", "",
             f"Held-out images: {', '.join(report['images'])}. Each row is one committed state of models/codec (N = 32, M = 48), re-evaluated with today's CLI.", "",
             "| commit | date | mean steps | last round | PSNR q2..q5, hyperprior / HCFSSNet (dB) | PSNR both share (dB) | "
             + " | ".join(f"{c} (PCHIP / cubic)" for c in comparisons) + " |",
             "|---|---|---|---|---|---|" + "---|" * len(comparisons)]
    for r in rows:
        cells = [f"{pct(r['bd_rate'][c]['pchip'])} / {pct(r['bd_rate'][c]['cubic'])}" for c in comparisons]
        span = " / ".join(f"{min(r['curves'][m]['psnr']):.2f}..{max(r['curves'][m]['psnr']):.2f}" for m in MODELS)
        lines.append(f"| {r['commit']} | {r['date']} | {r['mean_steps']:.0f} | {r['last_round']['batch_size']} x {r['last_round']['patch_size']}^2 | {span} | {r['shared_psnr_db']:.2f} | "
                     + " | ".join(cells) + " |")
    lines += ["", "A BD-rate integrates over the PSNR two curves share: where that is a sliver (the early states' learned curves "
              "share well under 1 dB and none with WebP), it rests on the curves' ends, so the slopes use the last states only."]
    steps_text = lambda v: "not reached (slope >= 0)" if v is None else f"{v:,.0f}"
    lines += ["", "| comparison | BD-rate kind | now | slope per 1,000 steps (last 3 states) | (last 2) | further steps to 0% (last 3) | (last 2) |",
              "|---|---|---|---|---|---|---|"]
    for name, kinds in slopes.items():
        for kind, s in kinds.items():
            lines.append(f"| {name} | {kind} | {pct(s['current'])} | {s['last_three']:+.2f} pp | {s['last_two']:+.2f} pp | "
                         f"{steps_text(s['steps_to_zero_last_three'])} | {steps_text(s['steps_to_zero_last_two'])} |")
    write_atomic(os.path.join(RESULTS, "codec-step-slope.md"), "\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
