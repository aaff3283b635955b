#!/usr/bin/python3
"""One table from several `workbench inr compare --json` files: score per signal, budget and model, NSTR's margin
over SIREN and over Fourier features (the baselines of the goal), and wall time.

usage: collect_inr.py RESULT.json [RESULT.json ...] --out TABLE.md    (stdlib only)
"""
import argparse
import json
import os


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("files", nargs="+")
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    rows = [r for path in args.files for r in json.load(open(path))["results"]]
    models = list(dict.fromkeys(r["model"] for r in rows))
    cells = {(r["signal"], r["budget"], r["model"]): r for r in rows}
    lines = [f"Collected by `experiments/results/collect_inr.py` from {', '.join(os.path.basename(p) for p in args.files)}.", "",
             "| signal | budget | metric | " + " | ".join(models) + " | NSTR - SIREN | NSTR - Fourier | seconds (" + ", ".join(models) + ") |",
             "|---|---:|---|" + "---:|" * len(models) + "---:|---:|---|"]
    for signal, budget in dict.fromkeys((r["signal"], r["budget"]) for r in rows):
        present = [cells.get((signal, budget, m)) for m in models]
        metric = next(r["metric"] for r in present if r)
        scores = [f"{r['score']:.2f}" if r else "" for r in present]
        nstr = cells.get((signal, budget, "nstr"))
        margins = [f"{nstr['score'] - base['score']:+.2f}" if nstr and base else ""
                   for base in (cells.get((signal, budget, "siren")), cells.get((signal, budget, "fourier")))]
        seconds = ", ".join(f"{r['seconds']:.1f}" if r else "" for r in present)
        lines.append(f"| {signal} | {budget} | {metric} | " + " | ".join(scores) + f" | {' | '.join(margins)} | {seconds} |")
    with open(args.out + ".tmp", "w") as f:
        f.write("\n".join(lines) + "\n")
    os.replace(args.out + ".tmp", args.out)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
