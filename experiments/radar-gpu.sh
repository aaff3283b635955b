#!/usr/bin/env bash
# Radar nowcasting at the 64^2 quick scale on a GPU, 3 seeds: the 1200 sequences of experiments/radar-cpu.sh (same
# generator seed), WADEPre, WADEPre with a fixed ZNCC weight and the U-Net at twice the CPU widths (424k / 424k / 489k
# parameters), each trained on sequences 0..999 for 12 epochs with the quantile loss at q = 0.6 (cosine schedule,
# curriculum over the whole run); the nine runs train side by side. Each seed is then scored with persistence and
# Lucas-Kanade extrapolation on sequences 1100..1199 (OUT/radar64-gpu-seed-S.{json,md}), and
# experiments/results/collect_radar.py writes the mean and standard deviation over seeds to OUT/radar64-gpu.{json,md}.
# Every command's output goes to OUT/radar-gpu.log.
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

train() {
  local model=$1 seed=$2 run=$runs/$1/seed-$2
  [ -f "$run/summary.json" ] && return
  rm -rf "$run"
  SECONDS=0
  $wb --device cuda --threads 2 --seed "$seed" train "experiments/radar-$model-gpu.json" --out "$run" > "$out/train-$model-$seed.log" 2>&1
  echo "train $model seed $seed exit $? after $SECONDS s" | tee -a "$log"
}

verify() {
  local seed=$1
  $wb --device cuda --threads 2 nowcast verify --data "$data" --test 1100:1200 --run "wadepre=$runs/wadepre/seed-$seed" \
    --run "wadepre-fixed-a=$runs/wadepre-fixed/seed-$seed" --run "unet=$runs/unet/seed-$seed" \
    --out "$out/radar64-gpu-seed-$seed" >> "$log" 2>&1
  echo "verify seed $seed exit $?" | tee -a "$log"
}

# All nine runs side by side: each is launch-bound on the GPU.
for seed in 0 1 2; do for model in wadepre wadepre-fixed unet; do train "$model" "$seed" & done; done
wait
for seed in 0 1 2; do verify "$seed" & done
wait
python3 experiments/results/collect_radar.py "$out"/radar64-gpu-seed-*.json --out "$out/radar64-gpu" >> "$log" 2>&1
echo "collect exit $?" | tee -a "$log"
