#!/usr/bin/python3
"""Collects the SFNO training and Spectral-Refiner runs into experiments/results/ns2d-sfno-cpu.json.

Run from the repository root after the commands listed in COMMANDS: /usr/bin/python3 experiments/results/collect_sfno.py
"""
import json
import os

COMMANDS = {
    "train_data": "workbench --threads 1 --seed 0 datasets generate navier-stokes --viscosity 1e-3 --samples 160 --batch 40 "
                  "--resolution 64 --solver-resolution 64 --dt 1e-3 --record-every 0.1 --warmup 5 --horizon 5 "
                  "--out data/generated/ns_sfno_v1e-3_64.h5",
    "test_data_128": "workbench --threads 1 --seed 7 datasets generate navier-stokes --viscosity 1e-3 --samples 8 --batch 8 "
                     "--resolution 128 --solver-resolution 128 --dt 1e-3 --record-every 0.1 --warmup 5 --horizon 5 "
                     "--out data/generated/ns_sfno_v1e-3_128_test.h5",
    "train": "workbench --threads 2 train experiments/ns2d-sfno.json --out runs/ns2d-sfno",
    "eval": "workbench --threads 2 eval runs/ns2d-sfno",
    "refine": "workbench --threads 2 refine experiments/ns2d-sfno-refine.json --run runs/ns2d-sfno --out runs/ns2d-sfno-refine",
    "refine_bdf2": "workbench --threads 2 refine experiments/ns2d-sfno-refine-bdf2.json --run runs/ns2d-sfno "
                   "--out runs/ns2d-sfno-refine-bdf2",
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
    train_summary = read_json("runs/ns2d-sfno/summary.json")
    evaluation = read_json("runs/ns2d-sfno/eval.json")
    refine_summary = read_json("runs/ns2d-sfno-refine/summary.json")
    with open("runs/ns2d-sfno-refine/metrics.jsonl") as f:
        steps = [json.loads(line) for line in f if line.strip()]
    residuals = [s["residual"] for s in steps]
    errors = [s["relative_l2"] for s in steps]
    best = min(range(len(errors)), key=errors.__getitem__)
    window = 5
    smoothed = [sum(residuals[i:i + window]) / window for i in range(len(residuals) - window + 1)]
    result = {
        "commands": COMMANDS,
        "experiment": read_json("experiments/ns2d-sfno.json"),
        "refine_experiment": read_json("experiments/ns2d-sfno-refine.json"),
        "train_summary": train_summary,
        "eval_64": evaluation,
        "refine_summary": refine_summary,
        "refine_trajectory": {"iteration": [s["iteration"] for s in steps], "residual": residuals, "relative_l2": errors},
        "refine_best_iteration_by_error": {"iteration": best, "relative_l2": errors[best]},
        "residual_smoothed_monotone": all(b <= a for a, b in zip(smoothed, smoothed[1:])),
        "goals": {
            "test_relative_l2_64_le_2e-2": None,
            "refine_improvement_ge_1.5x": refine_summary["improvement"] >= 1.5,
        },
    }
    if os.path.exists("runs/ns2d-sfno-refine-bdf2/summary.json"):
        result["refine_bdf2"] = refinement("runs/ns2d-sfno-refine-bdf2")
    test = evaluation.get("test", {}).get("relative_l2")
    if test is not None:
        result["goals"]["test_relative_l2_64_le_2e-2"] = test <= 2e-2
    out = "experiments/results/ns2d-sfno-cpu.json"
    tmp = out + ".tmp"
    with open(tmp, "w") as f:
        json.dump(result, f, indent=2)
        f.write("\n")
    os.replace(tmp, out)
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
