using TorchSharp;
using static TorchSharp.torch;

namespace Workbench.Tests.Core;

/// <summary>float32 convolutions agree with a float64 unfold-and-multiply reference (see OneDnnIsa for why they may not).</summary>
public class ConvolutionAccuracyTests
{
    [Theory]
    [InlineData(3, 1, 1)]
    [InlineData(5, 2, 2)]
    [InlineData(3, 2, 1)]
    public void Float32_convolution_matches_a_float64_reference(int kernel, int padding, int dilation)
    {
        using var scope = NewDisposeScope();
        var generator = new Generator(7);
        var x = rand(new long[] { 2, 25, 32, 32 }, generator: generator);
        var w = randn(new long[] { 8, 25, kernel, kernel }, generator: generator) * 0.1;
        var y = nn.functional.conv2d(x, w, padding: [padding, padding], dilation: [dilation, dilation]).to(float64);
        var columns = nn.functional.unfold(x.to(float64), (kernel, kernel), dilation: (dilation, dilation), padding: (padding, padding));
        var reference = w.to(float64).view(8, -1).matmul(columns).view(y.shape);
        var error = (y - reference).abs().max().item<double>();
        var scale = reference.abs().max().item<double>();
        Assert.True(error <= 1e-5 * scale, $"max error {error:E2} against a reference of magnitude {scale:F2}");
    }
}
