#!/usr/bin/env bash
# Is T1's gap to FNO at the issue's data scale a budget effect? FNO and T1 with the configs of experiments/ns2d-gpu.sh
# (same data: 1300 samples, w(1..10) -> w(11..50)) trained for 50 epochs instead of 20, seed 0, side by side; each run
# is stopped after TRAIN_SECONDS (default 300) and evaluated from its best checkpoint. Writes OUT/RESULTS-50ep.md,
# OUT/ns2d-gpu-50ep.json and every command's output to OUT/ns2d-long-gpu.log.
#
# usage: experiments/ns2d-long-gpu.sh OUT        (WORKBENCH: the CLI; experiments/gpu/verify.sh jobs OUT sets it up)
set -uo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: experiments/ns2d-long-gpu.sh OUT}
wb=${WORKBENCH:-"dotnet run --project src/Workbench.Cli -c Release --"}
data=data/generated/ns_v1e-3.h5
runs=runs/ns2d-gpu-50ep
log=$out/ns2d-long-gpu.log
mkdir -p "$out"

if [ ! -f "$data" ]; then
  SECONDS=0
  $wb --device cuda --seed 0 datasets generate navier-stokes --samples 1300 --batch 650 --resolution 64 \
    --solver-resolution 64 --dt 2e-3 --horizon 50 --out "$data" >> "$log" 2>&1
  echo "generate exit $? after $SECONDS s" | tee -a "$log"
fi

for model in fno t1; do
  {
    SECONDS=0
    timeout "${TRAIN_SECONDS:-300}" $wb --device cuda --threads 2 --seed 0 train "experiments/ns2d-$model-gpu-50ep.json" \
      --out "$runs/$model/seed-0" > "$out/train-$model.log" 2>&1
    echo "train $model exit $? after $SECONDS s" | tee -a "$log"
    $wb --device cuda eval "$runs/$model/seed-0" --checkpoint best >> "$log" 2>&1
  } &
done
wait
$wb results "$runs" --title "FNO and T1 at the issue's data scale, 50 epochs, on a GPU" --out "$out/RESULTS-50ep.md" \
  --json "$out/ns2d-gpu-50ep.json" >> "$log" 2>&1
echo "results exit $?" | tee -a "$log"
