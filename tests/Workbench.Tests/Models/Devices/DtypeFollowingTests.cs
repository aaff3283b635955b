using TorchSharp;
using Workbench.Tests.Shared;
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
    [Theory]
    [MemberData(nameof(SmallOperators.Names), MemberType = typeof(SmallOperators))]
    public void Forward_and_backward_keep_the_input_dtype(string name)
    {
        var (build, shape) = SmallOperators.All[name];
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
