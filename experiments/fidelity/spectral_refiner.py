#!/usr/bin/python3
"""Writes experiments/fidelity/spectral-refiner.md, the Spectral-Refiner fidelity audit.

Run from the repository root: /usr/bin/python3 experiments/fidelity/spectral_refiner.py [RUNS]
With RUNS (the run folders of experiments/fidelity/spectral_refiner.sh, default runs/fidelity-sr) present, their
summaries and metrics are first collected into experiments/fidelity/spectral_refiner.results.json; the table is then
written from that file and from the committed GPU and CPU results under experiments/results/.
"""
import json
import os
import sys

import h5py
import numpy as np

HERE = "experiments/fidelity"
CONFIGS = f"{HERE}/spectral_refiner"
RESULTS = f"{HERE}/spectral_refiner.results.json"
OUT = f"{HERE}/spectral-refiner.md"
GPU = "experiments/results/ns2d-sfno-gpu-h200"
CPU = "experiments/results/ns2d-sfno-cpu.json"
HEADS = ("periodic", "padded")
FLOOR_DATA = ("data/generated/sr_fidelity_64_train.h5", "data/generated/sr_fidelity_256_test.h5")


def load(path):
    with open(path) as f:
        return json.load(f)


def lines(path):
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def refinement_names():
    names = [n[:-5] for n in sorted(os.listdir(CONFIGS)) if n.endswith(".json") and not n.startswith("sfno-")]
    return sorted(names, key=lambda n: (HEADS.index(n.split("-")[0]), n))


def refinement(folder, config):
    summary = load(f"{folder}/summary.json")
    metrics = lines(f"{folder}/metrics.jsonl")
    best = min(metrics, key=lambda m: m["relative_l2"])
    return {
        "config": config,
        "grid": summary["grid"],
        "samples": summary["samples"],
        "relative_l2_before": summary["relative_l2_before"],
        "relative_l2_iteration_1": metrics[1]["relative_l2"] if len(metrics) > 1 else None,
        "relative_l2_after": summary["relative_l2_after"],
        "best_relative_l2": best["relative_l2"],
        "best_iteration": best["iteration"],
        "residual_before": summary["residual_before"],
        "residual_after": summary["residual_after"],
        "residual_of_ground_truth": summary["residual_of_ground_truth"],
        "seconds": summary["seconds"],
    }


def temporal_basis(frames, period, modes, first):
    """cos and sin of 2 pi k n / period, k < modes, at frames n = first .. first + frames - 1."""
    n = np.arange(first, first + frames)
    k = np.arange(modes)
    return np.concatenate([np.cos(2 * np.pi * np.outer(n, k) / period), np.sin(2 * np.pi * np.outer(n, k[1:]) / period)], 1)


def head_floors(path):
    """Least relative L2 any forecast of the form last input frame + a head's temporal Fourier series can reach (every
    spatial mode free, so a lower bound): the GPU run's periodic head (output_modes_t 6 over the 40 forecast frames)
    and the padded one (output_modes_t 10 over a period of 82 frames, the forecast at frames 42..81)."""
    with h5py.File(path, "r") as f:
        inputs = f["inputs"][:].astype(np.float64)
        targets = f["targets"][:].astype(np.float64)
    steps = targets.shape[1]
    correction = (targets - inputs[:, -1:]).reshape(targets.shape[0], steps, -1)
    floors = {}
    for head, basis in (("periodic", temporal_basis(steps, steps, 6, 0)), ("padded", temporal_basis(steps, 2 * (steps + 1), 10, steps + 2))):
        q, _ = np.linalg.qr(basis)
        fit = np.einsum("tk,sku->stu", q, np.einsum("tk,stu->sku", q, correction))
        error = np.sqrt(((fit - correction) ** 2).sum(axis=(1, 2))) / np.sqrt((targets ** 2).sum(axis=(1, 2, 3)))
        floors[head] = float(error.mean())
    return floors


def collect(runs):
    trainings = {}
    for head in HEADS:
        summary = load(f"{runs}/sfno-{head}/summary.json")
        trainings[head] = {
            "config": load(f"{CONFIGS}/sfno-{head}.json"),
            "parameters": summary["parameters"],
            "epochs": summary["epochs"],
            "steps": summary["steps"],
            "wall_seconds": summary["wall_seconds"],
            "threads": summary["threads"],
            "best_val_relative_l2": summary["best"]["value"],
            "git_commit": summary["git_commit"],
        }
    refinements = {name: refinement(f"{runs}/{name}", load(f"{CONFIGS}/{name}.json")) for name in refinement_names()}
    floors = {os.path.basename(path): head_floors(path) for path in FLOOR_DATA}
    results = {"trainings": trainings, "refinements": refinements, "head_floors": floors}
    tmp = RESULTS + ".tmp"
    with open(tmp, "w") as f:
        json.dump(results, f, indent=2)
        f.write("\n")
    os.replace(tmp, RESULTS)


def gpu_results():
    train = load(f"{GPU}/ns2d-sfno-gpu/summary.json")
    config = load(f"{GPU}/ns2d-sfno-gpu/config.json")["model"]
    refine = {}
    for name in ("ns2d-sfno-refine-gpu", "ns2d-sfno-refine-gpu-lr1e-2"):
        summary = load(f"{GPU}/{name}/summary.json")
        metrics = lines(f"{GPU}/{name}/metrics.jsonl")
        refine[name] = (summary, metrics[1]["relative_l2"])
    return train, config, refine


def fmt(x, digits=4):
    return "-" if x is None else f"{x:.{digits}f}" if abs(x) >= 1e-3 else f"{x:.2e}"


def ablation_table(results):
    rows = ["| run | head | test data | objective | window | refined layer | optimiser | lr | iterations | samples "
            "| rel. L2 before | after 1 it | after | after / before | best (it) | residual before | after | truth's residual |",
            "|---|---|---|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|"]
    for name, r in results["refinements"].items():
        c = r["config"]
        optimiser = c.get("optimizer", "adam") + (f" (momentum {c['momentum']})" if c.get("momentum") else "")
        rows.append(
            f"| {name} | {name.split('-')[0]} | {r['grid'][0]}^2 from a {r['grid'][0]}^2 solver | {c.get('objective', 'residual')} "
            f"| {c.get('window', 'input')} | {'trained modes only' if c.get('untruncated') is False else 'untruncated'} "
            f"| {optimiser} | {c['lr']:g} | {c['iterations']} | {r['samples']} | {fmt(r['relative_l2_before'])} "
            f"| {fmt(r['relative_l2_iteration_1'])} | {fmt(r['relative_l2_after'])} "
            f"| {r['relative_l2_after'] / r['relative_l2_before']:.3f} | {fmt(r['best_relative_l2'])} ({r['best_iteration']}) "
            f"| {fmt(r['residual_before'])} | {fmt(r['residual_after'])} | {fmt(r['residual_of_ground_truth'])} |")
    return "\n".join(rows)


def ratio(results, name):
    r = results["refinements"][name]
    return r["relative_l2_after"] / r["relative_l2_before"]


def write(results):
    gpu_train, gpu_model, gpu_refine = gpu_results()
    cpu = load(CPU)
    cpu_refine = cpu["refinements"]["ns2d-sfno-refine"]["summary"]
    t = results["trainings"]
    r = results["refinements"]
    fl = results["head_floors"]
    gpu_summary, gpu_first = gpu_refine["ns2d-sfno-refine-gpu"]
    gpu_lr2, gpu_lr2_first = gpu_refine["ns2d-sfno-refine-gpu-lr1e-2"]
    periodic_padded = "temporal_padding" in gpu_model
    text = f"""# Spectral-Refiner fidelity (arXiv 2405.17211; REFERENCES.md section 4)

Written by `/usr/bin/python3 experiments/fidelity/spectral_refiner.py` from `{RESULTS}` (the run folders of
`experiments/fidelity/spectral_refiner.sh`) and the committed GPU ({GPU}) and CPU ({CPU}) results.

## The finding and its cause

The GPU run (`experiments/ns2d-sfno-gpu.sh`, H200) trained the SFNO on 500 trajectories at 64^2 to a test relative L2
of {fmt(gpu_summary['relative_l2_before'])} on the 256^2 test trajectories (CPU, 360 trajectories: {fmt(cpu_refine['relative_l2_before'])}), and
refinement at lr 1e-3 raised the error from the first iteration ({fmt(gpu_summary['relative_l2_before'], 5)} -> {fmt(gpu_first, 5)} -> {fmt(gpu_summary['relative_l2_after'])}
after {gpu_summary['iterations']}) while the H^-1 residual fell ({fmt(gpu_summary['residual_before'])} -> {fmt(gpu_summary['residual_after'])}); at lr 1e-2:
{fmt(gpu_lr2['relative_l2_before'])} -> {fmt(gpu_lr2['relative_l2_after'])}.

**The GPU model is not the model of the CPU result.** The GPU run was made at commit {gpu_train['git_commit'][:7]}, before
the SFNO head gained its zero-padded temporal window (commit 0949208). Its recorded model has
`output_modes_t` = {gpu_model['output_modes_t']} and {'a' if periodic_padded else 'no'} `temporal_padding` key, and {gpu_train['parameters']:,} parameters, where
the CPU result's model (`temporal_padding` true, `output_modes_t` 10) has {cpu['train_summary']['parameters']:,}. Its output layer maps the latent onto one whole
temporal period spanning the 40 forecast frames, so the forecast correction must end where it starts; the CPU
result's head forecasts the second half of a doubled period that starts at the last input frame. The two are
re-trained here side by side at the GPU recipe (CPU analogue, `sfno-periodic` = the GPU run's head, {t['periodic']['parameters']:,}
parameters; `sfno-padded` = the current head, {t['padded']['parameters']:,} parameters).

**The periodic head cannot go below about 0.035.** The least relative L2 any forecast "last input frame + a Fourier
series in t with the head's temporal modes" can reach (every spatial mode left free, so a lower bound; least squares
over the 40 frames, `head_floors` in the script) is, for the periodic head (6 modes over the 40 frames),
{fmt(fl['sr_fidelity_64_train.h5']['periodic'])} on the 48 training trajectories and {fmt(fl['sr_fidelity_256_test.h5']['periodic'])} on the 256^2 test trajectory of this recipe; for the padded head
(10 modes over 82 frames, the forecast the last 40) {fmt(fl['sr_fidelity_64_train.h5']['padded'])} and {fmt(fl['sr_fidelity_256_test.h5']['padded'])}. The GPU model sat on that floor:
validation {fmt(gpu_train['best']['value'])}, 256^2 test {fmt(gpu_summary['relative_l2_before'])} (its sample 0 has the initial field of the 256^2 trajectory above, seed 7: {fmt(gpu_summary['sample_relative_l2_before'][0])}), its validation error within 0.001 of that from the tenth of 20
epochs on, with training and validation loss equal. The refiner's untruncated layer keeps the same temporal modes
(min(T/2 + 1, 40/2 + 1) = 6 for a latent of T = 10), so refinement had at most
{fmt(gpu_summary['relative_l2_before'] - fl['sr_fidelity_256_test.h5']['periodic'])} of error to gain, and the residual's minimiser inside that range lies elsewhere than the error's:
descending it raised the error. This is why the SFNO reached 3.6e-2 on the GPU against 7.0e-3 on the CPU and why
refinement raised the error there.

## The residual of the generator's own data is at truncation level

`GeneratedTrajectoryResidualTests` (tests/Workbench.Tests/Training/Refine) measures the residual of
`experiments/ns2d-sfno-refine-gpu.json` (nu 1e-3, frames 0.1 apart, BDF2 with the last two input frames as history,
FNO forcing, H^-1 Bochner norm) on the generator's trajectory at the GPU recipe (solver step 1e-3, warm-up 5, stored
float32), at 64^2 from a 64^2 solver:

{RESIDUAL_TEST}

At 256^2 from a 256^2 solver the refiner's own measurement (`residual_of_ground_truth`) is
{fmt(gpu_summary['residual_of_ground_truth'])} on the GPU test set and {fmt(cpu_refine['residual_of_ground_truth'])} on the CPU one; here
{fmt(r['periodic-256-adam1e-3']['residual_of_ground_truth'])} at 256^2 and {fmt(r['periodic-64-adam1e-3']['residual_of_ground_truth'])} at 64^2 (same seed, different
fields). The GPU model starts {gpu_summary['residual_before'] / gpu_summary['residual_of_ground_truth']:,.0f}x above the truth's residual: to that accuracy the truth is a zero of
the residual the refiner descends, so viscosity, forcing, frame spacing, time origin (the forcing is steady) and
de-aliasing (both use the 2/3 rule on the same grid) are ruled out as the cause.

## Point by point

| ingredient | published method | ours | verdict |
|---|---|---|---|
| residual | R = d_t w + u . grad w - nu Lap w - f, psi from w, 2/3 de-aliasing, forcing known | the same (`VorticityResidual`, the data solver's advection) | same |
| norm | Bochner L^2(0,T; H^-1), weight (alpha + \\|kappa\\|^2)^-1, alpha = 10^-3/2 (the code: an H^-1/2 weight) | the paper's equation; time integral as a mean over frames (a constant factor) | deviates: removed (the code's H^-1/2 quirk not copied) |
| d_t | the code: a +-1e-6 Crank-Nicolson step per time slice (time order ignored) | BDF2 over frames 0.1 apart | deviates: justified by GeneratedTrajectoryResidualTests (truth's residual = BDF2 truncation, {fmt(gpu_summary['residual_of_ground_truth'])}) |
| window | the forecast frames (the code's per-slice d_t needs no history) | the last two input frames are BDF2's history (every forecast frame tied to the observed flow) | deviates: justified by periodic-64-forecast-window, padded-64-forecast-window |
| refined parameters | the output spectral layer only, untruncated (all modes of the grid), trained weights in the low corners, ~0 elsewhere | the same, one layer per sample | same (truncated variant: periodic-64-truncated) |
| output head in time | spectral conv in t resampling the latent to the output steps, last input frame added | GPU run: the same; CPU result and now: a zero-padded window [0, last frame, latent] whose second half is the forecast | deviates: justified by periodic-* vs padded-* and the heads' floors (with 6 temporal modes the published head cannot go below {fmt(fl['sr_fidelity_64_train.h5']['periodic'])} on this recipe: the cause, above) |
| optimiser | Adam | Adam | same (gradient descent: periodic-64-sgd) |
| learning rate | 1e-4 (weights) | GPU: 1e-4, 1e-3, 1e-2; here 1e-3 and the ablations | deviates: justified by periodic-64-adam1e-4, periodic-64-adam1e-2, padded-64-adam1e-4 |
| iterations | 50 (one 256^2 sample) | GPU 400, CPU result 300, here 100 (64^2) and 40 (256^2) | deviates: justified by the best (it) column: a run that rises does so within its first tens of iterations |
| training | Adam lr 1e-2, OneCycle (div 1e3, final 1e4), batch 4, ~10 epochs; val 8.64e-3 at 64^2 | AdamW lr 5e-3 (wd 1e-4), the same OneCycle; CPU result: batch 4, 10 epochs, test {fmt(cpu['eval_64']['test']['relative_l2'])}; GPU: batch 8, 20 epochs; here batch 4, {t['periodic']['epochs']} epochs on 40 trajectories | deviates: justified by experiments/results/ns2d-sfno-cpu.json (reaches the paper's error) |
| data | FNO recipe (GRF initial field, FNO forcing, nu 1e-3), 10 -> 40 frames | 64^2 solver with step 1e-3, warm-up 5, frames 0.1 apart (REFERENCES section 5 scale-down); test data 256^2 from a 256^2 solver | deviates: justified by GeneratedTrajectoryResidualTests |
| model size | SFNO, 4 layers, latent 10 steps | width 12, modes 12 x 12 x 5, 4 layers, projection 32: {t['padded']['parameters']:,} parameters (padded), {t['periodic']['parameters']:,} (periodic) | deviates: justified by experiments/results/ns2d-sfno-cpu.json |
| metric | the code's "relative L2" (divided by sqrt(n_t), an H^1 weight) | plain relative L2 over all frames and points | deviates: removed |

## Ablations (CPU analogue of the GPU run)

Training: {t['periodic']['epochs']} epochs ({t['periodic']['steps']} steps), one thread each, under a shared load:
`sfno-periodic` best validation relative L2 {fmt(t['periodic']['best_val_relative_l2'])} ({t['periodic']['wall_seconds']:.0f} s), `sfno-padded`
{fmt(t['padded']['best_val_relative_l2'])} ({t['padded']['wall_seconds']:.0f} s), the two side by side. Refinement runs, one thread each, two at a time
({sum(x['seconds'] for x in r.values()):.0f} s in all):

{ablation_table(results)}

{CONCLUSION(results)}

GPU-scale numbers cannot be re-run without a GPU: the GPU rows above are those of commit {gpu_train['git_commit'][:7]}'s code.
"""
    tmp = OUT + ".tmp"
    with open(tmp, "w") as f:
        f.write(text)
    os.replace(tmp, OUT)


# Measured by: dotnet test tests/Workbench.Tests -c Release --no-build --filter "FullyQualifiedName~GeneratedTrajectoryResidualTests"
RESIDUAL_TEST = """- ||R|| = 5.80e-07 and 5.13e-07 (two samples, t = 5.2 .. 5.8), 8.3e-05 and 6.9e-05 of ||d_t w||.
- R against the leading BDF2 term -(h^2 / 3) d_t^3 w (d_t^3 w by a central difference on frames 0.05 apart):
  relative deviation 0.29 and 0.38 (bound 0.5); the rest is the float32 rounding of the stored frames (about 1e-7 |w|
  per frame, divided by h in d_t) and the O(h^3) term.
- A mismatch is not hidden by it: viscosity 1% high raises ||R|| 75x and 78x, frame spacing 1% long 121x and 143x,
  the forcing left out 19,500x and 21,800x."""


def trend(results, name):
    r = results["refinements"][name]
    return f"{fmt(r['relative_l2_before'])} -> {fmt(r['relative_l2_after'])} (residual {fmt(r['residual_before'])} -> {fmt(r['residual_after'])})"


def CONCLUSION(results):
    rises = {name: ratio(results, name) > 1 for name in results["refinements"]}
    periodic_rising = [n for n, up in rises.items() if up and n.startswith("periodic") and "truth" not in n]
    padded_rising = [n for n, up in rises.items() if up and n.startswith("padded")]
    return f"""Head to head (the GPU run's periodic head against the current padded head, same data, same refinement):

- lr 1e-3 at 64^2: periodic {trend(results, 'periodic-64-adam1e-3')}; padded {trend(results, 'padded-64-adam1e-3')}.
- lr 1e-3 at 256^2 (the GPU setting): periodic {trend(results, 'periodic-256-adam1e-3')}; padded {trend(results, 'padded-256-adam1e-3')}.
- lr 1e-2 at 64^2: periodic {trend(results, 'periodic-64-adam1e-2')}; padded {trend(results, 'padded-64-adam1e-2')}.

Runs whose error ends above its start: periodic head {', '.join(periodic_rising) or 'none'}; padded head
{', '.join(padded_rising) or 'none'}. The supervised fit of the same periodic layer (periodic-64-truth) reaches
{fmt(results['refinements']['periodic-64-truth']['relative_l2_after'])}, so the layer can move towards the truth; it is the residual's descent through the periodic head that
moves away from it while the residual falls, at 64^2 as at 256^2 (the test resolution is not the cause: at lr 1e-3 the
best iterate is iteration {results['refinements']['periodic-256-adam1e-3']['best_iteration']} at 256^2 and {results['refinements']['periodic-64-adam1e-3']['best_iteration']} at 64^2), faster the larger the learning rate, as on the GPU. Neither the
window (forecast-only: periodic {ratio(results, 'periodic-64-forecast-window'):.3f}, padded {ratio(results, 'padded-64-forecast-window'):.3f} of the starting error), the
optimiser (gradient descent with momentum: periodic {ratio(results, 'periodic-64-sgd'):.3f}) nor the paper's learning rate (1e-4: periodic
{ratio(results, 'periodic-64-adam1e-4'):.3f}, padded {ratio(results, 'padded-64-adam1e-4'):.3f} after 100 iterations, too slow to show a direction) changes the picture. The truncated
layer gives {'the very same iterates' if abs(results['refinements']['periodic-64-truncated']['relative_l2_after'] - results['refinements']['periodic-64-adam1e-3']['relative_l2_after']) < 1e-6 else 'other iterates'} at 64^2 ({fmt(results['refinements']['periodic-64-truncated']['relative_l2_after'])} after 100): the untruncated layer's extra modes barely move.

**Failing ingredient:** the output head of the code the GPU run was made with (commit 0949208 replaced it). With it the
forecast is one temporal period of a truncated Fourier series, so the forecast's last frames are tied to its first,
which BDF2 ties to the last input frames; lowering the residual then drags the whole window. The current head (the
CPU result's: 0.0073 -> 0.0022 at 256^2) and the GPU script's current config (`temporal_padding: true`) do not have
this, and its floor is negligible. Short of a GPU the analogue stops at {results['trainings']['periodic']['steps']} training steps, where both heads are still
far above their floors (0.10-0.12 validation); `experiments/ns2d-sfno-gpu.sh` re-run at the current commit is the
GPU-scale check."""


if __name__ == "__main__":
    runs = sys.argv[1] if len(sys.argv) > 1 else "runs/fidelity-sr"
    if os.path.isdir(runs):
        collect(runs)
    write(load(RESULTS))
