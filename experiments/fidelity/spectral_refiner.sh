#!/usr/bin/env bash
# The CPU analogue of the GPU Spectral-Refiner run (experiments/ns2d-sfno-gpu.sh) at its data recipe and refinement
# equation (nu 1e-3, solver step 1e-3, 5 time units of warm-up, frames 0.1 apart, 10 -> 40 frames, BDF2 residual in
# H^-1), scaled down: 48 trajectories at 64^2 from a 64^2 solver (40 train, 4 validation, 4 test), the GPU run's SFNO
# trained for 8 epochs with two output heads (sfno-periodic: the head of the GPU run, a whole temporal period over the
# forecast; sfno-padded: the current head, the forecast the second half of a zero-padded period); both refined on test
# trajectories (seed 7) generated at 64^2 and at 256^2 from a 256^2 solver, with the ablations of
# experiments/fidelity/spectral_refiner/ (learning rate, optimiser, window, truncated layer, supervised reach).
# Run folders go to runs/fidelity-sr/; then experiments/fidelity/spectral_refiner.py writes the results and the
# fidelity table (experiments/fidelity/spectral-refiner.md).
#
# usage: experiments/fidelity/spectral_refiner.sh [data] [train] [refine]    (default: all three; JOBS=2 in parallel)
set -euo pipefail
cd "$(dirname "$0")/../.."
wb=${WORKBENCH:-src/Workbench.Cli/bin/Release/net10.0/linux-x64/workbench}
configs=experiments/fidelity/spectral_refiner
runs=runs/fidelity-sr
jobs=${JOBS:-2}
steps=("${@:-data train refine}")
steps=(${steps[@]})
mkdir -p "$runs" data/generated

generate() { # seed samples resolution out
  [ -f "data/generated/$4" ] || "$wb" --threads 1 --seed "$1" datasets generate navier-stokes --viscosity 1e-3 \
    --samples "$2" --batch "$2" --resolution "$3" --solver-resolution "$3" --dt 1e-3 --record-every 0.1 --warmup 5 \
    --horizon 5 --out "data/generated/$4"
}
export wb configs runs

for step in "${steps[@]}"; do
  case $step in
    data)
      printf '%s\n' "0 48 64 sr_fidelity_64_train.h5" "7 2 64 sr_fidelity_64_test.h5" "7 1 256 sr_fidelity_256_test.h5" \
        | { while read -r line; do generate $line & [ "$(jobs -r | wc -l)" -lt "$jobs" ] || wait -n; done; wait; } ;;
    train)
      printf '%s\n' periodic padded | xargs -P "$jobs" -I{} sh -c \
        '[ -f "$runs/sfno-{}/summary.json" ] || { rm -rf "$runs/sfno-{}"; "$wb" --threads 1 --seed 0 train "$configs/sfno-{}.json" --out "$runs/sfno-{}"; }' ;;
    refine)
      # The head-to-head runs first, then the ablations.
      printf '%s\n' periodic-64-adam1e-3 padded-64-adam1e-3 periodic-256-adam1e-3 padded-256-adam1e-3 periodic-64-adam1e-4 \
        periodic-64-adam1e-2 periodic-64-forecast-window periodic-64-truncated periodic-64-sgd periodic-64-truth \
        padded-64-adam1e-2 padded-64-adam1e-4 padded-64-forecast-window | xargs -P "$jobs" -I{} sh -c \
        'rm -rf "$runs/{}"; "$wb" --threads 1 refine "$configs/{}.json" --run "$runs/sfno-${0%%-*}" --out "$runs/{}" > "$runs/{}.log" 2>&1' {} ;;
    *) echo "unknown step '$step' (data, train, refine)" >&2; exit 2 ;;
  esac
done
