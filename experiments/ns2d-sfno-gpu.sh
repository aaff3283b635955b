#!/usr/bin/env bash
# Spectral-Refiner on a GPU: 600 nu = 1e-3 trajectories at 64^2 with the Spectral-Refiner protocol (5 time units of
# warm-up, then 50 snapshots 0.1 apart: 10 input -> 40 output frames), the SFNO of experiments/ns2d-sfno.json trained
# on 500 of them for 20 epochs (experiments/ns2d-sfno-gpu.json), evaluated at 64^2; 8 test trajectories generated at
# 256^2 (seed 7) on which the trained model is refined without ground truth (BDF2 residual in H^-1) at the
# learning rates 1e-4 (the paper's for the weights), 1e-3 and 1e-2. Writes the run folders' summaries and metrics to
# OUT/sfno/ and every command's output to OUT/sfno-gpu.log.
#
# usage: experiments/ns2d-sfno-gpu.sh OUT        (WORKBENCH: the CLI; experiments/gpu/verify.sh sfno OUT sets it up)
set -uo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: experiments/ns2d-sfno-gpu.sh OUT}
wb=${WORKBENCH:-"dotnet run --project src/Workbench.Cli -c Release --"}
train_data=data/generated/ns_sfno_v1e-3_64_gpu.h5
test_data=data/generated/ns_sfno_v1e-3_256_test.h5
run=runs/ns2d-sfno-gpu
log=$out/sfno-gpu.log
mkdir -p "$out/sfno"

source experiments/gpu/step.sh

[ -f "$train_data" ] || step "generate 64" $wb --device cuda --seed 0 datasets generate navier-stokes --viscosity 1e-3 \
  --samples 600 --batch 300 --resolution 64 --solver-resolution 64 --dt 1e-3 --record-every 0.1 --warmup 5 --horizon 5 \
  --out "$train_data"
[ -f "$test_data" ] || step "generate 256" $wb --device cuda --seed 7 datasets generate navier-stokes --viscosity 1e-3 \
  --samples 8 --batch 8 --resolution 256 --solver-resolution 256 --dt 1e-3 --record-every 0.1 --warmup 5 --horizon 5 \
  --out "$test_data"
# Time limits keep the refinement inside one device call; a stopped training run keeps its best checkpoint.
[ -f "$run/summary.json" ] || { rm -rf "$run"; step train timeout "${TRAIN_SECONDS:-210}" $wb --device cuda --seed 0 train experiments/ns2d-sfno-gpu.json --out "$run"; }
step eval $wb --device cuda eval "$run" --checkpoint best
for name in ns2d-sfno-refine-gpu-lr1e-4 ns2d-sfno-refine-gpu ns2d-sfno-refine-gpu-lr1e-2; do
  rm -rf "runs/$name"
  step "$name" timeout "${REFINE_SECONDS:-70}" $wb --device cuda refine "experiments/$name.json" --run "$run" --out "runs/$name"
done
for folder in "$run" runs/ns2d-sfno-refine-gpu-lr1e-4 runs/ns2d-sfno-refine-gpu runs/ns2d-sfno-refine-gpu-lr1e-2; do
  mkdir -p "$out/sfno/$(basename "$folder")"
  cp "$folder"/*.json "$folder"/*.jsonl "$out/sfno/$(basename "$folder")/" 2>/dev/null
done
