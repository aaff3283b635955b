#!/usr/bin/env bash
# The NSTR comparison's remaining budgets on a GPU, at the issue's image sizes (camera 256^2, astronaut 512^2), 500
# full-batch steps, seed 0: the 50k budget, the held-out grid at 200k (fit even pixels, score odd ones) and the 800k
# budget, in three chains side by side. Writes OUT/inr-TASK-SIZEpx-BUDGET-GPU.{json,md} (GPU: h100, h200 ... from nvidia-smi) (one file per command, so a
# stopped run keeps what finished) and every command's output to OUT/inr-gpu.log; the fits' run folders (checkpoints
# included) go to runs/inr/, outside OUT.
#
# usage: experiments/inr-gpu.sh OUT        (WORKBENCH: the CLI; experiments/gpu/verify.sh jobs OUT sets it up)
set -uo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: experiments/inr-gpu.sh OUT}
wb=${WORKBENCH:-"dotnet run --project src/Workbench.Cli -c Release --"}
mkdir -p "$out"
gpu=$(nvidia-smi --query-gpu=name --format=csv,noheader | head -n 1 | grep -oE 'H[0-9]+' | tr H h)

fit() {
  local task=$1 size=$2 budget=$3 name="inr-$1-$2px-$(($3 / 1000))k-${gpu:-gpu}"
  SECONDS=0
  $wb --device cuda --threads 2 --seed 0 inr compare --tasks "$task" --size "$size" --budgets "$budget" --steps 500 \
    --eval-every 100 --json "$out/$name.json" --markdown "$out/$name.md" --runs "runs/inr/$name" >> "$out/inr-gpu.log" 2>&1
  echo "$name exit $? after $SECONDS s" | tee -a "$out/inr-gpu.log"
}

{ fit camera 256 50000; fit camera-heldout 256 200000; fit camera 256 800000; } &
{ fit astronaut 512 50000; fit astronaut-heldout 512 200000; } &
fit astronaut 512 800000 &
wait
