using TorchSharp;
using Workbench.Core.Errors;
using Workbench.Spectral.Fourier;
using static TorchSharp.torch;
using static Workbench.Tests.Spectral.SpectralFixtures;

namespace Workbench.Tests.Spectral;

public class LowPassModesTests
{
    /// <summary>Reference: a full-axis mode with signed wavenumber f is kept iff -m &lt;= f &lt;= m-1; a half-axis one iff f &lt; m.</summary>
    private static bool Kept(long[] index, long[] shape, long[] modes, bool lastHalf)
    {
        for (var i = 0; i < shape.Length; i++)
        {
            var half = lastHalf && i == shape.Length - 1;
            var f = half || index[i] < (shape[i] + 1) / 2 ? index[i] : index[i] - shape[i];
            if (half ? f >= modes[i] : f < -modes[i] || f > modes[i] - 1) return false;
        }
        return true;
    }

    [Theory]
    [InlineData(new long[] { 11 }, false)]
    [InlineData(new long[] { 16, 9 }, true)]
    [InlineData(new long[] { 16, 15 }, false)]
    [InlineData(new long[] { 8, 7, 5 }, true)]
    public void FractionBelowOneZeroesExactlyTheModesOutsideTheKeptSetIncludingNegativeOnes(long[] spectrumShape, bool lastHalf)
    {
        var modes = LowPassModes.FromFraction(spectrumShape, 0.5, lastHalf);
        var spectrum = complex(GradientCheck.Random(1, new[] { 2L }.Concat(spectrumShape).ToArray()), GradientCheck.Random(2, new[] { 2L }.Concat(spectrumShape).ToArray()));
        var dims = Enumerable.Range(1, spectrumShape.Length).Select(i => (long)i).ToArray();
        var filtered = LowPassModes.Apply(spectrum, dims, modes, lastHalf);
        var mask = LowPassModes.Mask(spectrumShape, modes, lastHalf, CPU);

        var total = spectrumShape.Aggregate(1L, (a, b) => a * b);
        long keptCount = 0, negativeKept = 0;
        for (long flat = 0; flat < total; flat++)
        {
            var index = new long[spectrumShape.Length];
            var rest = flat;
            for (var i = spectrumShape.Length - 1; i >= 0; i--) { index[i] = rest % spectrumShape[i]; rest /= spectrumShape[i]; }
            var kept = Kept(index, spectrumShape, modes, lastHalf);
            var at = index.Select(i => TensorIndex.Single(i)).ToArray();
            Assert.Equal(kept, mask[at].item<bool>());
            var tail = new[] { TensorIndex.Colon }.Concat(at).ToArray();
            var value = filtered[tail];
            if (kept)
            {
                Assert.True(value.equal(spectrum[tail]).all().item<bool>());
                keptCount++;
                if (index[0] >= (spectrumShape[0] + 1) / 2) negativeKept++;
            }
            else Assert.Equal(0.0, value.abs().max().item<double>());
        }
        Assert.True(keptCount > 0 && keptCount < total);
        Assert.True(negativeKept > 0, "no mode with a negative first-axis wavenumber was kept");
    }

    [Fact]
    public void FractionOneKeepsEverything()
    {
        foreach (var (shape, half) in new[] { (new long[] { 9, 5 }, true), (new long[] { 7, 8, 6 }, false) })
        {
            var modes = LowPassModes.FromFraction(shape, 1.0, half);
            Assert.True(LowPassModes.Mask(shape, modes, half, CPU).all().item<bool>());
        }
    }

    [Fact]
    public void LowPassThroughRfft2RemovesHighModesAndKeepsLowOnes()
    {
        const int n = 32;
        var x = arange(n, ScalarType.Float64).div(n);
        var xx = x.unsqueeze(1);
        var yy = x.unsqueeze(0);
        var low = cos(2 * Math.PI * (2 * xx + 3 * yy)) + 0.5 * sin(2 * Math.PI * (-3 * xx + yy)) + 0.25;
        var high = cos(2 * Math.PI * (13 * xx - 2 * yy)) + sin(2 * Math.PI * (xx + 12 * yy));
        var field = (low + high).unsqueeze(0);
        var spectrum = fft.rfft2(field);
        var modes = LowPassModes.FromFraction(new long[] { n, n / 2 + 1 }, 0.5, lastAxisHalf: true);
        Assert.Equal(new long[] { 8, 9 }, modes);
        var filtered = fft.irfft2(LowPassModes.Apply(spectrum, new long[] { -2, -1 }, modes, true), s: new long[] { n, n });
        AssertClose(low.unsqueeze(0), filtered, 1e-12);
    }

    [Fact]
    public void GatherScatterMovesTheCornerBlocksBetweenGridSizes()
    {
        var spectrum = complex(GradientCheck.Random(3, 2, 12, 7), GradientCheck.Random(4, 2, 12, 7));
        var modes = new long[] { 3, 4 };
        var dims = new long[] { 1, 2 };
        var block = LowPassModes.Gather(spectrum, dims, modes, lastAxisHalf: true);
        Assert.Equal(new long[] { 2, 6, 4 }, block.shape);
        AssertClose(LowPassModes.Apply(spectrum, dims, modes, true), LowPassModes.Scatter(block, dims, new long[] { 12, 7 }, true), 0);

        var larger = LowPassModes.Scatter(block, dims, new long[] { 20, 11 }, true);
        Assert.Equal(new long[] { 2, 20, 11 }, larger.shape);
        AssertClose(spectrum[.., 10, 2], larger[.., 18, 2], 0);
        AssertClose(spectrum[.., 1, 3], larger[.., 1, 3], 0);
        Assert.Equal(0.0, larger[.., 3..17].abs().max().item<double>());
        Assert.Equal(0.0, larger[.., .., 4..].abs().max().item<double>());
        AssertClose(block, LowPassModes.Gather(larger, dims, modes, true), 0);

        var set = ModeIndexSet.LowPass(modes, lastAxisHalf: true);
        Assert.Equal(24, set.Count);
        AssertClose(LowPassModes.Apply(spectrum, dims, modes, true), set.Scatter(set.Gather(spectrum), new long[] { 12, 7 }), 0);
    }

    [Fact]
    public void OverlappingCornersAndTooManyModesAreRejected()
    {
        var spectrum = zeros(new long[] { 7, 4 }, ScalarType.ComplexFloat32);
        Assert.Throws<ArgumentException>(() => LowPassModes.Gather(spectrum, new long[] { 0, 1 }, new long[] { 4, 2 }, true));
        Assert.Throws<ArgumentException>(() => LowPassModes.Mask(new long[] { 7, 4 }, new long[] { 2, 5 }, true, CPU));
        Assert.Throws<ArgumentException>(() => LowPassModes.FromFraction(new long[] { 7 }, 0, false));
    }
}
