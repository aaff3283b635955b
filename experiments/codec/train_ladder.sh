#!/usr/bin/env bash
# Trains the committed scale-hyperprior checkpoints (models/codec/hyperprior-qQ.*) on CPU, one thread:
# qualities 2..5 with CompressAI's lambdas for those qualities, N = 32, M = 48, STEPS (default 1000) steps of 4 random
# 128x128 patches. The committed q2 ran 1000 steps, q3..q5 400 steps (LADDER="3:0.0067 ..." STEPS=400), for time.
# Training images come from experiments/codec/prepare_images.py (skimage data; no evaluation image among them).
set -euo pipefail
cd "$(dirname "$0")/../.."
/usr/bin/python3 experiments/codec/prepare_images.py >/dev/null
workbench=${WORKBENCH:-"dotnet src/Workbench.Cli/bin/Release/net10.0/linux-x64/workbench.dll"}
steps=${STEPS:-1000}
for pair in ${LADDER:-2:0.0035 3:0.0067 4:0.0130 5:0.0250}; do
  quality=${pair%%:*}
  lambda=${pair##*:}
  $workbench --threads 1 --seed 1 codec train --images data/generated/codec/train/*.png --quality "$quality" --lambda "$lambda" \
    --steps "$steps" --batch 4 --patch 128 --lr 5e-4 --aux-lr 0.05 --n 32 --m 48 --models models/codec
done
