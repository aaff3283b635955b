#!/usr/bin/env bash
# The codec ladders trained on a GPU with one budget: for each model in MODELS (default: hyperprior hcfssnet) and
# qualities 1..5 (CompressAI's lambdas; LADDER, "Q:lambda ...", picks others), N = 64, M = 96, batches of 8 random
# 256x256 patches, Adam 5e-4 (a tenth of it for the last fifth of the steps), STEPS steps (default 6000); all runs side
# by side, each in its run folder OUT/runs/MODEL-qQ. MAX_SECONDS (default 1800) ends a run after the round that reaches
# it, saved: the same command again resumes every unfinished run exactly, and a run saves its model to
# OUT/models/codec when it has taken all its steps. On an H200 with eight runs side by side, 110 s
# gave the hyperprior 2,480 steps and HCFSSNet 307 (experiments/results/codec-gpu-h200-110s): for one budget of steps,
# give MAX_SECONDS room for HCFSSNet to reach STEPS. Training images: data/generated/codec/train,
# made here by `experiments/codec/prepare_images.py --debian-photos` and carried to the GPU machine.
#
# usage: experiments/codec/train_ladder_gpu.sh OUT    (WORKBENCH: the CLI; checkpoints go to OUT/models/codec, logs to OUT)
set -uo pipefail
cd "$(dirname "$0")/../.."
out=${1:?usage: experiments/codec/train_ladder_gpu.sh OUT}
workbench=${WORKBENCH:-"dotnet src/Workbench.Cli/bin/Release/net10.0/linux-x64/workbench.dll"}
mkdir -p "$out/models/codec" "$out/runs"
for model in ${MODELS:-hyperprior hcfssnet}; do
  for pair in ${LADDER:-1:0.0018 2:0.0035 3:0.0067 4:0.0130 5:0.0250}; do
    quality=${pair%%:*}
    lambda=${pair##*:}
    run=$out/runs/$model-q$quality
    if [ -f "$run/config.json" ]; then
      $workbench --device cuda --threads 2 codec train --resume "$run" --max-seconds "${MAX_SECONDS:-1800}"
    else
      $workbench --device cuda --threads 2 --seed 1 codec train --model "$model" --images data/generated/codec/train \
        --quality "$quality" --lambda "$lambda" --steps "${STEPS:-6000}" --max-seconds "${MAX_SECONDS:-1800}" --batch 8 \
        --patch 256 --lr 5e-4 --aux-lr 0.05 --n 64 --m 96 --models "$out/models/codec" --out "$run"
    fi >> "$out/codec-train-$model-q$quality.log" 2>&1 &
  done
done
wait
tail -n 2 "$out"/codec-train-*.log
