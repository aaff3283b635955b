#!/usr/bin/env bash
# The study of experiments/radar-width.sh at full length on a GPU, 3 seeds: WADEPre at twice the CPU widths (424,222
# parameters), WADEPre widened to the U-Net's parameter count (488,626) and the U-Net at twice the CPU width (489,222),
# each trained on sequences 0..999 for 12 epochs (1500 steps, the recipe of experiments/radar-gpu.sh: cosine schedule,
# quantile loss at q = 0.6, curriculum over the whole run) with dihedral augmentation (experiments/radar-width-*-gpu.json);
# the runs train side by side. Each seed's best-validation checkpoints are scored with persistence and Lucas-Kanade
# extrapolation on sequences 1100..1199 (OUT/radar64-width-gpu-seed-S.{json,md}), and
# experiments/results/collect_radar.py writes the mean and standard deviation over seeds, parameter counts and
# best-validation epochs to OUT/radar64-width-gpu.{json,md}. Every command's output goes to OUT/radar-width-gpu.log,
# each run's epoch lines to OUT/train-MODEL-S.log.
#
# usage: experiments/radar-width-gpu.sh OUT   (WORKBENCH: the CLI; on a lent GPU machine, from a packed bundle:
#        GPU_JOBS=radar-width-gpu experiments/gpu/verify.sh jobs OUT, about 5 minutes on an H100)
set -uo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: experiments/radar-width-gpu.sh OUT}
wb=${WORKBENCH:-"dotnet run --project src/Workbench.Cli -c Release --"}
data=data/generated/radar64.h5
runs=runs/radar-width-gpu
log=$out/radar-width-gpu.log
models="wadepre wadepre-matched unet"
mkdir -p "$out"

SECONDS=0
WORKBENCH=$wb bash experiments/radar-data.sh >> "$log" 2>&1
echo "data exit $? after $SECONDS s" | tee -a "$log"

train() {
  local model=$1 seed=$2 run=$runs/$1/seed-$2
  [ -f "$run/summary.json" ] && return
  rm -rf "$run"
  SECONDS=0
  $wb --device cuda --threads 2 --seed "$seed" train "experiments/radar-width-$model-gpu.json" --out "$run" \
    2>&1 | grep -v '^\[' > "$out/train-$model-$seed.log"
  echo "train $model seed $seed exit ${PIPESTATUS[0]} after $SECONDS s" | tee -a "$log"
}

verify() {
  local seed=$1 model runs_args=()
  for model in $models; do runs_args+=(--run "$model=$runs/$model/seed-$seed"); done
  $wb --device cuda --threads 2 nowcast verify --data "$data" --test 1100:1200 --checkpoint best "${runs_args[@]}" \
    --out "$out/radar64-width-gpu-seed-$seed" >> "$log" 2>&1
  echo "verify seed $seed exit $?" | tee -a "$log"
}

# All runs side by side: each is launch-bound on the GPU.
for seed in 0 1 2; do for model in $models; do train "$model" "$seed" & done; done
wait
for seed in 0 1 2; do verify "$seed" & done
wait
summaries=()
for seed in 0 1 2; do for model in $models; do summaries+=(--run "$model=$runs/$model/seed-$seed/summary.json"); done; done
python3 experiments/results/collect_radar.py "$out"/radar64-width-gpu-seed-*.json "${summaries[@]}" --out "$out/radar64-width-gpu" \
  --note "experiments/radar-width-gpu.sh: 12 epochs over sequences 0..999 (1500 optimiser steps), seeds 0-2; every network trained with dihedral augmentation and scored from its best-validation checkpoint (val_mse, sequences 1000..1031)." \
  >> "$log" 2>&1
echo "collect exit $?" | tee -a "$log"
