#!/usr/bin/python3
"""Collects an SFNO training run and its Spectral-Refiner runs into experiments/results/STUDY-cpu.{json,md}.

Run from the repository root after the study's commands: /usr/bin/python3 experiments/results/collect_sfno.py [STUDY]
with STUDY ns2d-sfno (the default: forced Navier-Stokes) or mcwilliams-sfno (decaying turbulence).
"""
import json
import os
import sys

import h5py
import numpy as np

NS_DATA = ("--viscosity 1e-3 --batch 40 --resolution 64 --solver-resolution 64 --dt 1e-3 --record-every 0.1 --warmup 5 "
           "--horizon 5")
# 50 frames 0.055 apart from t = 4.5, solved at 256^2 (the initial vorticity is white noise on the solver grid); the study
# keeps 10 -> 10 frames, the paper's window: over 40 frames (2.2 time units) even the first decorrelates fully.
MCW_DATA = "--dt 0.0025 --snapshots 49 --end-time 7.195 --solver-resolution 256"


def commands(study, train_data, test_data, refinements, threads):
    return {
        "train_data": train_data,
        "test_data": test_data,
        "train": f"workbench --threads {threads} --seed 0 train experiments/{study}.json --out runs/{study}",
        "eval": f"workbench --threads 2 eval runs/{study}",
        "refine": [f"workbench --threads {threads} refine experiments/{name}.json --run runs/{study} --out runs/{name}" for name in refinements],
    }


NS_REFINEMENTS = ["ns2d-sfno-refine", "ns2d-sfno-refine-128", "ns2d-sfno-refine-lr1e-4", "ns2d-sfno-refine-sgd", "ns2d-sfno-refine-oracle"]
MCW_REFINEMENTS = ["mcwilliams-sfno-refine"]
STUDIES = {
    "ns2d-sfno": {
        "title": "Spectral-Refiner on 2-D Navier-Stokes (nu = 1e-3, CPU)",
        "refinements": NS_REFINEMENTS,
        "goal_relative_l2_64": 2e-2,
        "test_data": "data/generated/ns_sfno_v1e-3_256_test.h5",
        "commands": commands("ns2d-sfno", [
            f"workbench --threads 1 --seed 0 datasets generate navier-stokes {NS_DATA} --samples 400 --shard {i}/2 "
            f"--out data/generated/ns_sfno_v1e-3_64_400.part{i}.h5" for i in (0, 1)
        ] + ["workbench datasets merge data/generated/ns_sfno_v1e-3_64_400.part0.h5 data/generated/ns_sfno_v1e-3_64_400.part1.h5 "
             "--out data/generated/ns_sfno_v1e-3_64_400.h5"], [
            f"workbench --threads 1 --seed 7 datasets generate navier-stokes --viscosity 1e-3 --samples 8 --batch 8 "
            f"--resolution {n} --solver-resolution {n} --dt 1e-3 --record-every 0.1 --warmup 5 --horizon 5 "
            f"--out data/generated/ns_sfno_v1e-3_{n}_test.h5" for n in (128, 256)
        ], NS_REFINEMENTS, threads=1),
    },
    "mcwilliams-sfno": {
        "title": "Spectral-Refiner on McWilliams decaying turbulence (nu = 1e-3, CPU)",
        "refinements": MCW_REFINEMENTS,
        "goal_relative_l2_64": None,
        "test_data": "data/generated/mcwilliams_256_test_10.h5",
        "commands": commands("mcwilliams-sfno", [
            f"workbench --threads 1 --seed 0 datasets generate mcwilliams {MCW_DATA} --samples 144 --batch 8 --resolution 64 "
            f"--shard {i}/2 --out data/generated/mcwilliams_64.part{i}.h5" for i in (0, 1)
        ] + ["workbench datasets merge data/generated/mcwilliams_64.part0.h5 data/generated/mcwilliams_64.part1.h5 "
             "--out data/generated/mcwilliams_64.h5",
           "/usr/bin/python3 experiments/window_targets.py data/generated/mcwilliams_64.h5 10 data/generated/mcwilliams_64_10.h5"], [
            f"workbench --threads 1 --seed 7 datasets generate mcwilliams {MCW_DATA} --samples 8 --batch 4 --resolution 256 "
            f"--shard {i}/2 --out data/generated/mcwilliams_256_test.part{i}.h5" for i in (0, 1)
        ] + ["workbench datasets merge data/generated/mcwilliams_256_test.part0.h5 data/generated/mcwilliams_256_test.part1.h5 "
             "--out data/generated/mcwilliams_256_test.h5",
           "/usr/bin/python3 experiments/window_targets.py data/generated/mcwilliams_256_test.h5 10 data/generated/mcwilliams_256_test_10.h5"],
        MCW_REFINEMENTS, threads=2),
    },
}


def read_json(path):
    with open(path) as f:
        return json.load(f)


def persistence(path):
    """Mean over samples of ||y - x_last|| / ||y|| on a test file: the last input frame held for every output frame."""
    with h5py.File(path, "r") as f:
        inputs, targets = f["inputs"][:].astype(np.float64), f["targets"][:].astype(np.float64)
    errors = np.linalg.norm((targets - inputs[:, -1:]).reshape(len(targets), -1), axis=1)
    return float(np.mean(errors / np.linalg.norm(targets.reshape(len(targets), -1), axis=1)))


def refinement(folder):
    """Summary and per-iteration trajectory of one refine run folder."""
    with open(os.path.join(folder, "metrics.jsonl")) as f:
        steps = [json.loads(line) for line in f if line.strip()]
    errors = [s["relative_l2"] for s in steps]
    best = min(range(len(errors)), key=errors.__getitem__)
    return {
        "summary": read_json(os.path.join(folder, "summary.json")),
        "trajectory": {"iteration": [s["iteration"] for s in steps], "residual": [s["residual"] for s in steps], "relative_l2": errors},
        "best_iteration_by_error": {"iteration": best, "relative_l2": errors[best]},
    }


def main():
    study = sys.argv[1] if len(sys.argv) > 1 else "ns2d-sfno"
    if study not in STUDIES:
        sys.exit(f"collect_sfno.py: unknown study {study!r}; expected one of {', '.join(STUDIES)}")
    spec = STUDIES[study]
    evaluation = read_json(f"runs/{study}/eval-last.json")
    names = spec["refinements"]
    refinements = {name: refinement(f"runs/{name}") for name in names if os.path.exists(f"runs/{name}/summary.json")}
    result = {
        "title": spec["title"],
        "commands": spec["commands"],
        "experiment": read_json(f"experiments/{study}.json"),
        "refine_experiments": {name: read_json(f"experiments/{name}.json") for name in names},
        "train_summary": read_json(f"runs/{study}/summary.json"),
        "eval_64": evaluation,
        "persistence_test": {"data": spec["test_data"], "relative_l2": persistence(spec["test_data"])},
        "refinements": refinements,
    }
    window = 5
    goal = spec["goal_relative_l2_64"]
    goals = {f"test_relative_l2_64_le_{goal:g}": evaluation["test"]["relative_l2"] <= goal} if goal else {}
    for name, run in refinements.items():
        if run["summary"].get("objective") == "truth":
            continue
        residuals = run["trajectory"]["residual"]
        smoothed = [sum(residuals[i:i + window]) / window for i in range(len(residuals) - window + 1)]
        goals[f"{name}: improvement_ge_1.5x"] = run["summary"]["improvement"] >= 1.5
        goals[f"{name}: residual_smoothed_monotone"] = all(b <= a for a, b in zip(smoothed, smoothed[1:]))
    result["goals"] = goals
    write(f"experiments/results/{study}-cpu.json", json.dumps(result, indent=2) + "\n")
    write(f"experiments/results/{study}-cpu.md", table(result, study))


def table(result, study):
    """The results as a Markdown table: training at 64^2, then each refinement at the test grid."""
    train = result["train_summary"]
    lines = [
        f"# {result['title']}",
        "",
        f"Written by `/usr/bin/python3 experiments/results/collect_sfno.py {study}` from the run folders of the commands in",
        f"`experiments/results/{study}-cpu.json` (`commands`). Relative L2 over all output frames and points, mean over samples.",
        "",
        f"SFNO ({train['parameters']:,} parameters, {train['epochs']} epochs, {train['wall_seconds']:.0f} s on {train['threads']} CPU thread(s)):"
        f" test relative L2 at 64^2 = {result['eval_64']['test']['relative_l2']:.4f}.",
        f"Persistence (the last input frame held) on `{result['persistence_test']['data']}`: relative L2"
        f" {result['persistence_test']['relative_l2']:.4f}.",
        "",
        "| refinement | objective | optimizer | lr | iterations | samples | grid | relative L2 before | after | improvement | best during | residual before | after | truth's residual |",
        "|---|---|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, run in result["refinements"].items():
        s = run["summary"]
        best = run["best_iteration_by_error"]
        lines.append(
            f"| {name} | {s.get('objective', 'residual')} | {s.get('optimizer', 'adam')} | {s['lr']:g} | {s['iterations']} | {s['samples']} |"
            f" {s['grid'][0]}^2 | {s['relative_l2_before']:.4f} | {s['relative_l2_after']:.4f} | {s['improvement']:.3f}x |"
            f" {best['relative_l2']:.4f} (it {best['iteration']}) | {s['residual_before']:.3g} | {s['residual_after']:.3g} |"
            f" {s['residual_of_ground_truth']:.3g} |")
    lines += ["", "Goals: " + ", ".join(f"{k} = {v}" for k, v in result["goals"].items()), ""]
    return "\n".join(lines)


def write(path, text):
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        f.write(text)
    os.replace(tmp, path)
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
