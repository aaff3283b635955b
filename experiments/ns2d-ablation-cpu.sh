#!/usr/bin/env bash
# Ablations behind the T1 vs FNO gap of experiments/RESULTS.md, on its data and budget (run experiments/ns2d-cpu.sh
# first): both models at lr 3e-3, T1 on the DFT (tanh) with 12 x 12 modes, T1 on the DCT with 32 x 32 modes, and
# T1 for 90 epochs (about the wall time of FNO's 30 on the 2-core CPU).
# Seeds 0, 1 and 2 (SEEDS="0" for one). Writes experiments/RESULTS-ablation.md and
# experiments/results/ns2d-ablation-cpu.json; run folders go under runs/ns2d-ablation-cpu.
set -euo pipefail
cd "$(dirname "$0")/.."
wb=${WORKBENCH:-"dotnet run --project src/Workbench.Cli -c Release --"}
source experiments/train-and-eval.sh

for experiment in experiments/ablations/ns2d-*-cpu.json; do
  name=$(basename "$experiment" .json)
  for seed in ${SEEDS:-0 1 2}; do
    train_and_eval "$experiment" "$seed" "runs/ns2d-ablation-cpu/$name/seed-$seed"
  done
done

$wb results runs/ns2d-ablation-cpu --title "Ablations of the CPU operator comparison (the data and budget of RESULTS.md but for the named change)" \
  --out experiments/RESULTS-ablation.md --json experiments/results/ns2d-ablation-cpu.json
