#!/usr/bin/env bash
# Trains the committed codec checkpoints (models/codec/MODEL-qQ.*) on the CPU: for each quality 2..5 (CompressAI's
# lambdas), the scale hyperprior and HCFSSNet side by side with one thread each and one budget: N = 32, M = 48,
# STEPS (default 1200) steps of 4 random 128x128 patches, Adam 5e-4, seed 1. MODELS picks the models, LADDER the
# qualities ("Q:lambda ..."), OUT the folder (default models/codec). FROM=DIR starts from DIR's checkpoints for STEPS more
# steps (FROM=models/codec: further training of the committed ones; their json then counts all steps). ENTROPY picks the
# entropy model of y (scale, the default, or mean_scale; from a scale checkpoint the mean head starts at zero). Each run trains in
# its own run folder RUNS/MODEL-qQ (default runs/codec-ladder; metrics.jsonl, checkpoints): an interrupted ladder goes on
# with `workbench codec train --resume RUNS/MODEL-qQ`, exactly where it stopped.
# Training images come from experiments/codec/prepare_images.py --debian-photos (skimage data and Debian photographs;
# no evaluation image or scene among them).
set -euo pipefail
cd "$(dirname "$0")/../.."
workbench=${WORKBENCH:-"dotnet src/Workbench.Cli/bin/Release/net10.0/linux-x64/workbench.dll"}
out=${OUT:-models/codec}
runs=${RUNS:-runs/codec-ladder}
for pair in ${LADDER:-2:0.0035 3:0.0067 4:0.0130 5:0.0250}; do
  quality=${pair%%:*}
  lambda=${pair##*:}
  for model in ${MODELS:-hyperprior hcfssnet}; do
    $workbench --threads 1 --seed 1 codec train --model "$model" --images data/generated/codec/train/*.png --quality "$quality" \
      --lambda "$lambda" --steps "${STEPS:-1200}" --batch 4 --patch 128 --lr 5e-4 --aux-lr 0.05 --n 32 --m 48 --models "$out" ${FROM:+--from "$FROM"} \
      ${ENTROPY:+--entropy-model "$ENTROPY"} \
      --checkpoint-every 100 --out "$runs/$model-q$quality" | grep -E '^(round|saved)' &
  done
  wait
done
