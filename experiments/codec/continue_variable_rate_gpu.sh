#!/usr/bin/env bash
# Continues the variable-rate codecs (qualities 2..5, CompressAI's lambdas 0.0035 0.0067 0.013 0.025) on one GPU for
# one device call, the models of MODELS (default: hyperprior hcfssnet) side by side, each in its run folder
# OUT/runs/MODEL: batches of BATCH (default 8) random PATCH x PATCH (default 256) patches, Adam 5e-4 (a tenth in the
# last fifth of the steps), aux Adam 0.05, seed 1, each step at the quality level drawn from (seed, step).
# A new run starts, by WIDTH:
#   committed (default)  from FROM's variable-rate model (default models/codec-variable) or, where FROM has none, from
#                        the fixed-rate q3 checkpoint in models/codec (transforms copied, gains sqrt(lambda / lambda_q3)), at their N and M;
#   compressai           from scratch at CompressAI's width for these rates, N = 128, M = 192 (FROM=DIR with such a
#                        variable-rate model continues it instead).
# HYPER_STEPS (default 6000) and HCFSS_STEPS (default 1500) are the steps of a new run, sized at the committed width
# to end within MAX_SECONDS (default 480: the training of one call stays under 9 minutes beside the start and the
# conversion) from the H200 rates of continue_ladder_gpu.sh (HCFSSNet about 6.7 steps/s with four runs side by side);
# the script prints each run's measured steps/s, from which the next call's steps follow (at the CompressAI width, with
# about 16 times the convolution work per step, size them from a first call's rate). A run that reaches MAX_SECONDS
# first stops after its round, saved but not exported: the same command with the same OUT resumes every unfinished run
# exactly (codec train --resume: optimisers, schedule, patches and levels), so device calls add up to the uninterrupted
# run. A finished run's model is written with float16 weights to OUT/models/codec-variable (codec convert
# --weight-bits 16), the folder to copy back (and to pass as FROM to the next call). The run folders hold float32
# weights and both Adam moments: about 4 MB per model at the committed width, which comes back beside the models; at
# the CompressAI width about 70 MB, more than a device call returns, so KEEP_RUNS=0 (the default there) deletes their
# checkpoints at the end and the next call continues from the float16 model with FROM (a warm start).
# Training images: data/generated/codec/train (experiments/codec/prepare_images.py --debian-photos), carried to the
# GPU machine. DEVICE (default cuda), THREADS (default 2), CHECKPOINT_EVERY (default 250) and IMAGES are for checks
# elsewhere (e.g. DEVICE=cpu with a few tiny steps). `experiments/gpu/verify.sh jobs OUT` with
# GPU_JOBS=codec/continue_variable_rate_gpu runs it with the bundled CLI (pack-cli leaves room for the images).
#
# usage: experiments/codec/continue_variable_rate_gpu.sh OUT    (WORKBENCH: the CLI)
set -uo pipefail
cd "$(dirname "$0")/../.."
out=${1:?usage: experiments/codec/continue_variable_rate_gpu.sh OUT}
workbench=${WORKBENCH:-"dotnet src/Workbench.Cli/bin/Release/net10.0/linux-x64/workbench.dll"}
width=${WIDTH:-committed}
max_seconds=${MAX_SECONDS:-480}
case $width in
  committed) keep_runs=${KEEP_RUNS:-1} from=${FROM:-models/codec-variable} ;;
  compressai) keep_runs=${KEEP_RUNS:-0} from=${FROM:-} ;;
  *) echo "WIDTH must be committed or compressai, got $width" >&2; exit 2 ;;
esac
mkdir -p "$out/runs" "$out/models/float32"

steps_of() { case $1 in hcfssnet) echo "${HCFSS_STEPS:-1500}" ;; *) echo "${HYPER_STEPS:-6000}" ;; esac; }

# The last step in a run's metrics (0 before its first round).
last_step() { tail -n 1 "$1/metrics.jsonl" 2>/dev/null | grep -oE '"step":[0-9]+' | cut -d: -f2 || true; }

train() {  # model
  local run=$out/runs/$1 start=()
  if [ -f "$run/config.json" ]; then
    $workbench --device "${DEVICE:-cuda}" --threads "${THREADS:-2}" codec train --resume "$run" --max-seconds "$max_seconds"
  else
    if [ -n "$from" ] && [ -f "$from/$1-variable.json" ]; then start=(--from "$from")
    elif [ "$width" = compressai ]; then start=(--n 128 --m 192)
    else start=(--from models/codec --from-quality 3); fi
    $workbench --device "${DEVICE:-cuda}" --threads "${THREADS:-2}" --seed 1 codec train --model "$1" \
      --images "${IMAGES:-data/generated/codec/train}" --quality 2 --lambdas 0.0035 0.0067 0.0130 0.0250 --steps "$(steps_of "$1")" \
      --batch "${BATCH:-8}" --patch "${PATCH:-256}" --lr 5e-4 --aux-lr 0.05 "${start[@]}" --models "$out/models/float32" \
      --checkpoint-every "${CHECKPOINT_EVERY:-250}" --out "$run" --max-seconds "$max_seconds"
  fi >> "$out/train-$1.log" 2>&1
  echo "$1: codec train exit $?" >> "$out/train-$1.log"
}

declare -A before
for model in ${MODELS:-hyperprior hcfssnet}; do
  before[$model]=$(last_step "$out/runs/$model")
  train "$model" &
done
wait

for model in ${MODELS:-hyperprior hcfssnet}; do
  run=$out/runs/$model
  first=${before[$model]:-0}
  # Steps and training seconds of the rounds this call added (metrics lines after the step it started from).
  awk -v first="${first:-0}" -v model="$model" '
    { match($0, /"step":[0-9]+/); step = substr($0, RSTART + 7, RLENGTH - 7) + 0
      if (step <= first) next
      match($0, /"seconds":[0-9.eE+-]+/); seconds += substr($0, RSTART + 10, RLENGTH - 10); last = step }
    END { if (seconds > 0) printf "%s: steps %d..%d in %.1f s of training: %.2f steps/s\n", model, first, last, seconds, (last - first) / seconds
          else printf "%s: no round finished in this call\n", model }' "$run/metrics.jsonl" 2>/dev/null || echo "$model: no metrics"
  grep -hE '^(saved|starting|error)' "$out/train-$model.log" | tail -n 2
  [ -f "$out/models/float32/$model-variable.json" ] || echo "$model: not finished (stopped by MAX_SECONDS or failed): run the script again with OUT=$out to resume"
done

if ls "$out"/models/float32/*-variable.json > /dev/null 2>&1; then
  $workbench codec convert --models "$out/models/float32" --out "$out/models/codec-variable" --weight-bits 16 && rm -rf "$out/models/float32"
fi
[ "$keep_runs" = 1 ] || rm -rf "$out"/runs/*/checkpoints
ls -l "$out/models/codec-variable" 2>/dev/null
