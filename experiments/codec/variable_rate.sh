#!/usr/bin/env bash
# The variable-rate codecs on the CPU: one model per architecture with gain units for qualities 2..5 (CompressAI's
# lambdas 0.0035 0.0067 0.013 0.025), warm-started from the committed fixed-rate q3 checkpoint (models/codec: N = 32,
# M = 48; transforms and entropy model copied, gains sqrt(lambda / lambda_q3)), then trained with the ladder's recipe: batches of 4
# random 128x128 patches, Adam 5e-4 (a tenth in the last fifth), aux Adam 0.05, seed 1, one thread, each step at the
# quality level drawn from (seed, step). STEPS (default 4000) for the scale hyperprior and HCFSS_STEPS (default 4000;
# 0 skips it) for HCFSSNet, side by side (about 600 s and 1,000 s of one thread). Each trains in its own run folder RUNS/MODEL (default runs/codec-variable): running the
# script again resumes an unfinished run exactly. The trained models are stored with float16 weights in OUT (default
# models/codec-variable, `codec convert --weight-bits 16`), and experiments/codec/variable_rate.py evaluates those on the
# held-out images against the fixed-rate ladder (experiments/results/codec-variable-rate.{json,md}).
# Training images: data/generated/codec/train (experiments/codec/prepare_images.py --debian-photos).
set -euo pipefail
cd "$(dirname "$0")/../.."
workbench=${WORKBENCH:-"dotnet src/Workbench.Cli/bin/Release/net10.0/linux-x64/workbench.dll"}
runs=${RUNS:-runs/codec-variable}
out=${OUT:-models/codec-variable}

train() {  # model steps
  local run=$runs/$1
  if [ -f "$run/config.json" ]; then
    $workbench --threads 1 codec train --resume "$run"
  else
    $workbench --threads 1 --seed 1 codec train --model "$1" --images data/generated/codec/train --quality 2 \
      --lambdas 0.0035 0.0067 0.0130 0.0250 --steps "$2" --batch 4 --patch 128 --lr 5e-4 --aux-lr 0.05 \
      --from models/codec --from-quality 3 --models "$runs/models" --checkpoint-every 500 --out "$run"
  fi | grep -E '^(round|saved|starting)'
}

train hyperprior "${STEPS:-4000}" &
if [ "${HCFSS_STEPS:-4000}" -gt 0 ]; then train hcfssnet "${HCFSS_STEPS:-4000}" & fi
wait
$workbench codec convert --models "$runs/models" --out "$out" --weight-bits 16
WORKBENCH="$workbench" /usr/bin/python3 experiments/codec/variable_rate.py "$out"
