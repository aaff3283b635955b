#!/usr/bin/env bash
# The operator comparison (FNO vs T1 vs AFNO, REFERENCES section 1) at a scale a 2-core CPU finishes in well under an
# hour: nu = 1e-3 vorticity solved at 64^2 (dt 2e-3, horizon 20), w(1..10) -> w(11..20), 80 train / 10 validation /
# 30 test samples, 30 epochs, one budget for all three models, seeds 0, 1, 2. Writes experiments/RESULTS.md and
# experiments/results/ns2d-cpu.json from the run folders under runs/ns2d-cpu. Re-running skips finished runs.
set -euo pipefail
cd "$(dirname "$0")/.."
wb=${WORKBENCH:-"dotnet run --project src/Workbench.Cli -c Release --"}
data=data/generated/ns_v1e-3_cpu.h5

if [ ! -f "$data" ]; then
  # The first 120 samples of a 240-sample recipe (shard 0 of 2): `--shard 1/2` and `datasets merge` extend it.
  $wb --seed 0 datasets generate navier-stokes --samples 240 --shard 0/2 --batch 60 --resolution 64 \
    --solver-resolution 64 --dt 2e-3 --horizon 20 --out "$data"
fi

for model in fno t1 afno; do
  for seed in 0 1 2; do
    run=runs/ns2d-cpu/$model/seed-$seed
    [ -f "$run/eval.json" ] && continue
    rm -rf "$run"
    $wb --seed "$seed" train "experiments/ns2d-$model-cpu.json" --out "$run"
    $wb eval "$run"
  done
done

$wb results runs/ns2d-cpu --title "Operators on 2-D Navier-Stokes (CPU scale, 3 seeds)" \
  --out experiments/RESULTS.md --json experiments/results/ns2d-cpu.json
