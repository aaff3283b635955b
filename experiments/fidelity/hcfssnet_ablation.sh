#!/usr/bin/env bash
# Equal-step ablations of HCFSSNet's open deviations (experiments/fidelity/hcfssnet.md) on the CPU. Every arm continues
# a committed variable-rate model of models/codec-variable (N = 32, M = 48, qualities 2..5, CompressAI's lambdas 0.0035
# 0.0067 0.013 0.025; the models' own recipe) for STEPS (default 1500) steps of 4 random 128x128 patches from
# data/generated/codec/train, Adam 5e-4 (a tenth in the last fifth), aux Adam 0.05, one thread, each step at the level
# drawn from (seed, step). A variant grows from the committed HCFSSNet with its new weights placed so that it starts as
# exactly the committed model (`codec train --from` with a variant's flags): what moves is what the ingredient adds in
# training at equal steps. Arms:
#   hyperprior-sS, hcfssnet-sS   the committed architectures, seeds 1..SEEDS (default 3): the baseline and its spread
#   hcfssnet-scan-head-1         per-channel scan steps (Mamba's), against Mamba-2-style heads of 16 channels
#   hcfssnet-vfss-4-8-16         VFSS blocks also at stride 16 (on y in g_a, first in g_s)
#   hcfssnet-fstam-hs            an FSTAM in the hyper-synthesis too (not codable bit-exactly: measured by estimated rate)
# ARMS (default all of them) picks arms by name. Each arm trains in OUT/runs/ARM (default OUT runs/hcfssnet-ablation;
# running again resumes unfinished arms exactly and skips finished ones), JOBS (default 2) at a time, then
# experiments/fidelity/hcfssnet_ablation.py measures all arms and the starting models the same way (`codec evaluate
# --estimate` on the held-out images) and writes experiments/results/codec-hcfssnet-ablation.{json,md}.
set -euo pipefail
cd "$(dirname "$0")/../.."
workbench=${WORKBENCH:-"dotnet src/Workbench.Cli/bin/Release/net10.0/linux-x64/workbench.dll"}
out=${OUT:-runs/hcfssnet-ablation}
steps=${STEPS:-1500}
seeds=${SEEDS:-3}

arm_seed() {  # arm -> its seed
  case $1 in
    *-s[0-9]*) echo "${1##*-s}" ;;
    *) echo 1 ;;
  esac
}

arm_flags() {  # arm -> its model flags
  case $1 in
    hyperprior-s[0-9]*) echo "--model hyperprior --n 32 --m 48" ;;
    hcfssnet-s[0-9]*) echo "--model hcfssnet --n 32 --m 48" ;;
    hcfssnet-scan-head-1) echo "--model hcfssnet --n 32 --m 48 --scan-head-size 1" ;;
    hcfssnet-vfss-4-8-16) echo "--model hcfssnet --n 32 --m 48 --vfss-strides 4 8 16" ;;
    hcfssnet-fstam-hs) echo "--model hcfssnet --n 32 --m 48 --fstam-in-hyper-synthesis" ;;
    *) echo "unknown arm $1" >&2; return 1 ;;
  esac
}

train() {  # arm
  local run=$out/runs/$1 models=$out/models/$1
  if [ -f "$models/hyperprior-variable.json" ] || [ -f "$models/hcfssnet-variable.json" ]; then return 0; fi
  local flags; flags=$(arm_flags "$1")
  if [ -f "$run/config.json" ]; then
    $workbench --threads 1 codec train --resume "$run"
  else
    # shellcheck disable=SC2086
    $workbench --threads 1 --seed "$(arm_seed "$1")" codec train $flags --images data/generated/codec/train --quality 2 \
      --lambdas 0.0035 0.0067 0.0130 0.0250 --from models/codec-variable --steps "$steps" --batch 4 --patch 128 --lr 5e-4 --aux-lr 0.05 \
      --models "$models" --checkpoint-every 500 --out "$run"
  fi | grep -E '^(round|saved|starting)' | sed "s/^/$1: /"
}
export -f train arm_flags arm_seed
export workbench out steps

default_arms=""
for s in $(seq 1 "$seeds"); do default_arms+=" hyperprior-s$s hcfssnet-s$s"; done
default_arms+=" hcfssnet-scan-head-1 hcfssnet-vfss-4-8-16 hcfssnet-fstam-hs"
arms=${ARMS:-$default_arms}
mkdir -p "$out"
# shellcheck disable=SC2086
printf '%s\n' $arms | xargs -P "${JOBS:-2}" -I{} bash -c 'train {}'
WORKBENCH="$workbench" /usr/bin/python3 experiments/fidelity/hcfssnet_ablation.py "$out"
