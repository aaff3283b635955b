#!/usr/bin/env bash
# Spectral-Refiner on McWilliams decaying turbulence on a GPU (nu = 1e-3 on (0, 2 pi)^2, RK4 at 256^2 with dt 2.5e-3,
# warm-up to t = 4.5, 50 frames 0.055 apart, of which the study keeps 10 input -> 10 output, with python3-h5py; the same
# protocol as the CPU study experiments/mcwilliams-sfno.json): 288 trajectories kept at 64^2 train the SFNO of
# experiments/mcwilliams-sfno-gpu.json; 8 test trajectories kept at 256^2 (seed 7) are refined without ground truth
# (experiments/mcwilliams-sfno-refine-gpu.json: BDF2 residual, no forcing, in H^-1). Writes the run folders' JSON to
# OUT/mcwilliams/ and every command's output to OUT/mcwilliams-gpu.log.
#
# usage: experiments/mcwilliams-sfno-gpu.sh OUT        (WORKBENCH: the CLI; experiments/gpu/verify.sh jobs OUT sets it up)
set -uo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: experiments/mcwilliams-sfno-gpu.sh OUT}
wb=${WORKBENCH:-"dotnet run --project src/Workbench.Cli -c Release --"}
train_data=data/generated/mcwilliams_64_gpu.h5
test_data=data/generated/mcwilliams_256_test.h5
run=runs/mcwilliams-sfno-gpu
log=$out/mcwilliams-gpu.log
mkdir -p "$out/mcwilliams"

source experiments/gpu/step.sh
protocol="--dt 0.0025 --snapshots 49 --end-time 7.195 --solver-resolution 256"

[ -f "$train_data" ] || step "generate 64" $wb --device cuda --seed 0 datasets generate mcwilliams $protocol --samples 288 --batch 96 \
  --resolution 64 --out "$train_data"
[ -f "$test_data" ] || step "generate 256" $wb --device cuda --seed 7 datasets generate mcwilliams $protocol --samples 8 --batch 8 \
  --resolution 256 --out "$test_data"
for data in "$train_data" "$test_data"; do
  [ -f "${data%.h5}_10.h5" ] || step "window $data" python3 experiments/window_targets.py "$data" 10 "${data%.h5}_10.h5"
done
[ -f "$run/summary.json" ] || { rm -rf "$run"; step train timeout "${TRAIN_SECONDS:-180}" $wb --device cuda --seed 0 train experiments/mcwilliams-sfno-gpu.json --out "$run"; }
step eval $wb --device cuda eval "$run" --checkpoint best
rm -rf runs/mcwilliams-sfno-refine-gpu
step refine timeout "${REFINE_SECONDS:-90}" $wb --device cuda refine experiments/mcwilliams-sfno-refine-gpu.json --run "$run" --out runs/mcwilliams-sfno-refine-gpu
for folder in "$run" runs/mcwilliams-sfno-refine-gpu; do
  mkdir -p "$out/mcwilliams/$(basename "$folder")"
  cp "$folder"/*.json "$folder"/*.jsonl "$out/mcwilliams/$(basename "$folder")/" 2>/dev/null
done
