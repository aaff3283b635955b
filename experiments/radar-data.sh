#!/usr/bin/env bash
# The 64^2 radar dataset of the radar experiments: 1200 synthetic VIL sequences (6 -> 6 frames, generator seed 0) in
# data/generated/radar64.h5, generated only when missing. RADAR_SHARDS=n (default 1) generates n contiguous blocks in
# parallel processes of one thread each and merges them into the same sequences: on a 16-core machine one process
# with 16 threads is no faster than one with 2 (about 14 s per 100 sequences), the per-sequence work being small.
#
# usage: experiments/radar-data.sh        (WORKBENCH: the CLI, a built one when RADAR_SHARDS > 1)
set -euo pipefail
cd "$(dirname "$0")/.."
wb=${WORKBENCH:-"dotnet run --project src/Workbench.Cli -c Release --"}
data=data/generated/radar64.h5
shards=${RADAR_SHARDS:-1}
[ -f "$data" ] && exit 0
generate=(--device cpu --seed 0 datasets generate radar --samples 1200 --resolution 64)
if [ "$shards" -eq 1 ]; then
  $wb "${generate[@]}" --out "$data"
  exit 0
fi
parts=$(mktemp -d)
trap 'rm -rf "$parts"' EXIT
pids=()
for ((i = 0; i < shards; i++)); do
  $wb --threads 1 "${generate[@]}" --shard "$i/$shards" --out "$parts/shard-$i.h5" > "$parts/shard-$i.log" 2>&1 &
  pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid" || { cat "$parts"/shard-*.log >&2; exit 1; }; done
$wb datasets merge "$parts"/shard-*.h5 --out "$data"
