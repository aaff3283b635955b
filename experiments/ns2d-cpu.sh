#!/usr/bin/env bash
# The operator comparison (FNO vs T1 vs AFNO, REFERENCES section 1) at a scale a 2-core CPU finishes in about an hour:
# nu = 1e-3 vorticity solved at 64^2 (dt 2e-3), one budget for all three models (30 epochs), seeds 0, 1, 2.
#
#   experiments/ns2d-cpu.sh       the FNO task, w(1..10) -> w(11..20), 80 train / 10 validation / 30 test samples;
#                                 writes experiments/RESULTS.md and experiments/results/ns2d-cpu.json
#   experiments/ns2d-cpu.sh t1    the T1 paper's task, w(0) -> w(50), 80 / 10 / 30 samples; writes
#                                 experiments/RESULTS-t1task.md and experiments/results/ns2d-t1task-cpu.json
#
# Run folders go under runs/ns2d-cpu or runs/ns2d-t1task-cpu; re-running skips finished runs.
set -euo pipefail
cd "$(dirname "$0")/.."
wb=${WORKBENCH:-"dotnet run --project src/Workbench.Cli -c Release --"}
source experiments/train-and-eval.sh

case "${1:-fno}" in
  fno)
    name=cpu data=data/generated/ns_v1e-3_cpu.h5 results=experiments/RESULTS.md
    title="Operators on 2-D Navier-Stokes (CPU scale, 3 seeds)"
    # The first 120 samples of a 240-sample recipe (shard 0 of 2): `--shard 1/2` and `datasets merge` extend it.
    generate=(--samples 240 --shard 0/2 --horizon 20) ;;
  t1)
    name=t1task-cpu data=data/generated/ns_v1e-3_t1task_cpu.h5 results=experiments/RESULTS-t1task.md
    title="The T1 paper's task w(0) -> w(50) on 2-D Navier-Stokes (CPU scale, 3 seeds)"
    generate=(--task t1 --samples 120 --horizon 50) ;;
  *) echo "usage: experiments/ns2d-cpu.sh [fno|t1]" >&2; exit 2 ;;
esac

if [ ! -f "$data" ]; then
  $wb --seed 0 datasets generate navier-stokes "${generate[@]}" --batch 60 --resolution 64 --solver-resolution 64 \
    --dt 2e-3 --out "$data"
fi

for model in fno t1 afno; do
  for seed in 0 1 2; do
    train_and_eval "experiments/ns2d-$model-$name.json" "$seed" "runs/ns2d-$name/$model/seed-$seed"
  done
done

$wb results "runs/ns2d-$name" --title "$title" --out "$results" --json "experiments/results/ns2d-$name.json"
