using TorchSharp;
using Workbench.Core.Errors;
using Workbench.Spectral.Fourier;
using static TorchSharp.torch;

namespace Workbench.Spectral.Pde;

/// <summary>d_t of a trajectory [..., T, H, W] (time at dim -3) by one <see cref="TimeDerivative"/> scheme.</summary>
public static class TimeDerivatives
{
    /// <summary>BDF weights c_j of d_t w_n ~ (1/dt) sum_j c_j w_{n-j}, j = 0..order.</summary>
    private static readonly double[][] BdfWeights =
    [
        [1, -1],
        [1.5, -2, 0.5],
        [11.0 / 6, -3, 1.5, -1.0 / 3],
        [25.0 / 12, -4, 3, -4.0 / 3, 0.25],
    ];

    /// <summary>Frames at the start that have no derivative under <paramref name="scheme"/> (its history).</summary>
    public static int History(TimeDerivative scheme) => scheme == TimeDerivative.Fourier ? 0 : (int)scheme;

    /// <summary>d_t w at frames History(scheme)..T-1: [..., T - History, H, W].</summary>
    public static Tensor Evaluate(Tensor w, double timeStep, TimeDerivative scheme)
    {
        if (w.dim() < 3) throw new WorkbenchException($"time derivative: expected [..., T, H, W], got {TensorAxes.Shape(w)}.");
        if (!(timeStep > 0) || !double.IsFinite(timeStep))
            throw new WorkbenchException($"time derivative: expected a positive time step, got {timeStep}.");
        var frames = w.shape[^3];
        var history = History(scheme);
        if (frames <= history)
            throw new WorkbenchException($"time derivative: {scheme} needs more than {history} frames, got {frames}.");
        return scheme == TimeDerivative.Fourier ? Spectral(w, timeStep) : Backward(w, timeStep, BdfWeights[history - 1]);
    }

    private static Tensor Spectral(Tensor w, double timeStep)
    {
        using var scope = NewDisposeScope();
        var frames = w.shape[^3];
        var frequencies = Wavenumbers.HalfFrequencies(frames, timeStep, ScalarType.Float64, w.device);
        if (frames % 2 == 0) frequencies[frames / 2] = 0.0;
        var symbol = (frequencies * (2 * Math.PI)).to(w.dtype).reshape(-1, 1, 1);
        var spectrum = fft.rfft(w, dim: -3);
        var derivative = spectrum * complex(zeros_like(symbol), symbol);
        return fft.irfft(derivative, n: frames, dim: -3).MoveToOuterDisposeScope();
    }

    private static Tensor Backward(Tensor w, double timeStep, double[] weights)
    {
        using var scope = NewDisposeScope();
        var history = weights.Length - 1;
        var count = w.shape[^3] - history;
        var sum = w.narrow(-3, history, count) * weights[0];
        for (var j = 1; j <= history; j++) sum = sum + w.narrow(-3, history - j, count) * weights[j];
        return sum.div(timeStep).MoveToOuterDisposeScope();
    }
}
