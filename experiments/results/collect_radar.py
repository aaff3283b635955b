#!/usr/bin/python3
"""Mean and standard deviation over seeds of `workbench nowcast verify` outputs (one JSON per training seed).

usage: collect_radar.py SEED.json [SEED.json ...] [--run NAME=SUMMARY.json ...] [--note TEXT] --out PREFIX
       (writes PREFIX.json and PREFIX.md; stdlib only)

--run names a trained run's summary.json (one per seed, in seed order): its parameter count and best-validation epoch
are listed per method. --note is a paragraph put first in the Markdown and stored as "note".

Persistence and extrapolation do not depend on the seed; they appear once per file and their spread is zero.
The standard deviation is the sample one (n - 1).
"""
import argparse
import json
import math
import os

TABLE = ["csi_m", "csi_16", "csi_74", "csi_133", "csi_160", "csi_181", "csi_219", "csi_m_pool4", "csi_m_pool16",
         "hss_m", "rmse", "ssim"]
LEAD_METRICS = ["csi_m", "csi_181", "csi_219"]


def mean_std(values):
    """Over the seeds where the score is defined (JSON null: an empty contingency denominator)."""
    defined = [v for v in values if v is not None]
    if not defined:
        return {"mean": None, "std": None, "values": values}
    mean = sum(defined) / len(defined)
    std = math.sqrt(sum((v - mean) ** 2 for v in defined) / (len(defined) - 1)) if len(defined) > 1 else 0.0
    return {"mean": mean, "std": std, "values": values}


def trained_runs(specs):
    """Per NAME (in first-seen order): parameter counts and best-validation epochs of its runs' summary.json files."""
    runs = {}
    for spec in specs:
        name, sep, path = spec.partition("=")
        if not sep or not name:
            raise SystemExit(f"--run: expected NAME=SUMMARY.json, got '{spec}'")
        summary = json.load(open(path))
        run = runs.setdefault(name, {"parameters": [], "epochs": summary["epochs"], "best_epochs": []})
        run["parameters"].append(summary["parameters"])
        run["best_epochs"].append(summary["best"]["epoch"])
    return runs


def describe_parameters(counts):
    return " / ".join(f"{n:,}" for n in sorted(set(counts)))


def write_atomic(path, text):
    with open(path + ".tmp", "w") as f:
        f.write(text)
    os.replace(path + ".tmp", path)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("files", nargs="+")
    parser.add_argument("--run", action="append", default=[], metavar="NAME=SUMMARY.json")
    parser.add_argument("--note")
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    runs = trained_runs(args.run)
    reports = [json.load(open(path)) for path in args.files]
    methods = list(reports[0]["methods"])
    groups = ["all"] + [g for g in reports[0]["methods"][methods[0]] if g != "all"]
    summary = {
        "convention": reports[0]["convention"],
        "data": reports[0]["data"],
        "samples": reports[0]["samples"],
        "first_sample": reports[0]["first_sample"],
        "seeds": len(reports),
        "sources": [os.path.basename(path) for path in args.files],
        "methods": {m: {g: {k: mean_std([r["methods"][m][g][k] for r in reports]) for k in reports[0]["methods"][m][g]}
                        for g in groups} for m in methods},
    }
    if args.note:
        summary["note"] = args.note
    if runs:
        summary["runs"] = runs
    write_atomic(args.out + ".json", json.dumps(summary, indent=1) + "\n")

    def cell(stat):
        if stat["mean"] is None:
            return "n/a"
        return f"{stat['mean']:.4f} ± {stat['std']:.4f}" if len(reports) > 1 else f"{stat['mean']:.4f}"

    lines = [args.note, ""] if args.note else []
    lines += [f"Samples: {summary['samples']} from {summary['data']} (first index {summary['first_sample']}); "
             + (f"mean ± standard deviation over {len(reports)} training seeds" if len(reports) > 1 else "one training seed")
             + f" ({', '.join(summary['sources'])}).", "",
             f"Conventions: {summary['convention']}.", ""]
    lines += ["Trained networks: " + "; ".join(
        f"{name}: {describe_parameters(run['parameters'])} parameters, best-validation epoch per seed "
        + ", ".join(str(e) for e in run["best_epochs"]) + f" of {run['epochs']}" for name, run in runs.items()) + ".", ""] if runs else []
    lines += ["## All lead times", "",
             "| method | " + " | ".join(TABLE) + " |", "|---" * (len(TABLE) + 1) + "|"]
    lines += [f"| {m} | " + " | ".join(cell(summary["methods"][m]["all"][k]) for k in TABLE) + " |" for m in methods]
    leads = groups[1:]
    for metric in LEAD_METRICS:
        lines += ["", f"## {metric} per lead time", "", "| method | " + " | ".join(f"t+{g.split('_')[1]}" for g in leads) + " |",
                  "|---" * (len(leads) + 1) + "|"]
        lines += [f"| {m} | " + " | ".join(cell(summary["methods"][m][g][metric]) for g in leads) + " |" for m in methods]
    write_atomic(args.out + ".md", "\n".join(lines) + "\n")
    print(f"wrote {args.out}.json and {args.out}.md")


if __name__ == "__main__":
    main()
