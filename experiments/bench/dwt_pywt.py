"""Peer timing for `workbench bench transforms`: pywt.wavedec2 + pywt.waverec2 on a float32 batch.

Run with /usr/bin/python3 (Debian's, which has numpy and pywt):
    /usr/bin/python3 experiments/bench/dwt_pywt.py [--input FILE.f32] [--shape 8,64,256,256] [--levels 3]
        [--configs db2:reflect,db2:periodization,bior2.4:reflect,bior2.4:periodization] [--repeats 3]
--input is the workbench's own benchmark array as raw little-endian float32 in C order (same shape); without it a
standard normal array is drawn. Prints one JSON object per line with the fields of a bench result row
(name, params, value, unit), value being the best wall time in ms over the repeats after one warm-up run, as the
workbench measures (pywt runs on one thread).
"""
import argparse
import json
import time

import numpy as np
import pywt

NAME = "dwt2_forward_inverse"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--input", help="raw little-endian float32 array in C order")
    parser.add_argument("--shape", default="8,64,256,256")
    parser.add_argument("--levels", type=int, default=3)
    parser.add_argument("--configs", default="db2:reflect,db2:periodization,bior2.4:reflect,bior2.4:periodization")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    return parser.parse_args()


def load(args, shape):
    if args.input:
        x = np.fromfile(args.input, dtype="<f4")
        if x.size != np.prod(shape):
            raise SystemExit(f"--input: expected {np.prod(shape)} float32 values for shape {shape}, got {x.size}")
        return x.reshape(shape)
    return np.random.default_rng(args.seed).standard_normal(shape, dtype=np.float32)


def run_once(x, wavelet, mode, levels):
    coeffs = pywt.wavedec2(x, wavelet, mode=mode, level=levels, axes=(-2, -1))
    return pywt.waverec2(coeffs, wavelet, mode=mode, axes=(-2, -1))


def main():
    args = parse_args()
    shape = tuple(int(n) for n in args.shape.split(","))
    x = load(args, shape)
    for config in args.configs.split(","):
        wavelet, mode = config.split(":")
        y = run_once(x, wavelet, mode, args.levels)
        assert y.dtype == np.float32, "pywt should stay in float32"
        times = []
        for _ in range(args.repeats):
            start = time.perf_counter()
            run_once(x, wavelet, mode, args.levels)
            times.append((time.perf_counter() - start) * 1000.0)
        print(json.dumps({
            "name": NAME,
            "params": {"wavelet": wavelet, "mode": mode, "levels": args.levels, "shape": "x".join(map(str, shape)),
                       "dtype": "float32", "threads": 1, "repeats": args.repeats},
            "value": min(times),
            "unit": "ms",
            "peer": f"pywt {pywt.__version__}",
        }), flush=True)


if __name__ == "__main__":
    main()
