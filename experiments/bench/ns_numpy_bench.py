"""numpy peer for `workbench bench navier-stokes`: steps/second of the FNO Crank-Nicolson step (float64).

Same recipe and sizes as the C# benchmark: GRF initial fields, forcing 0.1 (sin 2 pi (x+y) + cos 2 pi (x+y)),
nu = 1e-3, dt = 1e-4, explicit advection with 2/3 de-aliasing, rfft2 layout, four inverse and one forward FFT per step.
Prints one JSON object: {"name", "params", "value", "unit"}.

Usage: /usr/bin/python3 ns_numpy_bench.py [--resolution 256] [--batch 20] [--steps 30] [--warmup 3]
"""
import argparse
import json
import time

import numpy as np


def build(s, viscosity, dt):
    kx = 2 * np.pi * np.fft.fftfreq(s, 1.0 / s)[:, None]
    ky = 2 * np.pi * np.fft.rfftfreq(s, 1.0 / s)[None, :]
    lap = kx ** 2 + ky ** 2
    lap[0, 0] = 1.0
    cutoff = 2.0 / 3.0 * (s // 2)
    dealias = ((np.abs(kx / (2 * np.pi)) <= cutoff) & (np.abs(ky / (2 * np.pi)) <= cutoff)).astype(float)
    x = np.arange(s) / s
    phase = 2 * np.pi * (x[:, None] + x[None, :])
    f_hat = np.fft.rfft2(0.1 * (np.sin(phase) + np.cos(phase)))
    half = 0.5 * dt * viscosity * lap

    def step(w_hat):
        psi = w_hat / lap
        u = np.fft.irfft2(1j * ky * psi, s=(s, s))
        v = np.fft.irfft2(-1j * kx * psi, s=(s, s))
        wx = np.fft.irfft2(1j * kx * w_hat, s=(s, s))
        wy = np.fft.irfft2(1j * ky * w_hat, s=(s, s))
        advection = np.fft.rfft2(u * wx + v * wy) * dealias
        return (-dt * advection + dt * f_hat + (1 - half) * w_hat) / (1 + half)

    return step


def initial_fields(s, batch, rng):
    alpha, tau = 2.5, 7.0
    sigma = tau ** ((2 * alpha - 2) / 2)
    k = np.fft.fftfreq(s, 1.0 / s)
    amplitude = s ** 2 * np.sqrt(2.0) * sigma * (4 * np.pi ** 2 * (k[:, None] ** 2 + k[None, :] ** 2) + tau ** 2) ** (-alpha / 2)
    amplitude[0, 0] = 0.0
    xi = (rng.standard_normal((batch, s, s)) + 1j * rng.standard_normal((batch, s, s))) / np.sqrt(2.0)
    return np.fft.ifft2(amplitude * xi).real


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--resolution", type=int, default=256)
    parser.add_argument("--batch", type=int, default=20)
    parser.add_argument("--steps", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=3)
    args = parser.parse_args()
    step = build(args.resolution, 1e-3, 1e-4)
    w_hat = np.fft.rfft2(initial_fields(args.resolution, args.batch, np.random.default_rng(0)))
    for _ in range(args.warmup):
        w_hat = step(w_hat)
    start = time.perf_counter()
    for _ in range(args.steps):
        w_hat = step(w_hat)
    seconds = time.perf_counter() - start
    print(json.dumps(dict(name="navier-stokes-cn-step-numpy",
                          params=dict(resolution=args.resolution, batch=args.batch, steps=args.steps, dtype="float64",
                                      numpy=np.__version__),
                          value=args.steps / seconds, unit="steps/s")))


if __name__ == "__main__":
    main()
