using TorchSharp;
using Workbench.Core.Runtime;
using Workbench.Data.Sources;

namespace Workbench.Data.Generators;

/// <summary>
/// The built-in tiny operator-learning task: a random periodic field u0 on [0, 1) and its heat-equation solution
/// u(., t) = exp(t nu d_xx) u0. Both are closed-form Fourier series, so targets are exact; the operator is diagonal
/// in Fourier space (mode k is damped by exp(-4 pi^2 k^2 nu t)), which a spectral model can represent exactly.
/// Sample j depends only on (seed, j).
/// </summary>
public sealed record HeatSmoothing1dOptions(int Samples = 256, int Resolution = 64, int Modes = 8, double Viscosity = 0.01, double Time = 0.1);

public static class HeatSmoothing1d
{
    public static (double[] Input, double[] Target) Sample(HeatSmoothing1dOptions options, long seed, long index)
    {
        var gaussian = new GaussianStream(Determinism.ManagedRandom(seed, $"heat-smoothing-1d:{index}"));
        var n = options.Resolution;
        var input = new double[n];
        var target = new double[n];
        for (var k = 1; k <= options.Modes; k++)
        {
            var a = gaussian.Next() / k;
            var b = gaussian.Next() / k;
            var damping = Math.Exp(-4 * Math.PI * Math.PI * k * k * options.Viscosity * options.Time);
            for (var i = 0; i < n; i++)
            {
                var phase = 2 * Math.PI * k * i / n;
                var value = a * Math.Cos(phase) + b * Math.Sin(phase);
                input[i] += value;
                target[i] += damping * value;
            }
        }
        return (input, target);
    }

    /// <summary>All samples as an in-memory source with shapes [N, 1, resolution].</summary>
    public static InMemorySource Generate(HeatSmoothing1dOptions options, long seed)
    {
        var inputs = new float[options.Samples * options.Resolution];
        var targets = new float[options.Samples * options.Resolution];
        for (var j = 0; j < options.Samples; j++)
        {
            var (input, target) = Sample(options, seed, j);
            for (var i = 0; i < options.Resolution; i++)
            {
                inputs[j * options.Resolution + i] = (float)input[i];
                targets[j * options.Resolution + i] = (float)target[i];
            }
        }
        long[] shape = [options.Samples, 1, options.Resolution];
        return new InMemorySource(torch.tensor(inputs, shape), torch.tensor(targets, shape), $"heat-smoothing-1d (seed {seed})");
    }
}
