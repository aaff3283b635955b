using TorchSharp;
using Workbench.Models.Operators;
using Workbench.Models.Operators.Afno;
using Workbench.Models.Operators.Fno;
using Workbench.Models.Operators.T1;
using static TorchSharp.torch;

namespace Workbench.Tests.Models.Devices;

/// <summary>
/// Every model must create its tensors with the input's options. On the CPU the dtype is the visible half: a float64
/// input meets any tensor a forward or backward pass creates in the default float32 and the result is promoted or
/// fails. (The meta device cannot stand in for a GPU here: libtorch has no meta kernels for its FFTs.) The device half
/// runs in tests/Workbench.Cuda.Tests on a GPU.
/// </summary>
public class DtypeFollowingTests
{
    public static TheoryData<string> Models() => new(Builders.Keys.Order(StringComparer.Ordinal));

    private static readonly Dictionary<string, (Func<nn.Module<Tensor, Tensor>> Build, long[] Input)> Builders = new()
    {
        ["fno1d"] = (() => new Fno1d(new Fno1dOptions(2, 1, Width: 6, Modes: 4, Layers: 2)), [2, 2, 16]),
        ["fno2d"] = (() => new Fno2d(new Fno2dOptions(2, 1, Width: 6, Modes1: 3, Modes2: 3, Layers: 2)), [2, 2, 12, 10]),
        ["fno3d"] = (() => new Fno3d(new Fno3dOptions(2, 1, Width: 4, Modes1: 2, Modes2: 2, Modes3: 2, Layers: 1, ProjectionWidth: 8)), [1, 2, 8, 8, 6]),
        ["t1-dct"] = (() => new T1Operator(new T1Options(2, 1, Width: 4, Modes1: 4, Modes2: 3, Layers: 2, HeadWidth: 8)), [2, 2, 12, 10]),
        ["t1-dft"] = (() => new T1Operator(new T1Options(2, 1, Width: 4, Modes1: 4, Modes2: 3, Layers: 2, Transform: T1Transform.Dft, HeadWidth: 8)), [2, 2, 12, 10]),
        ["afno"] = (() => new AfnoOperator(new AfnoOptions(2, 1, GridX: 8, GridY: 8, EmbedDim: 8, Depth: 1, Blocks: 2, Patch: 2)), [2, 2, 8, 8]),
        ["afno-mixer-truncated"] = (() => new AfnoMixer(8, blocks: 2, modeFraction: 0.5), [2, 4, 6, 8]),
        ["self-attention"] = (() => new SelfAttentionMixer(8, heads: 2), [2, 24, 8]),
    };

    [Theory]
    [MemberData(nameof(Models))]
    public void Forward_and_backward_keep_the_input_dtype(string name)
    {
        var (build, shape) = Builders[name];
        using var model = build();
        model.to(ScalarType.Float64);
        using var generator = new Generator(5);
        var x = randn(shape, ScalarType.Float64, generator: generator).requires_grad_();
        var y = model.forward(x);
        Assert.Equal(ScalarType.Float64, y.dtype);
        Assert.True(y.isfinite().all().item<bool>());
        y.square().sum().backward();
        Assert.Equal(ScalarType.Float64, x.grad!.dtype);
        Assert.All(model.parameters(), p => Assert.Equal(ScalarType.Float64, p.grad!.dtype));
    }
}
