#!/usr/bin/env bash
# The scale-hyperprior ladder trained on a GPU: qualities 1..5 with CompressAI's lambdas side by side, N = 64, M = 96,
# batches of 8 random 256x256 patches, Adam 5e-4, each run stopped after MAX_SECONDS (default 300) of training or
# 20000 steps; the checkpoint's json records the steps that ran. Training images: data/generated/codec/train, made here
# by `experiments/codec/prepare_images.py --debian-photos` and carried to the GPU machine.
#
# usage: experiments/codec/train_ladder_gpu.sh OUT    (WORKBENCH: the CLI; checkpoints go to OUT/models/codec, logs to OUT)
set -uo pipefail
cd "$(dirname "$0")/../.."
out=${1:?usage: experiments/codec/train_ladder_gpu.sh OUT}
workbench=${WORKBENCH:-"dotnet src/Workbench.Cli/bin/Release/net10.0/linux-x64/workbench.dll"}
mkdir -p "$out/models/codec"
for pair in 1:0.0018 2:0.0035 3:0.0067 4:0.0130 5:0.0250; do
  quality=${pair%%:*}
  lambda=${pair##*:}
  $workbench --device cuda --threads 2 --seed 1 codec train --images data/generated/codec/train/*.png --quality "$quality" \
    --lambda "$lambda" --steps 20000 --max-seconds "${MAX_SECONDS:-300}" --batch 8 --patch 256 --lr 5e-4 --aux-lr 0.05 \
    --n 64 --m 96 --models "$out/models/codec" > "$out/codec-train-q$quality.log" 2>&1 &
done
wait
tail -n 2 "$out"/codec-train-q*.log
