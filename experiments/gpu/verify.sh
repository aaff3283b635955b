#!/usr/bin/env bash
# GPU verification in two halves.
#
#   experiments/gpu/verify.sh pack        (here, with the .NET SDK) publishes the CLI and the CUDA tests self-contained for
#                                         linux-x64 into artifacts/gpu/bundle.tar.xz, without TorchSharp-cpu's libtorch
#                                         (the GPU machine brings its own), small enough to carry (< 64 MiB).
#   experiments/gpu/verify.sh pack-cli    the same bundle with the CLI alone (no CUDA tests, no figure or browser
#                                         assemblies), 13 MB smaller: room for large carried inputs (the codec jobs'
#                                         training images beside models/codec); enough for `jobs`, not for `run`.
#   experiments/gpu/verify.sh run OUT     (on the GPU machine: no SDK, no network, PyTorch with CUDA in its Python)
#                                         unpacks the bundle, points the loader at that PyTorch's libtorch, runs the
#                                         CUDA tests, the operators bench on cuda and on the CPU and the CPU
#                                         operator comparison trained on cuda, and writes
#                                         everything to OUT (logs, bench JSON, environment).
#   experiments/gpu/verify.sh ns2d OUT    (on the GPU machine) experiments/ns2d-gpu.sh with the bundled CLI.
#   experiments/gpu/verify.sh jobs OUT    (on the GPU machine, with data/generated/codec/train carried) the GPU
#                                         experiments side by side, each under JOB_SECONDS (default 420): radar
#                                         (experiments/radar-gpu.sh), Spectral-Refiner (experiments/ns2d-sfno-gpu.sh and
#                                         experiments/mcwilliams-sfno-gpu.sh),
#                                         FNO vs T1 for 50 epochs (experiments/ns2d-long-gpu.sh), the NSTR budgets
#                                         (experiments/inr-gpu.sh) and the codec ladder (experiments/codec/train_ladder_gpu.sh),
#                                         each into OUT/<job>/ (GPU_JOBS, a space-separated subset, picks some;
#                                         radar-width-gpu, the width study of experiments/radar-width-gpu.sh, runs
#                                         only when named),
#                                         the radar data generated before they start, then packed into
#                                         OUT.tar.gz.part-aa, -ab, ... (8 MiB each).
#
# TorchSharp 0.107.0 is built against LibTorch 2.10; the GPU machine's PyTorch may be newer. Whether its libtorch
# loads is exactly what `run` finds out: env.txt and load.log in OUT say what was tried and what happened.
set -uo pipefail
cd "$(dirname "$0")/../.."
bundle=artifacts/gpu/bundle.tar.xz

pack() {
  set -e
  local stage=artifacts/gpu/stage
  rm -rf "$stage" && mkdir -p "$stage"
  dotnet publish src/Workbench.Cli -c Release -r linux-x64 --self-contained -o "$stage/app"
  if [[ ${1:-} == cli ]]; then
    # No figures are drawn on the GPU machine: Plotly and the browser drivers stay here, as do the debugger libraries.
    rm -f "$stage"/app/{Plotly.NET*.dll,PuppeteerSharp.dll,WebDriverBiDi.dll,libmscordaccore.so,libmscordbi.so,createdump}
  else
    dotnet publish tests/Workbench.Cuda.Tests -c Release -r linux-x64 --self-contained -o "$stage/app"
  fi
  # Keep LibTorchSharp (the binding, patched for older libstdc++); drop the CPU libtorch it normally loads.
  find "$stage/app" -maxdepth 1 \( -name 'libtorch*' -o -name 'libc10*' -o -name 'libgomp*' -o -name 'libaoti*' \
    -o -name 'libnnapi*' -o -name 'libbackend_with_compiler*' -o -name 'libjitbackend*' -o -name 'libshm*' \) -delete
  # xz -9e: about 3% smaller than the default level, which a codec continuation at CompressAI's width needs to fit the carry.
  XZ_OPT=-9e tar -C "$stage" -cJf "$bundle" app
  rm -rf "$stage"
  ls -l "$bundle"
}

torch_lib() {
  for python in python3 python; do
    command -v "$python" >/dev/null || continue
    "$python" -c 'import os, torch; print(os.path.join(os.path.dirname(torch.__file__), "lib"))' 2>/dev/null && return 0
  done
  return 1
}

# Unpacks the bundle into $work and points the loader at the Python environment's libtorch; sets app and lib.
unpack() {
  work=$(mktemp -d)
  tar -C "$work" -xJf "$bundle"
  app=$work/app
  lib=$(torch_lib) || { echo "no PyTorch found in python3/python"; return 1; }
  export LD_LIBRARY_PATH="$lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
}

# The operator comparison at the issue's data scale (experiments/ns2d-gpu.sh) with the bundled CLI.
ns2d() {
  local out=${1:?usage: verify.sh ns2d OUT} work app lib
  unpack || return 1
  WORKBENCH=$app/workbench bash experiments/ns2d-gpu.sh "$out"
  rm -rf "$work"
}

gpu_jobs() {
  local out=${1:?usage: verify.sh jobs OUT} work app lib job pids=()
  mkdir -p "$out" data/generated
  unpack > "$out/load.log" 2>&1 || return 1
  export WORKBENCH=$app/workbench
  local jobs=${GPU_JOBS:-radar-gpu ns2d-sfno-gpu mcwilliams-sfno-gpu ns2d-long-gpu inr-gpu codec/train_ladder_gpu}
  # Radar data first and alone: generated beside the other jobs it starved for 7 of the radar job's 8 minutes. One
  # process took 172 s on the H100 machine's 16 cores; 12 one-thread shards share them.
  if [[ " $jobs " == *" radar-gpu "* || " $jobs " == *" radar-width-gpu "* ]]; then
    SECONDS=0
    RADAR_SHARDS=${RADAR_SHARDS:-12} bash experiments/radar-data.sh > "$out/radar-data.log" 2>&1
    echo "radar data exit $? after $SECONDS s" >> "$out/jobs.log"
  fi
  for job in $jobs; do
    mkdir -p "$out/${job##*/}"
    timeout "${JOB_SECONDS:-420}" bash "experiments/$job.sh" "$out/${job##*/}" > "$out/${job##*/}/job.log" 2>&1 &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid"; echo "job $pid exit $?" >> "$out/jobs.log"; done
  rm -rf "$work"
  # The device returns only a few files, shallow folders and no file as large as 51 MB: one archive carries everything, in
  # parts of 8 MiB (cat OUT.tar.gz.part-* | tar -xz joins them).
  tar -C "$(dirname "$out")" -czf - "$(basename "$out")" | split -b 8m - "$out.tar.gz.part-" && rm -rf "$out"
}

run() {
  local out=${1:?usage: verify.sh run OUT} work app lib
  mkdir -p "$out"
  unpack > "$out/load.log" 2>&1 || return 1
  {
    echo "date: $(date -u +%FT%TZ)"
    nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader 2>&1
    python3 -c 'import torch; print("torch", torch.__version__, "cuda", torch.version.cuda, "available", torch.cuda.is_available())' 2>&1
    echo "libtorch folder: $lib"
    ls "$lib" | grep -E '^lib(torch|c10)' | tr '\n' ' '; echo
    echo "cpu cores: $(nproc)"
  } > "$out/env.txt" 2>&1
  # Load check first: a missing or mismatched symbol shows here in one line instead of inside every test.
  "$app/workbench" --device cuda --verbose info > "$out/load.log" 2>&1; echo "exit $?" >> "$out/load.log"
  "$app/Workbench.Cuda.Tests" -reporter verbose > "$out/cuda-tests.log" 2>&1; echo "exit $?" >> "$out/cuda-tests.log"
  {
    timeout 150 "$app/workbench" --device cuda bench operators --json "$out/bench-operators-cuda.json"; echo "exit $?"
    timeout 150 "$app/workbench" --device cpu bench operators --json "$out/bench-operators-cpu-same-machine.json"; echo "exit $?"
  } > "$out/bench.log" 2>&1
  train_on_gpu "$app" "$work" > "$out/train-cuda.log" 2>&1
  rm -rf "$work"
  tail -n 3 "$out"/*.log
}

# The CPU operator comparison (experiments/ns2d-cpu.sh, seed 0) end to end on the GPU: its dataset generated there,
# each model trained with its CPU config, then evaluated on the test split.
train_on_gpu() {
  local app=$1 work=$2 data=data/generated/ns_v1e-3_cpu.h5
  SECONDS=0
  timeout 120 "$app/workbench" --device cuda --seed 0 datasets generate navier-stokes --samples 240 --shard 0/2 --batch 60 \
    --resolution 64 --solver-resolution 64 --dt 2e-3 --horizon 20 --out "$data"
  echo "generate exit $? after $SECONDS s"
  for model in fno t1 afno; do
    SECONDS=0
    timeout 120 "$app/workbench" --device cuda --seed 0 train "experiments/ns2d-$model-cpu.json" --out "$work/runs/$model" | grep -E '^(epoch|final)'
    echo "train $model exit $? after $SECONDS s"
    "$app/workbench" --device cuda eval "$work/runs/$model" | tail -n 2
  done
}

case "${1:-}" in
  pack) pack ;;
  pack-cli) pack cli ;;
  run) shift; run "$@" ;;
  ns2d) shift; ns2d "$@" ;;
  jobs) shift; gpu_jobs "$@" ;;
  *) echo "usage: experiments/gpu/verify.sh pack | pack-cli | run OUT | ns2d OUT | jobs OUT" >&2; exit 2 ;;
esac
