#!/usr/bin/env python3
"""Writes the GPU report (markdown) from the files `verify.sh run OUT` left in OUT.

usage: experiments/gpu/report.py OUT REPORT.md
"""
import json
import re
import sys
from pathlib import Path


def bench(path):
    report = json.loads(path.read_text())
    return {(r["name"], json.dumps(r["params"], sort_keys=True)): r for r in report["results"]}


def label(params):
    p = json.loads(params)
    return p.get("grid") or f'{p["tokens"]} tokens'


def main(out, report):
    env = (out / "env.txt").read_text().splitlines()
    gpu = next(line for line in env if "NVIDIA" in line).split(",")[0]
    tests = re.search(r"Total: (\d+), Errors: (\d+), Failed: (\d+), Skipped: (\d+)", (out / "cuda-tests.log").read_text())
    cuda = bench(out / "bench-operators-cuda.json")
    cpu = bench(out / "bench-operators-cpu-same-machine.json")
    lines = [
        f"# CUDA verification on {gpu}",
        "",
        f"Written by `experiments/gpu/report.py` from the files `experiments/gpu/verify.sh run` wrote on the GPU machine "
        f"({out}). Environment: {'; '.join(env[1:4])}; {env[-1]}.",
        "",
        f"CUDA tests: {tests[1]} run, {tests[3]} failed, {tests[2]} errors, {tests[4]} skipped.",
        "",
        "## Operators bench: one training step (forward + backward), median of 3",
        "",
        f"| step | size | {gpu} ms | CPU ms (same machine) | CPU / GPU |",
        "|---|---|---:|---:|---:|",
    ]
    for key, r in cuda.items():
        c = cpu.get(key)
        cpu_ms = f'{c["value"]:.4g}' if c else "-"
        ratio = f'{c["value"] / r["value"]:.1f}x' if c else "-"
        lines.append(f'| {r["name"]} | {label(key[1])} | {r["value"]:.4g} | {cpu_ms} | {ratio} |')
    lines += ["", "Peer ratios within a device (T1 / FNO, AFNO / attention):", "",
              "| ratio | size | GPU | CPU |", "|---|---|---:|---:|"]
    for key, r in cuda.items():
        if r["ratio"] is not None:
            c = cpu.get(key)
            lines.append(f'| {r["name"]} / {r["peer"]} | {label(key[1])} | {r["ratio"]:.3g} | {c["ratio"]:.3g} |' if c else "")
    memory = [r for r in cpu.values() if r["name"].endswith("peak_memory")]
    if memory:
        lines += ["", "Peak host memory added by one step on the CPU (TorchSharp exposes no CUDA allocator statistics):", "",
                  "| step | size | MiB |", "|---|---|---:|"]
        lines += [f'| {r["name"]} | {r["params"]["tokens"]} tokens | {r["value"]:.4g} |' for r in memory]
    train = (out / "train-cuda.log").read_text()
    lines += ["", "## The CPU operator comparison (seed 0) generated and trained on the GPU", "",
              "| step | seconds on the GPU | test relative L2 |", "|---|---:|---:|"]
    generate = re.search(r"generate exit (\d+) after (\d+) s", train)
    lines.append(f"| generate 120 Navier-Stokes samples | {generate[2]} | - |")
    for model, seconds in re.findall(r"train (\w+) exit 0 after (\d+) s", train):
        block = train.split(f"train {model} exit")[1]
        l2 = re.search(r"test relative_l2 ([0-9.eE-]+)", block)[1]
        lines.append(f"| train {model}, 30 epochs + eval | {seconds} | {float(l2):.4g} |")
    Path(report).write_text("\n".join(line for line in lines if line is not None) + "\n")


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2])
