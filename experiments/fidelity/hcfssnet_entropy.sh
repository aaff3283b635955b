#!/usr/bin/env bash
# Entropy-model study of the HCFSSNet fidelity audit: does a mean-scale entropy model (Minnen et al. 2018) change how
# HCFSSNet compares with the scale hyperprior? Both codecs continue from the committed checkpoints (models/codec, N = 32,
# M = 48) for STEPS (default 200) more steps at each quality 2..5 with experiments/codec/train_ladder.sh's settings
# (batch 4 of 128x128 patches, Adam 5e-4, seed 1, one thread per run), twice: with the scale entropy model (the extra
# training alone) and with the mean-scale one (its mean head starts at zero, so the start codes exactly as the scale
# model). Each of the four model sets is evaluated on data/generated/codec/eval (prepare_images.py; held-out images)
# into experiments/results/codec-entropy-model/ENTROPY-MODEL.json, then experiments/fidelity/hcfssnet_entropy.py writes
# experiments/results/codec-entropy-model.{json,md} (BD-rates with experiments/codec/evaluate.py's definition) and
# experiments/fidelity/hcfssnet.py the audit. Models and run folders go to RUNS (default runs/codec-entropy; git-ignored).
# Re-running skips the arms whose models exist. The committed result: STEPS=200, the 16 runs started at once (the same
# commands; each run is single-threaded and depends only on its own seed and checkpoint) on a 2-core machine shared with
# other work. Uncontended, one thread does about 5.7 HCFSSNet steps/s; on that machine 1 to 2.5.
# Data: experiments/codec/prepare_images.py --debian-photos (apt packages python3-skimage, python3-pil).
set -euo pipefail
cd "$(dirname "$0")/../.."
export WORKBENCH=${WORKBENCH:-"dotnet src/Workbench.Cli/bin/Release/net10.0/linux-x64/workbench.dll"}
runs=${RUNS:-runs/codec-entropy}
results=experiments/results/codec-entropy-model
mkdir -p "$results"
for entropy in scale mean_scale; do
  if [ ! -f "$runs/$entropy/models/hcfssnet-q5.json" ]; then
    FROM=models/codec STEPS=${STEPS:-200} ENTROPY=$entropy OUT="$runs/$entropy/models" RUNS="$runs/$entropy/runs" experiments/codec/train_ladder.sh
  fi
done
for entropy in scale mean_scale; do
  for model in hyperprior hcfssnet; do
    $WORKBENCH --threads 1 codec evaluate --models "$runs/$entropy/models" --model "$model" --images data/generated/codec/eval \
      --json "$results/$entropy-$model.json" | grep '^quality'
  done
done
/usr/bin/python3 experiments/fidelity/hcfssnet_entropy.py "$runs"
/usr/bin/python3 experiments/fidelity/hcfssnet.py
