#!/usr/bin/python3
"""Times h5py reading one dataset front to back in batches of whole samples, the way
Workbench.Data.Hdf5.Hdf5ReadBenchmark reads it, so `workbench bench io` can report the ratio.
Prints one JSON object; MB/s counts 10^6 bytes of float32 output per second, best of --passes.
Usage: io_h5py.py FILE [--dataset /inputs] [--batch 32] [--passes 3]"""
import argparse
import json
import time

import h5py
import numpy as np


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--dataset", default="/inputs")
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--passes", type=int, default=3)
    args = parser.parse_args()

    with h5py.File(args.file, "r", rdcc_nbytes=64 << 20) as f:
        dataset = f[args.dataset]
        n = dataset.shape[0]
        per_sample = int(np.prod(dataset.shape[1:]))
        buffer = np.empty((args.batch,) + dataset.shape[1:], dtype=np.float32)
        best = float("inf")
        for _ in range(args.passes):
            start_time = time.perf_counter()
            for start in range(0, n, args.batch):
                count = min(args.batch, n - start)
                dataset.read_direct(buffer, np.s_[start:start + count], np.s_[0:count])
            best = min(best, time.perf_counter() - start_time)
    total = n * per_sample * 4
    print(json.dumps({"peer": "h5py " + h5py.__version__, "file": args.file, "dataset": args.dataset,
                      "batch": args.batch, "bytes": total, "seconds": best, "mb_per_s": total / 1e6 / best}))


if __name__ == "__main__":
    main()
