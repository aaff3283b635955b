using TorchSharp;
using static TorchSharp.torch;

namespace Workbench.Tests.Shared;

/// <summary>Gradient and persistence checks shared by the model tests (CPU and CUDA projects).</summary>
internal static class ModelChecks
{
    /// <summary>Autograd gradient of <paramref name="loss"/> w.r.t. a few entries of a float64 parameter vs central differences.</summary>
    public static void AssertParameterGradient(nn.Module module, string name, Func<Tensor> loss, long[] flatIndices,
        double step = 1e-6, double tolerance = 1e-6)
    {
        var parameter = module.named_parameters().Single(p => p.name == name).parameter;
        Assert.Equal(ScalarType.Float64, parameter.dtype);
        module.zero_grad();
        loss().backward();
        var analytic = parameter.grad!.detach().clone().flatten();
        using var _ = no_grad();
        var flat = parameter.view(-1);
        foreach (var i in flatIndices)
        {
            var original = flat[i].item<double>();
            flat[i] = original + step;
            var up = loss().item<double>();
            flat[i] = original - step;
            var down = loss().item<double>();
            flat[i] = original;
            var numeric = (up - down) / (2 * step);
            var error = Math.Abs(numeric - analytic[i].item<double>());
            Assert.True(error <= tolerance * Math.Max(1.0, Math.Abs(numeric)),
                $"{name}[{i}]: autograd {analytic[i].item<double>():E6} vs finite differences {numeric:E6}");
        }
    }

    /// <summary>Saves <paramref name="source"/>, loads into <paramref name="target"/> and checks both give identical outputs.</summary>
    public static void AssertSaveLoadRoundTrip(nn.Module<Tensor, Tensor> source, nn.Module<Tensor, Tensor> target, Tensor x)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)) source.save(writer);
        stream.Position = 0;
        using (var reader = new BinaryReader(stream)) target.load(reader);
        source.eval();
        target.eval();
        using var _ = no_grad();
        var expected = source.forward(x);
        var actual = target.forward(x);
        Assert.True(expected.equal(actual).all().item<bool>(), "outputs differ after a save/load round trip");
        Assert.False(expected.abs().max().to(ScalarType.Float64).item<double>() == 0, "the compared output is all zero");
    }

    /// <summary>
    /// Overwrites every parameter with seeded normal values of the given scale, so a check does not depend on the
    /// global generator's state (which other tests running in parallel move) and cannot land next to a kink by chance.
    /// </summary>
    public static void FillParameters(nn.Module module, long seed, double scale)
    {
        using var generator = new Generator((ulong)seed);
        using var _ = no_grad();
        foreach (var parameter in module.parameters())
            parameter.copy_(scale * randn(parameter.shape, parameter.dtype, generator: generator));
    }

    /// <summary>A fixed float64 weighting so a gradient check does not see a symmetric sum.</summary>
    public static Tensor Weights(long seed, long[] shape)
    {
        using var generator = new Generator((ulong)seed);
        return randn(shape, ScalarType.Float64, generator: generator);
    }
}
