#!/usr/bin/python3
"""Collects the SFNO training and Spectral-Refiner runs into experiments/results/ns2d-sfno-cpu.json.

Run from the repository root after the commands listed in COMMANDS: /usr/bin/python3 experiments/results/collect_sfno.py
"""
import json
import os

DATA = ("--viscosity 1e-3 --batch 40 --resolution 64 --solver-resolution 64 --dt 1e-3 --record-every 0.1 --warmup 5 "
        "--horizon 5")
REFINEMENTS = ["ns2d-sfno-refine", "ns2d-sfno-refine-128", "ns2d-sfno-refine-lr1e-4", "ns2d-sfno-refine-sgd", "ns2d-sfno-refine-oracle"]
COMMANDS = {
    "train_data": [
        f"workbench --threads 1 --seed 0 datasets generate navier-stokes {DATA} --samples 400 --shard {i}/2 "
        f"--out data/generated/ns_sfno_v1e-3_64_400.part{i}.h5" for i in (0, 1)
    ] + ["workbench datasets merge data/generated/ns_sfno_v1e-3_64_400.part0.h5 data/generated/ns_sfno_v1e-3_64_400.part1.h5 "
         "--out data/generated/ns_sfno_v1e-3_64_400.h5"],
    "test_data_128": "workbench --threads 1 --seed 7 datasets generate navier-stokes --viscosity 1e-3 --samples 8 --batch 8 "
                     "--resolution 128 --solver-resolution 128 --dt 1e-3 --record-every 0.1 --warmup 5 --horizon 5 "
                     "--out data/generated/ns_sfno_v1e-3_128_test.h5",
    "train": "workbench --threads 1 --seed 0 train experiments/ns2d-sfno.json --out runs/ns2d-sfno",
    "eval": "workbench --threads 2 eval runs/ns2d-sfno",
    "refine": [f"workbench --threads 1 refine experiments/{name}.json --run runs/ns2d-sfno --out runs/{name}" for name in REFINEMENTS],
}


def read_json(path):
    with open(path) as f:
        return json.load(f)


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
    evaluation = read_json("runs/ns2d-sfno/eval.json")
    refinements = {name: refinement(f"runs/{name}") for name in REFINEMENTS if os.path.exists(f"runs/{name}/summary.json")}
    result = {
        "commands": COMMANDS,
        "experiment": read_json("experiments/ns2d-sfno.json"),
        "refine_experiments": {name: read_json(f"experiments/{name}.json") for name in REFINEMENTS},
        "train_summary": read_json("runs/ns2d-sfno/summary.json"),
        "eval_64": evaluation,
        "refinements": refinements,
    }
    window = 5
    goals = {"test_relative_l2_64_le_2e-2": evaluation["test"]["relative_l2"] <= 2e-2}
    for name, run in refinements.items():
        if run["summary"].get("objective") == "truth":
            continue
        residuals = run["trajectory"]["residual"]
        smoothed = [sum(residuals[i:i + window]) / window for i in range(len(residuals) - window + 1)]
        goals[f"{name}: improvement_ge_1.5x"] = run["summary"]["improvement"] >= 1.5
        goals[f"{name}: residual_smoothed_monotone"] = all(b <= a for a, b in zip(smoothed, smoothed[1:]))
    result["goals"] = goals
    write("experiments/results/ns2d-sfno-cpu.json", json.dumps(result, indent=2) + "\n")
    write("experiments/results/ns2d-sfno-cpu.md", table(result))


def table(result):
    """The results as a Markdown table: training at 64^2, then each refinement at the test grid."""
    train = result["train_summary"]
    lines = [
        "# Spectral-Refiner on 2-D Navier-Stokes (nu = 1e-3, CPU)",
        "",
        "Written by `/usr/bin/python3 experiments/results/collect_sfno.py` from the run folders of the commands in",
        "`experiments/results/ns2d-sfno-cpu.json` (`commands`). Relative L2 over all output frames and points, mean over samples.",
        "",
        f"SFNO ({train['parameters']:,} parameters, {train['epochs']} epochs, {train['wall_seconds']:.0f} s on {train['threads']} CPU thread(s)):"
        f" test relative L2 at 64^2 = {result['eval_64']['test']['relative_l2']:.4f}.",
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
