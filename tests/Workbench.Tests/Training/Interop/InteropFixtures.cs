using Workbench.Training.Interop;
using static TorchSharp.torch;

namespace Workbench.Tests.Training.Interop;

/// <summary>The PyTorch-made state dicts and input/output pairs of tests/fixtures/interop (make_fixtures.py).</summary>
internal static class InteropFixtures
{
    public static string Of(string name) => FixturePaths.Of("interop", name);

    public static string Script => Of("make_fixtures.py");

    /// <summary>The tensors of NAME-io.safetensors: "input" and the PyTorch module's outputs.</summary>
    public static StateDict InputsAndOutputs(string kind) => StateDictFile.Read(Of($"{kind}-io.safetensors"));

    public static double MaxAbsDiff(Tensor a, Tensor b)
    {
        Assert.Equal(b.shape, a.shape);
        using var diff = (a - b).abs().max();
        return diff.item<float>();
    }
}
