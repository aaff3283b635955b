using Workbench.Data.Generators.Radar;
using Workbench.Data.Hdf5;
using Workbench.Data.Sources;
using Workbench.Spectral.Pde;
using Workbench.Training.Metrics.Nowcasting;
using static TorchSharp.torch;

namespace Workbench.Tests.Data.Radar;

public sealed class RadarGeneratorTests
{
    private static readonly RadarOptions Quick = new() { Resolution = 64, WarmupFrames = 4 };

    [Fact]
    public void VilEncodingInvertsSevirsDecoding()
    {
        var pixels = arange(0, 256, float64);
        var vil = tensor(Enumerable.Range(0, 256).Select(p => VilScale.ToVil(p)).ToArray(), float64);
        var expected = where(pixels <= 5, zeros_like(pixels), pixels);
        Assert.True(VilScale.ToPixels(vil).equal(expected).all().item<bool>());
        Assert.Equal(Math.Exp((219 - 83.9) / 38.9), VilScale.ToVil(219), 12);
        Assert.Equal((16 - 2) / 90.66, VilScale.ToVil(16), 12);
    }

    [Fact]
    public void SamplesAreReproducibleIntegerVilFrames()
    {
        var first = RadarGenerator.Sequence(Quick, 7, 3).Frames;
        var again = RadarGenerator.Sequence(Quick, 7, 3).Frames;
        var other = RadarGenerator.Sequence(Quick, 7, 4).Frames;
        Assert.Equal(new long[] { 12, 64, 64 }, first.shape);
        Assert.True(first.equal(again).all().item<bool>());
        Assert.False(first.equal(other).all().item<bool>());
        Assert.True(first.equal(first.round()).all().item<bool>());
        Assert.InRange(first.min().item<double>(), 0, 0);
        Assert.InRange(first.max().item<double>(), 100, 255);
    }

    [Fact]
    public void AFileHoldsTheSequencesOfTheirIndexesInOrder()
    {
        using var folder = new TempFolder();
        var path = folder.File("radar.h5");
        var options = Quick with { Resolution = 32 };
        RadarDatasets.Write(path, options, 5, 4);
        using var source = new Hdf5SampleSource(path, new DatasetReaderOptions());
        foreach (var index in new long[] { 0, 1, 3 })
        {
            var (inputs, targets) = source.Load([index]);
            var (expectedInputs, expectedTargets) = RadarGenerator.Sample(options, 5, index);
            Assert.Equal(expectedInputs, inputs.flatten().data<float>().ToArray());
            Assert.Equal(expectedTargets, targets.flatten().data<float>().ToArray());
        }
    }

    /// <summary>With growth off, each frame is the previous one transported: extrapolating the last input frame along the
    /// true velocity must reproduce the targets away from the inflow borders.</summary>
    [Fact]
    public void FrozenWeatherIsExtrapolatedAlmostExactlyWithTheTrueVelocity()
    {
        var options = Quick with { Growth = false };
        var border = 14;
        var verification = new NowcastVerification(options.TargetFrames);
        for (var index = 0; index < 2; index++)
        {
            var sequence = RadarGenerator.Sequence(options, 11, index);
            var last = sequence.Frames[options.InputFrames - 1].reshape(1, 1, 64, 64);
            var departures = SemiLagrangian.Departures(sequence.Velocity, options.TargetFrames);
            var forecast = SemiLagrangian.Sample(last.expand(options.TargetFrames, 1, 64, 64), departures).squeeze(1);
            var truth = sequence.Frames.narrow(0, options.InputFrames, options.TargetFrames);
            Tensor Inner(Tensor t) => t.narrow(1, border, 64 - 2 * border).narrow(2, border, 64 - 2 * border).unsqueeze(0);
            verification.Add(Inner(forecast), Inner(truth));
        }
        var scores = verification.Scores()[options.TargetFrames].Values;
        Assert.True(scores["csi_16"] > 0.95, $"CSI-16 at the last lead {scores["csi_16"]:F3}");
        Assert.True(scores["csi_74"] > 0.9, $"CSI-74 at the last lead {scores["csi_74"]:F3}");
    }
}
