#!/usr/bin/env bash
# Radar nowcasting at CPU widths trained to the GPU run's length: WADEPre, WADEPre with a fixed ZNCC weight and the
# U-Net of experiments/radar-cpu.sh (110k / 110k / 123k parameters), each trained on sequences 0..999 for 12 epochs
# (cosine schedule, quantile loss at q = 0.6) with seeds 0-2, one run after another (about 11 minutes each on 2 cores).
# Each seed is scored with persistence and Lucas-Kanade extrapolation on sequences 1100..1199
# (experiments/results/radar64-cpu-long/radar64-cpu-long-seed-S.{json,md}), then experiments/results/collect_radar.py
# writes the mean and standard deviation over seeds (radar64-cpu-long.{json,md}); each run's config, summary and
# per-epoch metrics are copied to runs/ there. Finished runs under runs/radar-cpu-long are skipped and interrupted ones
# resumed from their last checkpoint.
set -euo pipefail
cd "$(dirname "$0")/.."
wb=${WORKBENCH:-"dotnet run --project src/Workbench.Cli -c Release --"}
data=data/generated/radar64.h5
runs=runs/radar-cpu-long
out=experiments/results/radar64-cpu-long
mkdir -p "$out"

bash experiments/radar-data.sh

for seed in 0 1 2; do
  for model in wadepre unet wadepre-fixed; do
    run=$runs/$model/seed-$seed
    [ -f "$run/summary.json" ] && continue
    if [ -f "$run/checkpoints/last.ckpt" ]; then
      $wb --threads 2 train --resume "$run"
    else
      rm -rf "$run"
      $wb --threads 2 --seed "$seed" train "experiments/radar-$model-long.json" --out "$run"
    fi
  done
done

for seed in 0 1 2; do
  for model in wadepre unet wadepre-fixed; do
    run=$runs/$model/seed-$seed
    mkdir -p "$out/runs/$model/seed-$seed"
    cp "$run"/config.json "$run"/summary.json "$run"/metrics.jsonl "$out/runs/$model/seed-$seed/"
  done
done

for seed in 0 1 2; do
  $wb --threads 2 nowcast verify --data "$data" --test 1100:1200 --run "wadepre=$runs/wadepre/seed-$seed" \
    --run "wadepre-fixed-a=$runs/wadepre-fixed/seed-$seed" --run "unet=$runs/unet/seed-$seed" \
    --out "$out/radar64-cpu-long-seed-$seed"
done
python3 experiments/results/collect_radar.py "$out"/radar64-cpu-long-seed-*.json --out "$out/radar64-cpu-long"
