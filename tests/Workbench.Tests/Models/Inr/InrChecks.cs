using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Workbench.Tests.Models.Inr;

/// <summary>Naive references shared by the INR tests: plain loops over a module's weights, no tensor algebra.</summary>
internal static class InrChecks
{
    public static double[,] Matrix(Tensor t)
    {
        var m = t.detach().to(ScalarType.Float64).cpu();
        var (rows, cols) = (m.shape[0], m.dim() == 1 ? 1 : m.shape[1]);
        var data = m.data<double>().ToArray();
        var result = new double[rows, cols];
        for (var r = 0; r < rows; r++)
        for (var c = 0; c < cols; c++) result[r, c] = data[r * cols + c];
        return result;
    }

    /// <summary>W x + b for one input vector, from a Linear layer's stored weights.</summary>
    public static double[] Affine(Linear layer, double[] x)
    {
        var w = Matrix(layer.weight!);
        var b = Matrix(layer.bias!);
        var y = new double[w.GetLength(0)];
        for (var r = 0; r < y.Length; r++)
        {
            y[r] = b[r, 0];
            for (var c = 0; c < x.Length; c++) y[r] += w[r, c] * x[c];
        }
        return y;
    }

    public static Linear Layer(nn.Module module, string prefix)
    {
        var linear = nn.Linear(1, 1);
        var weight = module.named_parameters().Single(p => p.name == prefix + ".weight").parameter;
        var bias = module.named_parameters().Single(p => p.name == prefix + ".bias").parameter;
        linear.weight = new Parameter(weight.detach().clone());
        linear.bias = new Parameter(bias.detach().clone());
        return linear;
    }

    public static double[] Relu(double[] x) => x.Select(v => Math.Max(0, v)).ToArray();

    public static double[] Row(Tensor t, int row) => t[row].detach().to(ScalarType.Float64).cpu().data<double>().ToArray();

    public static void AssertClose(double[] expected, double[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance * Math.Max(1, Math.Abs(expected[i])), $"[{i}]: expected {expected[i]:R}, got {actual[i]:R}");
    }

    public static Generator Seeded(ulong seed) => new(seed);
}
