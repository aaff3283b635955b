#!/usr/bin/env bash
# The operator comparison at the issue's data scale, on a GPU: 1300 samples of nu = 1e-3 vorticity generated on the
# GPU at 64^2 (solver 64^2, dt 2e-3, horizon 50: w(1..10) -> w(11..50); 1000 train / 100 validation / 200 test), the
# paper's model sizes and optimiser, 20 epochs with a cosine schedule (the paper trains 500 with step decay), seeds
# 0, 1, 2 (each seed's three models before the next seed). Writes OUT/RESULTS-gpu.md and OUT/ns2d-gpu.json after every
# seed, and every command's output to OUT/ns2d-gpu.log. Re-running skips finished runs.
#
# usage: experiments/ns2d-gpu.sh OUT        (WORKBENCH: the CLI; experiments/gpu/verify.sh ns2d OUT sets it up)
set -uo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: experiments/ns2d-gpu.sh OUT}
wb=${WORKBENCH:-"dotnet run --project src/Workbench.Cli -c Release --"}
data=data/generated/ns_v1e-3.h5
runs=runs/ns2d-gpu
log=$out/ns2d-gpu.log
mkdir -p "$out"

if [ ! -f "$data" ]; then
  SECONDS=0
  $wb --device cuda --seed 0 datasets generate navier-stokes --samples 1300 --batch 650 --resolution 64 \
    --solver-resolution 64 --dt 2e-3 --horizon 50 --out "$data" >> "$log" 2>&1
  echo "generate exit $? after $SECONDS s"
fi

for seed in 0 1 2; do
  for model in fno t1 afno; do
    run=$runs/$model/seed-$seed
    [ -f "$run/eval-last.json" ] && continue
    rm -rf "$run"
    SECONDS=0
    $wb --device cuda --seed "$seed" train "experiments/ns2d-$model-gpu.json" --out "$run" >> "$log" 2>&1
    echo "train $model seed $seed exit $? after $SECONDS s"
    $wb --device cuda eval "$run" >> "$log" 2>&1
  done
  $wb results "$runs" --title "Operators on 2-D Navier-Stokes, 1000 training samples, on a GPU" \
    --out "$out/RESULTS-gpu.md" --json "$out/ns2d-gpu.json" >> "$log" 2>&1
done
