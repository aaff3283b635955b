using TorchSharp;
using Workbench.Core.Runtime;
using static TorchSharp.torch;

namespace Workbench.Tests.Core;

public sealed class DeviceConstantsTests
{
    [Fact]
    public void Equal_contents_share_one_tensor_holding_those_values()
    {
        var values = new long[] { 7, -3, 1_000_000_007, 0 };
        var first = DeviceConstants.Indices(values, CPU);
        var second = DeviceConstants.Indices([7, -3, 1_000_000_007, 0], CPU);

        Assert.Same(first, second);
        Assert.Equal(ScalarType.Int64, first.dtype);
        Assert.Equal(values, first.data<long>().ToArray());
    }

    [Fact]
    public void Changing_the_array_afterwards_does_not_change_the_constant()
    {
        var values = new long[] { 11, 12, 13, 4_242 };
        var constant = DeviceConstants.Indices(values, CPU);
        values[0] = 99;

        Assert.Equal([11L, 12, 13, 4_242], constant.data<long>().ToArray());
        Assert.NotSame(constant, DeviceConstants.Indices(values, CPU));
    }

    [Fact]
    public void Values_are_cast_from_float64_per_dtype_and_shaped()
    {
        var values = new[] { 0.1, 1.0 / 3, 2.5, -7.25, 1e-9, 3.0 };
        var asDouble = DeviceConstants.Values(values, [2, 3], ScalarType.Float64, CPU);
        var asFloat = DeviceConstants.Values(values, [3, 2], ScalarType.Float32, CPU);

        Assert.Equal([2L, 3], asDouble.shape);
        Assert.Equal(values, asDouble.data<double>().ToArray());
        Assert.Equal([3L, 2], asFloat.shape);
        Assert.Equal(values.Select(v => (float)v), asFloat.data<float>().ToArray());
    }

    [Fact]
    public void A_constant_outlives_the_dispose_scope_it_was_first_asked_in()
    {
        var values = new long[] { 5, 6, 7, 8, 9, 31_337 };
        using (NewDisposeScope()) DeviceConstants.Indices(values, CPU).sum();
        GC.Collect();
        GC.WaitForPendingFinalizers();

        Assert.Equal(31_372L, DeviceConstants.Indices(values, CPU).sum().item<long>());
    }
}
