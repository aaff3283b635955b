#!/usr/bin/python3
"""Writes experiments/fidelity/t1.md: T1 (Poli et al. 2022) against this workbench's T1, row by row, with the ablation
runs of experiments/fidelity/t1.sh read from runs/fidelity-t1/<experiment>/seed-<s>/{summary,eval-last}.json and the
data-only baselines (truncation floors, the mean predictor) computed from the study's data file.

Run from the repository root after experiments/fidelity/t1.sh: /usr/bin/python3 experiments/fidelity/t1.py
"""
import json
import os

import h5py
import numpy as np
from scipy.fft import dctn

RUNS = "runs/fidelity-t1"
DATA = "data/generated/ns_v1e-3_t1task_h10_cpu.h5"
OUT = "experiments/fidelity/t1.md"
COMMITTED_TIMING = "experiments/results/ns2d-t1task-cpu.json"
TRAIN, TEST = slice(0, 80), slice(90, 120)
PAPER_FIXES = ("t1-paper-normalised",)
EARLIER_CHOICES = ("t1-normalised-biased-head", "t1-normalised-identity-mixing", "t1-normalised-vp-first-layer")
# Below this test error a run counts as trained; the zero field scores 1.
TRAINED = 0.95

# Each ablation: the one change against its reference experiment.
ABLATIONS = [
    ("t1-legacy", "t1-paper-normalised", "the three earlier choices together: biased head, identity mode mixing, VP on the first layer only (the committed configs' model)"),
    ("t1-paper", None, "the released code's choices, orthonormal coefficients included"),
    ("t1-paper-normalised", "t1-paper", "coefficients divided by sqrt(N) (the defaults now)"),
    ("t1-normalised-biased-head", "t1-paper-normalised", "head with biases and default init (earlier default)"),
    ("t1-normalised-identity-mixing", "t1-paper-normalised", "mode mixing initialised to the identity (earlier default)"),
    ("t1-normalised-vp-first-layer", "t1-paper-normalised", "variance-preserving std on the first layer only (earlier default)"),
    ("t1-legacy-physical-gelu", "t1-legacy", "GELU on the field (inverse + forward retained transform per layer) instead of on coefficients"),
    ("t1-legacy-lr3e-4", "t1-legacy", "lr 3e-4"),
    ("t1-legacy-lr3e-3", "t1-legacy", "lr 3e-3"),
    ("t1-normalised-lr3e-4", "t1-paper-normalised", "lr 3e-4"),
    ("t1-normalised-lr3e-3", "t1-paper-normalised", "lr 3e-3"),
    ("t1-normalised-no-residual", "t1-paper-normalised", "no residual z1 + z"),
    ("t1-normalised-physical-gelu", "t1-paper-normalised", "GELU on the field instead of on coefficients"),
    ("t1-normalised-linear", "t1-paper-normalised", "no activation in the layers (identity)"),
    ("t1-normalised-wd0", "t1-paper-normalised", "weight decay 0"),
    ("t1-normalised-step", "t1-paper-normalised", "StepLR(6, 0.5): the paper's StepLR(100, 0.5) over 500 epochs scaled to 30"),
    ("fno", None, "FNO-2D, modes 12, width 32, 4 layers, lr 1e-3 (the committed baseline's settings)"),
    ("fno-lr3e-4", "fno", "lr 3e-4"),
    ("fno-lr3e-3", "fno", "lr 3e-3"),
    ("fno-step", "fno", "StepLR(6, 0.5)"),
    ("fno-paper-size", "fno", "the paper's FNO: modes 24, width 32, 6 layers"),
]


def run_results(name):
    """Test relative L2 and seconds per epoch of each finished seed of an experiment."""
    folder = os.path.join(RUNS, name)
    if not os.path.isdir(folder):
        return []
    results = []
    for seed_dir in sorted(os.listdir(folder)):
        summary_path = os.path.join(folder, seed_dir, "summary.json")
        eval_path = os.path.join(folder, seed_dir, "eval-last.json")
        if not (os.path.exists(summary_path) and os.path.exists(eval_path)):
            continue
        summary = json.load(open(summary_path))
        evaluation = json.load(open(eval_path))
        results.append({
            "seed": summary["seed"],
            "relative_l2": evaluation["test"]["relative_l2"],
            "relative_h_minus1": evaluation["test"].get("relative_h_minus1"),
            "seconds_per_epoch": summary["wall_seconds"] / max(1, summary["epochs"]),
            "parameters": summary["parameters"],
        })
    return results


def stats(results, key):
    values = [r[key] for r in results if r.get(key) is not None]
    if not values:
        return None, None
    return float(np.mean(values)), (float(np.std(values, ddof=1)) if len(values) > 1 else None)


def fmt(mean, std, digits=4):
    if mean is None:
        return "not run"
    return f"{mean:.{digits}f}" + (f" +- {std:.{digits}f}" if std is not None else "")


def seed0(results):
    return next((r for r in results if r["seed"] == 0), None)


def data_baselines():
    """Relative L2 on the test targets of: the training-target mean; the projection on the retained 24 x 24 DCT
    block (T1's floor, whatever it learns); the projection on FNO's retained Fourier modes (12 and 24)."""
    with h5py.File(DATA, "r") as f:
        targets = np.asarray(f["targets"][:, 0], dtype=np.float64)
    train, test = targets[TRAIN], targets[TEST]
    norms = np.sqrt((test ** 2).sum(axis=(1, 2)))

    def relative(residual):
        return float(np.mean(np.sqrt((residual ** 2).sum(axis=(1, 2))) / norms))

    n = test.shape[-1]
    coefficients = dctn(test, type=2, norm="ortho", axes=(1, 2))
    dct_outside = (coefficients ** 2).sum(axis=(1, 2)) - (coefficients[:, :24, :24] ** 2).sum(axis=(1, 2))
    spectrum = np.fft.fft2(test, norm="ortho")
    k = np.fft.fftfreq(n, 1.0 / n)

    def fourier_floor(modes):
        # FNO keeps rows [0, m) and [-m, 0) of the rfft columns [0, m): |k_col| < m, k_row in [-m, m).
        keep = ((k[:, None] >= -modes) & (k[:, None] < modes)) & (np.abs(k[None, :]) < modes)
        outside = (np.abs(spectrum) ** 2 * ~keep).sum(axis=(1, 2))
        return float(np.mean(np.sqrt(outside) / norms))

    return {
        "mean_predictor": relative(test - train.mean(axis=0)),
        "zero_predictor": 1.0,
        "dct24_floor": float(np.mean(np.sqrt(np.maximum(dct_outside, 0)) / norms)),
        "fourier12_floor": fourier_floor(12),
        "fourier24_floor": fourier_floor(24),
    }


def verdict_run(name, reference):
    """'RUN (value vs reference value)' for a deviation row."""
    mine, ref = seed0(run_results(name)), seed0(run_results(reference))
    if mine is None or ref is None:
        return f"{name} (not run)"
    return f"{name}: {mine['relative_l2']:.4f} vs {reference} {ref['relative_l2']:.4f}"


def if_run(text, name):
    """text when experiment name has a finished run, else nothing."""
    return text if run_results(name) else ""


def audit_rows(floors):
    r = verdict_run
    return [
        ("Transform", "orthonormal DCT-II over (H, W) for the Navier-Stokes runs (transform: dct)", "orthonormal DCT-II on the retained modes (truncated DCT matrices)", "same"),
        ("Transform scaling", "orthonormal coefficients (norm='ortho'), O(sqrt N) at low modes", "orthonormal / sqrt(N) (coefficient_scale normalised, the default; orthonormal selectable)",
         f"deviates: justified by RUN {r('t1-paper', 't1-paper-normalised')} (orthonormal does not train)"),
        ("Lift", "Linear(C + 2 -> 48) with bias on (a, x, y) in physical space, then the DCT", "DCT of (a, x, y) then the same linear map; the bias enters at the DC mode times sqrt(N) (exact by linearity)", "same"),
        ("Grid channels", "linspace(0, 1, N) (end points included)", "cell centres (n + 1/2) / N: an affine reparametrisation absorbed by the affine lift", "same"),
        ("Layer order", "channel mixing per mode, activation, mode mixing along rows then columns (per channel), residual", "identical order and einsum contractions", "same"),
        ("Where the nonlinearity acts", "GELU on DCT coefficients (no transform inside the network)", "GELU on coefficients; activation_space physical available as ablation",
         f"same (ablation: {r('t1-legacy-physical-gelu', 't1-legacy')}"
         + if_run(f"; {r('t1-normalised-physical-gelu', 't1-paper-normalised')}", "t1-normalised-physical-gelu")
         + if_run(f"; no activation: {r('t1-normalised-linear', 't1-paper-normalised')}", "t1-normalised-linear") + ")"),
        ("Residual / skip paths", "z1 + z on the retained block each layer; no 1x1 skip, nothing kept outside (keep_high False)", "z1 + z; no skip outside the block",
         "same" + if_run(f" (ablation without it: {r('t1-normalised-no-residual', 't1-paper-normalised')})", "t1-normalised-no-residual")),
        ("Channel-mixing init", "variance preserving std sqrt(N / (c m)) = 0.385 in every layer (first_layer_init_only False)", "was: that std on the first layer, sqrt(1/c) later; now every layer by default",
         f"deviates: removed (effect of the earlier choice: {r('t1-normalised-vp-first-layer', 't1-paper-normalised')})"),
        ("Mode-mixing init", "Kaiming N(0, 1/m) per axis (fdm_init_scale 4)", "was: identity; now Kaiming by default",
         f"deviates: removed (effect of the earlier choice: {r('t1-normalised-identity-mixing', 't1-paper-normalised')})"),
        ("Head", "bias-free c -> 128 -> C_out with sin, both matrices 1e-8 N(0, 1): odd, zero in, zero out", "was: default-initialised Linear with bias, sin, Linear 1e-8 with bias; now the released head by default",
         f"deviates: removed (effect of the earlier choice: {r('t1-normalised-biased-head', 't1-paper-normalised')})"),
        ("Retained modes", "low-pass corner 24 x 24 of the DCT, everything else zero", "same corner (selection low_pass)",
         f"same (DCT truncation floor of the test targets: {floors['dct24_floor']:.3g} relative L2)"),
        ("Output / loss", "no inverse: relative L2 of the 64 x 64 prediction against DCT(target), batch mean", "no inverse: retained-mode error plus the target's energy outside the block (Parseval, exact), batch mean", "same"),
        ("Optimiser", "AdamW lr 1e-3, weight decay 1e-4 on all parameters", "AdamW lr 1e-3, weight decay 1e-4",
         "same" + if_run(f" (wd 0: {r('t1-normalised-wd0', 't1-paper-normalised')})", "t1-normalised-wd0")),
        ("Schedule", "StepLR(100, 0.5) per epoch over 500 epochs", "cosine over 30 epochs",
         "deviates: justified by RUN fno vs t1-paper-normalised: both models on the same cosine schedule"
         + if_run(f"; step schedule: {r('t1-normalised-step', 't1-paper-normalised')}", "t1-normalised-step")),
        ("Epochs / batch", "500 epochs, batch 64", "30 epochs, batch 10 (CPU budget; both models get the same)", "deviates: justified by RUN fno vs t1-paper-normalised at equal epochs (table below)"),
        ("Data recipe", "FNO data: 256^2 solver, dt 1e-4, downsampled to 64^2; 1000 train / 200 test", "64^2 solver, dt 2e-3; 80 train / 10 validation / 30 test", "deviates: justified by RUN the equal-data comparison below (the claim is relative)"),
        ("Task", "w(0) -> w(50), nu = 1e-3", "w(0) -> w(10), nu = 1e-3 (the horizon-50 file needs ~150 CPU-minutes to generate, beyond the study's budget)",
         "deviates: justified by RUN t1-legacy vs t1-paper-normalised vs fno on horizon 10 (the horizon-50 gap of RESULTS-t1task.md was measured with the earlier model, t1-legacy's settings)"),
        ("T1 size", "modes 24 x 24, width 48, 8 layers", "modes 24 x 24, width 48, 8 layers", "same"),
        ("FNO baseline", "modes 24, width 32, 6 layers (their own FNO, VP or naive init)", "modes 12, width 32, 4 layers (Li et al.'s FNO-2D)",
         f"deviates: justified by RUN fno: its 12 modes already hold all but {floors['fourier12_floor']:.1e} of the targets' norm, so 24 modes cannot lower its floor"
         + if_run(f"; {r('fno-paper-size', 'fno')}", "fno-paper-size")),
    ]


def main():
    floors = data_baselines()
    lines = [
        "# T1 (Transform Once) fidelity: the paper and its released code against this workbench",
        "",
        "Written by `/usr/bin/python3 experiments/fidelity/t1.py` (after `experiments/fidelity/t1.sh`) from the run folders under",
        f"`{RUNS}`; do not edit by hand. Sources: REFERENCES.md section 1 (Poli et al., NeurIPS 2022, arXiv 2211.14453) and the",
        "released code (DiffEqML/kairos: src/models/t1.py, src/models/layers/fdm2d.py, src/utils/init_fn.py,",
        "configs/experiment/navier-stokes/t1.yaml and fno.yaml, scripts/launch/navier-stokes/high_viscosity), read for facts.",
        "",
        "Scale-down (CPU, 2 shared cores): 120 trajectories of nu = 1e-3 vorticity solved at 64^2 with dt 2e-3, task w(0) -> w(10)",
        "instead of w(0) -> w(50), 80 train / 10 validation / 30 test samples, batch 10, 30 epochs, cosine schedule unless named.",
        "Relative L2 is the test split's, of the last checkpoint; seed 0 unless a row lists more seeds.",
        "",
        "## Audit",
        "",
        "| aspect | paper / released code | this workbench | verdict |",
        "|---|---|---|---|",
    ]
    for aspect, paper, ours, verdict in audit_rows(floors):
        lines.append(f"| {aspect} | {paper} | {ours} | {verdict} |")

    lines += ["", "## Data-only references (test split)", "",
              "| predictor | relative L2 |", "|---|---:|",
              f"| zero field | {floors['zero_predictor']:.4f} |",
              f"| mean of the training targets | {floors['mean_predictor']:.4f} |",
              f"| target projected on the 24 x 24 DCT block (T1's floor) | {floors['dct24_floor']:.3g} |",
              f"| target projected on FNO's Fourier modes, 12 | {floors['fourier12_floor']:.3g} |",
              f"| target projected on FNO's Fourier modes, 24 | {floors['fourier24_floor']:.3g} |",
              "", "## Ablations", "",
              "| experiment | change (against the reference) | seeds | parameters | s / epoch | test relative L2 | reference | ratio to reference |",
              "|---|---|---|---:|---:|---|---|---:|"]
    for name, reference, change in ABLATIONS:
        results = run_results(name)
        if not results:
            continue
        mean, std = stats(results, "relative_l2")
        seconds, _ = stats(results, "seconds_per_epoch")
        ref = seed0(run_results(reference)) if reference else None
        mine = seed0(results)
        ratio = f"{mine['relative_l2'] / ref['relative_l2']:.3f}" if (mine and ref) else ""
        seeds = ",".join(str(r["seed"]) for r in results) or "-"
        parameters = f"{results[0]['parameters']:,}" if results else ""
        lines.append(f"| {name} | {change} | {seeds} | {parameters} | {'' if seconds is None else f'{seconds:.1f}'} | "
                     f"{fmt(mean, std)} | {reference or ''} | {ratio} |")
    lines += ["", "Ratios compare seed 0 with seed 0. Seconds per epoch include validation and depend on the machine's load",
              "(processes on one intra-op thread each, up to six at a time, on 2 cores shared with other work): compare errors here,",
              "and times only through the committed timing below. Experiments of experiments/fidelity/t1.sh without a finished run",
              "are left out.", ""]
    lines += conclusion(floors)
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    temporary = OUT + ".tmp"
    with open(temporary, "w") as f:
        f.write("\n".join(lines) + "\n")
    os.replace(temporary, OUT)


def best_of(names):
    """The experiment with the lowest seed-0 error among names, and all its seeds."""
    scored = [(seed0(run_results(n))["relative_l2"], n) for n in names if seed0(run_results(n))]
    if not scored:
        return None, []
    name = min(scored)[1]
    return name, run_results(name)


def learning_rates(names):
    """The learning rates of the named experiments that have a finished run."""
    rates = {json.load(open(f"experiments/fidelity/t1/{n}.json"))["optimizer"]["lr"] for n in names if run_results(n)}
    return ", ".join(f"{r:g}" for r in sorted(rates))


def conclusion(floors):
    t1_candidates = ["t1-paper", "t1-legacy", "t1-legacy-lr3e-4", "t1-legacy-lr3e-3", "t1-normalised-lr3e-4", "t1-normalised-lr3e-3",
                     "t1-normalised-step", "t1-normalised-wd0", *PAPER_FIXES, *EARLIER_CHOICES]
    fno_candidates = ["fno", "fno-lr3e-4", "fno-lr3e-3", "fno-step"]
    # The claim is judged on the defaults (the config with the most seeds); the best screening run is named beside it.
    t1_name, t1 = ("t1-paper-normalised", run_results("t1-paper-normalised")) if run_results("t1-paper-normalised") else best_of(t1_candidates)
    best_screen, _ = best_of(t1_candidates)
    fno_name, fno = best_of(fno_candidates)
    lines = ["## Conclusion", ""]
    if not t1 or not fno:
        return lines + ["Not enough finished runs to compare."]
    t1_mean, t1_std = stats(t1, "relative_l2")
    fno_mean, fno_std = stats(fno, "relative_l2")
    t1_seconds, _ = stats(t1, "seconds_per_epoch")
    fno_seconds, _ = stats(fno, "seconds_per_epoch")
    t1_lrs = learning_rates(t1_candidates)
    fno_lrs = learning_rates(fno_candidates)
    error_ratio = t1_mean / fno_mean
    lines.append(f"Best T1 ({t1_name}, seeds {','.join(str(r['seed']) for r in t1)}): relative L2 {fmt(t1_mean, t1_std)}, "
                 f"{t1_seconds:.1f} s / epoch; best FNO ({fno_name}, seeds {','.join(str(r['seed']) for r in fno)}): "
                 f"{fmt(fno_mean, fno_std)}, {fno_seconds:.1f} s / epoch. Learning rates tried: T1 {t1_lrs}, FNO {fno_lrs}"
                 " (a search on FNO's side only favours FNO).")
    if best_screen != t1_name:
        lines.append(f"(Lowest seed-0 T1 error in the screening: {best_screen}, {seed0(run_results(best_screen))['relative_l2']:.4f}.)")
    lines.append("")
    lines.append(f"- Error claim (T1 more than 20% below FNO): T1 / FNO = {error_ratio:.2f}: "
                 + ("reproduced." if error_ratio <= 0.8 else f"not reproduced; T1's error is {100 * (error_ratio - 1):+.0f}% against FNO's."))
    committed = {row["name"]: row["seconds_per_epoch"] for row in json.load(open(COMMITTED_TIMING))["rows"]}
    t1_clean, fno_clean = committed["ns2d-t1-t1task-cpu"], committed["ns2d-fno-t1task-cpu"]
    lines.append(f"- Speed claim (T1 faster per epoch): T1 / FNO time = {t1_clean / fno_clean:.2f} in the committed timing of the same "
                 f"sizes, data shape and batch ({COMMITTED_TIMING}: {t1_clean:.2f} vs {fno_clean:.2f} s / epoch, 3 seeds each, one "
                 "2-thread process at a time): " + ("reproduced" if t1_clean < fno_clean else "not reproduced")
                 + f". The released choices change T1's cost by nothing but the dropped head biases. Here, under shared load: "
                 f"{t1_seconds:.1f} vs {fno_seconds:.1f} s / epoch.")
    legacy, paper = seed0(run_results("t1-legacy")), seed0(run_results("t1-paper"))
    if paper and paper["relative_l2"] > TRAINED:
        restoring = [n for n in PAPER_FIXES if seed0(run_results(n)) and seed0(run_results(n))["relative_l2"] < TRAINED]
        still = [n for n in PAPER_FIXES if seed0(run_results(n)) and seed0(run_results(n))["relative_l2"] >= TRAINED]
        lines.append(f"- The released code's combination does not train here: t1-paper ends at {paper['relative_l2']:.4f}, the zero "
                     f"field's error. Reverting one choice restores training: {', '.join(restoring) or 'none of those run'}"
                     + (f"; does not: {', '.join(still)}" if still else "") + ".")
    elif legacy and paper:
        lines.append(f"- The four implementation choices together (t1-legacy vs t1-paper, seed 0): {legacy['relative_l2']:.4f} vs "
                     f"{paper['relative_l2']:.4f}.")
    normalised = seed0(run_results("t1-paper-normalised"))
    earlier = [(n, seed0(run_results(n))) for n in EARLIER_CHOICES if seed0(run_results(n))]
    if normalised and earlier:
        lines.append("- On the normalised scale, each earlier choice alone against the released one ("
                     + "; ".join(f"{n}: {e['relative_l2']:.4f}" for n, e in earlier)
                     + f"; t1-paper-normalised: {normalised['relative_l2']:.4f}).")
    if normalised and legacy:
        lines.append(f"- All three released choices together on the normalised scale: {normalised['relative_l2']:.4f} against "
                     f"{legacy['relative_l2']:.4f} for the earlier model (t1-paper-normalised vs t1-legacy, seed 0).")
    physical = seed0(run_results("t1-legacy-physical-gelu"))
    if physical and legacy:
        lines.append(f"- The nonlinearity in coefficient space: GELU on the field instead gives {physical['relative_l2']:.4f} against "
                     f"{legacy['relative_l2']:.4f} (t1-legacy-physical-gelu vs t1-legacy). With identity mode mixing and GELU per "
                     "coefficient, the earlier model starts with no coupling between modes at all; coupling them, by Kaiming mode "
                     "mixing or by the activation on the field, is what brings its error down.")
    if paper and paper["relative_l2"] > TRAINED:
        lines.append("- Failing ingredient of the comparisons committed before this study: the identity initialisation of the mode "
                     "mixing (a deviation from the released code), which with GELU per coefficient leaves the modes uncoupled at the "
                     "start; not the DCT or its truncation floor. The paper's orthonormal coefficient scale is a second, separate "
                     "failure on this data (no training at all), which the normalised scale removes.")
    lines.append(f"- Floors: T1's 24 x 24 DCT block cannot go below {floors['dct24_floor']:.3g} on these targets; FNO's 12-mode Fourier "
                 f"block {floors['fourier12_floor']:.3g}; predicting the training mean gives {floors['mean_predictor']:.4f}.")
    return lines


if __name__ == "__main__":
    main()
