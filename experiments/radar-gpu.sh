#!/usr/bin/env bash
# Radar nowcasting at the 64^2 quick scale on a GPU, 3 seeds: the 1200 sequences of experiments/radar-cpu.sh (same
# generator seed), WADEPre, WADEPre with a fixed ZNCC weight and the U-Net at twice the CPU widths (424k / 424k / 489k
# parameters), each trained on sequences 0..999 for 12 epochs with the quantile loss at q = 0.6 (cosine schedule,
# curriculum over the whole run); the runs train side by side. Each seed is then scored with persistence and
# Lucas-Kanade extrapolation on sequences 1100..1199 (OUT/radar64-gpu-seed-S.{json,md}), and
# experiments/results/collect_radar.py writes the mean and standard deviation over seeds to OUT/radar64-gpu.{json,md}.
# Every command's output goes to OUT/radar-gpu.log, each run's config and summary to OUT/runs. MODELS (a subset of
# "wadepre wadepre-fixed unet") picks the networks.
#
# usage: experiments/radar-gpu.sh OUT        (WORKBENCH: the CLI; experiments/gpu/verify.sh radar OUT sets it up)
set -uo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: experiments/radar-gpu.sh OUT}
wb=${WORKBENCH:-"dotnet run --project src/Workbench.Cli -c Release --"}
data=data/generated/radar64.h5
runs=runs/radar-gpu
log=$out/radar-gpu.log
mkdir -p "$out"

SECONDS=0
WORKBENCH=$wb bash experiments/radar-data.sh >> "$log" 2>&1
echo "data exit $? after $SECONDS s" | tee -a "$log"

models=${MODELS:-wadepre wadepre-fixed unet}

train() {
  local model=$1 seed=$2 run=$runs/$1/seed-$2
  [ -f "$run/summary.json" ] && return
  rm -rf "$run"
  SECONDS=0
  $wb --device cuda --threads 2 --seed "$seed" train "experiments/radar-$model-gpu.json" --out "$run" > "$out/train-$model-$seed.log" 2>&1
  echo "train $model seed $seed exit $? after $SECONDS s" | tee -a "$log"
  mkdir -p "$out/runs/$model/seed-$seed" && cp "$run"/config.json "$run"/summary.json "$out/runs/$model/seed-$seed/"
}

verify() {
  local seed=$1 model runs_args=()
  for model in $models; do runs_args+=(--run "${model/wadepre-fixed/wadepre-fixed-a}=$runs/$model/seed-$seed"); done
  $wb --device cuda --threads 2 nowcast verify --data "$data" --test 1100:1200 "${runs_args[@]}" \
    --out "$out/radar64-gpu-seed-$seed" >> "$log" 2>&1
  echo "verify seed $seed exit $?" | tee -a "$log"
}

# All runs side by side: each is launch-bound on the GPU.
for seed in 0 1 2; do for model in $models; do train "$model" "$seed" & done; done
wait
for seed in 0 1 2; do verify "$seed" & done
wait
python3 experiments/results/collect_radar.py "$out"/radar64-gpu-seed-*.json --out "$out/radar64-gpu" >> "$log" 2>&1
echo "collect exit $?" | tee -a "$log"
