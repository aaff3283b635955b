#!/usr/bin/env bash
# Width at equal steps on the CPU: the variable-rate scale hyperprior (qualities 2..5, CompressAI's lambdas 0.0035 0.0067
# 0.013 0.025) trained from scratch at the committed width (N = 32, M = 48) and at CompressAI's width for these rates
# (N = 128, M = 192) with one recipe: STEPS (default 4000) steps of 4 random 128x128 patches, Adam 5e-4 (a tenth in the
# last fifth), aux Adam 0.05, seed 1, one thread each, side by side (about 10 minutes and 70-90 minutes). The narrow
# model is also trained with the seeds of NARROW_SEEDS (default "2 3"; one after another beside the wide run) for the
# seed spread. MODELS (default hyperprior) may add hcfssnet (about 10 times slower at the wide width). Each trains in
# RUNS/NAME-MODEL (default runs/codec-width; NAME narrow, wide, narrow-seedS): running the script again resumes an
# unfinished run exactly. The trained models are written with float32 weights to OUT/float32/NAME and with float16
# weights (`codec convert --weight-bits 16`) to OUT/NAME (default OUT=runs/codec-width/models);
# experiments/codec/width.py then measures them on the held-out images (experiments/results/codec-width.{json,md}).
# Training images: data/generated/codec/train (experiments/codec/prepare_images.py --debian-photos).
set -euo pipefail
cd "$(dirname "$0")/../.."
workbench=${WORKBENCH:-"dotnet src/Workbench.Cli/bin/Release/net10.0/linux-x64/workbench.dll"}
runs=${RUNS:-runs/codec-width}
out=${OUT:-runs/codec-width/models}

train() {  # name n m model seed
  local run=$runs/$1-$4
  if [ -f "$run/config.json" ]; then
    $workbench --threads 1 codec train --resume "$run"
  else
    $workbench --threads 1 --seed "$5" codec train --model "$4" --images data/generated/codec/train --quality 2 \
      --lambdas 0.0035 0.0067 0.0130 0.0250 --steps "${STEPS:-4000}" --batch 4 --patch 128 --lr 5e-4 --aux-lr 0.05 \
      --n "$2" --m "$3" --models "$out/float32/$1" --checkpoint-every 250 --out "$run"
  fi | grep -E '^(round|saved|starting)'
}

names=(narrow wide)
for seed in ${NARROW_SEEDS:-2 3}; do names+=("narrow-seed$seed"); done
for model in ${MODELS:-hyperprior}; do
  train wide 128 192 "$model" 1 &
  train narrow 32 48 "$model" 1
  for seed in ${NARROW_SEEDS:-2 3}; do train "narrow-seed$seed" 32 48 "$model" "$seed"; done
  wait
done
for name in "${names[@]}"; do
  $workbench codec convert --models "$out/float32/$name" --out "$out/$name" --weight-bits 16
done
