#!/usr/bin/env bash
# Continues a codec ladder (FROM, default models/codec) on a GPU with one budget of steps per quality: first HCFSSNet,
# qualities 2..5 side by side, for HCFSS_SECONDS (default 300) of training each; then the scale hyperprior for exactly the
# steps HCFSSNet took at the same quality (capped at HYPERPRIOR_SECONDS, default 150: a capped run's json shows fewer
# steps). Batches of BATCH (default 8) random 256x256 patches, Adam 5e-4 with the drop to a tenth in the last fifth of
# each run, seed 1, CompressAI's lambdas. On an H200 the four HCFSSNet runs took 0.15 s per step at BATCH=8, 0.18 s at 16
# and 0.22 s at 32 (per-step overhead, not arithmetic, bounds them): 32 trains on 2.7 times the patches per second.
# The checkpoints' N and M are kept; their json counts all steps (prior_steps: those before).
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
mkdir -p "$out/models/codec"

train() {  # model quality lambda steps seconds
  $workbench --device cuda --threads 2 --seed 1 codec train --model "$1" --images data/generated/codec/train/*.png \
    --quality "$2" --lambda "$3" --steps "$4" --max-seconds "$5" --batch "${BATCH:-8}" --patch 256 --lr 5e-4 --aux-lr 0.05 \
    --from "$from" --models "$out/models/codec" > "$out/codec-train-$1-q$2.log" 2>&1
}

# The steps of this run alone: the json's total less the steps of the checkpoint it continued.
steps_taken() {
  local json=$out/models/codec/$1-q$2.json total prior
  total=$(sed -nE 's/^ *"steps": ([0-9]+),?$/\1/p' "$json")
  prior=$(sed -nE 's/^ *"prior_steps": ([0-9]+),?$/\1/p' "$json")
  echo $((total - prior))
}

for pair in $ladder; do train hcfssnet "${pair%%:*}" "${pair##*:}" 1000000 "${HCFSS_SECONDS:-300}" & done
wait
for pair in $ladder; do
  quality=${pair%%:*}
  steps=$(steps_taken hcfssnet "$quality") || { echo "no hcfssnet-q$quality checkpoint"; continue; }
  train hyperprior "$quality" "${pair##*:}" "$steps" "${HYPERPRIOR_SECONDS:-150}" &
done
wait
grep -hE '^saved|continuing' "$out"/codec-train-*.log
