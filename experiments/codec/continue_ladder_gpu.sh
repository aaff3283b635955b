#!/usr/bin/env bash
# Continues a codec ladder (FROM, default models/codec) on a GPU for a number of steps per model and quality, all runs
# side by side: HCFSS_STEPS for HCFSSNet (default 1900) and the same for the scale hyperprior, so both get equal steps.
# The step counts come from the measured rate on an H200 (0.15 s per step of 8 patches of 256^2 for the four HCFSSNet
# runs side by side: 1900 steps fit a 300 s budget). Batches of BATCH (default 8) random 256x256 patches, Adam 5e-4 with
# the drop to a tenth in the last fifth of the steps, seed 1, CompressAI's lambdas. The checkpoints' N and M are kept;
# their json counts all steps (prior_steps: those before).
# Every run trains in its own run folder OUT/runs/MODEL-qQ; MAX_SECONDS (default 600) ends a run after the round that
# reaches it, saved: running the script again with the same OUT resumes each unfinished run exactly (optimisers,
# schedule, patches), so device sessions add up to the uninterrupted run. A run saves its model to OUT/models/codec
# when it finishes.
# Training images: data/generated/codec/train (experiments/codec/prepare_images.py --debian-photos), carried to the
# GPU machine.
#
# usage: experiments/codec/continue_ladder_gpu.sh OUT    (WORKBENCH: the CLI; checkpoints go to OUT/models/codec, logs to OUT)
set -uo pipefail
cd "$(dirname "$0")/../.."
out=${1:?usage: experiments/codec/continue_ladder_gpu.sh OUT}
workbench=${WORKBENCH:-"dotnet src/Workbench.Cli/bin/Release/net10.0/linux-x64/workbench.dll"}
from=${FROM:-models/codec}
ladder=${LADDER:-2:0.0035 3:0.0067 4:0.0130 5:0.0250}
mkdir -p "$out/models/codec" "$out/runs"

train() {  # model quality lambda
  local run=$out/runs/$1-q$2
  if [ -f "$run/config.json" ]; then
    $workbench --device cuda --threads 2 codec train --resume "$run" --max-seconds "${MAX_SECONDS:-600}"
  else
    $workbench --device cuda --threads 2 --seed 1 codec train --model "$1" --images data/generated/codec/train \
      --quality "$2" --lambda "$3" --steps "${HCFSS_STEPS:-1900}" --batch "${BATCH:-8}" --patch 256 --lr 5e-4 --aux-lr 0.05 \
      --from "$from" --models "$out/models/codec" --out "$run" --max-seconds "${MAX_SECONDS:-600}"
  fi >> "$out/codec-train-$1-q$2.log" 2>&1
}

for model in hcfssnet hyperprior; do
  for pair in $ladder; do train "$model" "${pair%%:*}" "${pair##*:}" & done
done
wait
grep -hE '^(saved|round|starting)' "$out"/codec-train-*.log | tail -n 40
