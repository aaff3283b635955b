#!/usr/bin/env bash
# The 64^2 radar dataset of the radar experiments: 1200 synthetic VIL sequences (6 -> 6 frames, generator seed 0) in
# data/generated/radar64.h5, generated only when missing.
#
# usage: experiments/radar-data.sh        (WORKBENCH: the CLI)
set -euo pipefail
cd "$(dirname "$0")/.."
wb=${WORKBENCH:-"dotnet run --project src/Workbench.Cli -c Release --"}
data=data/generated/radar64.h5
[ -f "$data" ] || $wb --seed 0 datasets generate radar --samples 1200 --resolution 64 --out "$data"
