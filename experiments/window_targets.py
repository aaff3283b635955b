#!/usr/bin/python3
"""Keeps the first K target frames of a generated trajectory dataset (inputs, provenance and layout unchanged).

usage: /usr/bin/python3 experiments/window_targets.py IN.h5 K OUT.h5
The McWilliams study generates 10 -> 40 frames once and trains on 10 -> 10, the Spectral-Refiner paper's window.
"""
import json
import os
import sys

import h5py


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__.strip().splitlines()[2])
    source, keep, target = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    tmp = target + ".tmp"
    with h5py.File(source, "r") as src, h5py.File(tmp, "w") as dst:
        frames = src["targets"].shape[1]
        if not 0 < keep <= frames:
            sys.exit(f"window_targets.py: K must be in 1..{frames}, got {keep}")
        dst.create_dataset("inputs", data=src["inputs"][:], chunks=src["inputs"].chunks)
        targets = src["targets"][:, :keep]
        dst.create_dataset("targets", data=targets, chunks=(1,) + targets.shape[1:])
        dst.create_dataset("time", data=src["time"][:keep])
        for name, value in src.attrs.items():
            dst.attrs[name] = value
        parameters = json.loads(src.attrs["parameters"])
        parameters["target_frames_kept"] = keep
        dst.attrs["parameters"] = json.dumps(parameters)
    os.replace(tmp, target)
    print(f"wrote {target}: {keep} of {frames} target frames")


if __name__ == "__main__":
    main()
