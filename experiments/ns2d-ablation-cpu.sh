#!/usr/bin/env bash
# Ablations behind the T1 vs FNO gap of experiments/RESULTS.md, on its data and budget (run experiments/ns2d-cpu.sh
# first): both models at lr 3e-3, T1 on the DFT (tanh) with 12 x 12 modes, T1 on the DCT with 32 x 32 modes,
# T1 for 90 epochs (about the wall time of FNO's 30 on the 2-core CPU), and both models on 200 training samples
# (samples 0..199 of a 240-sample file of the same recipe, whose first 120 are those of RESULTS.md; tested on 210..239).
# Seeds 0, 1 and 2 (SEEDS="0" for one). Writes experiments/RESULTS-ablation.md and
# experiments/results/ns2d-ablation-cpu.json; run folders go under runs/ns2d-ablation-cpu.
set -euo pipefail
cd "$(dirname "$0")/.."
wb=${WORKBENCH:-"dotnet run --project src/Workbench.Cli -c Release --"}
source experiments/train-and-eval.sh

data240=data/generated/ns_v1e-3_cpu240.h5
[ -f "$data240" ] || $wb --seed 0 datasets generate navier-stokes --samples 240 --horizon 20 --batch 60 --resolution 64 \
  --solver-resolution 64 --dt 2e-3 --out "$data240"

for experiment in experiments/ablations/ns2d-*-cpu.json; do
  name=$(basename "$experiment" .json)
  for seed in ${SEEDS:-0 1 2}; do
    train_and_eval "$experiment" "$seed" "runs/ns2d-ablation-cpu/$name/seed-$seed"
  done
done

$wb results runs/ns2d-ablation-cpu --title "Ablations of the CPU operator comparison (the data and budget of RESULTS.md but for the named change)" \
  --out experiments/RESULTS-ablation.md --json experiments/results/ns2d-ablation-cpu.json
