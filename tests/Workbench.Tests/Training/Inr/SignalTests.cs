using TorchSharp;
using Workbench.Core.Errors;
using Workbench.Data.Audio;
using Workbench.Data.Images;
using Workbench.Training.Inr;
using static TorchSharp.torch;

namespace Workbench.Tests.Training.Inr;

public sealed class SignalTests
{
    private static RasterImage Ramp(int side, int channels)
    {
        var pixels = new byte[side * side * channels];
        for (var i = 0; i < pixels.Length; i++) pixels[i] = (byte)(i * 37 % 256);
        return new RasterImage(side, side, channels, pixels);
    }

    [Fact]
    public void Images_are_box_averaged_into_minus_one_one_on_a_pixel_centre_grid()
    {
        var image = Ramp(8, 3);
        var signal = ImageSignals.Regression("ramp", image, 4);
        Assert.Equal(new long[] { 16, 2 }, signal.TrainCoordinates.shape);
        Assert.Equal(new long[] { 16, 3 }, signal.TrainValues.shape);
        // Pixel (row 1, column 2), channel 1: the mean of the 2 x 2 block starting at (2, 4).
        double expected = 0;
        foreach (var (r, c) in new[] { (2, 4), (2, 5), (3, 4), (3, 5) }) expected += image.Pixels[(r * 8 + c) * 3 + 1] / 4.0;
        Assert.Equal(expected / 127.5 - 1, signal.TrainValues[1 * 4 + 2, 1].item<float>(), 5);
        AssertClose([-1.0 / 3, 1.0 / 3], signal.TrainCoordinates[1 * 4 + 2]);
        Assert.Throws<WorkbenchException>(() => ImageSignals.Regression("ramp", image, 3));
    }

    [Fact]
    public void Held_out_grid_trains_on_even_pixels_and_scores_odd_ones()
    {
        var full = ImageSignals.Regression("ramp", Ramp(8, 1), 8);
        var split = ImageSignals.HeldOut("ramp", Ramp(8, 1), 8);
        Assert.Equal(16, split.TrainCoordinates.shape[0]);
        Assert.Equal(16, split.TestCoordinates.shape[0]);
        // Train point 5 is pixel (2, 2) = row 2 of the even rows, column 2 of the even columns; test point 5 is pixel (3, 3).
        Assert.True(split.TrainValues[5].equal(full.TrainValues[2 * 8 + 2]).all().item<bool>());
        Assert.True(split.TestValues[5].equal(full.TrainValues[3 * 8 + 3]).all().item<bool>());
        Assert.True(split.TestCoordinates[5].equal(full.TrainCoordinates[3 * 8 + 3]).all().item<bool>());
    }

    [Fact]
    public void Audio_is_normalised_by_its_peak_over_linspace_coordinates()
    {
        var audio = new WavAudio(8000, [[0.1f, -0.5f, 0.25f, 0.2f, 0.9f]]);
        var signal = AudioSignals.Regression("a", audio, 4);
        Assert.Equal(new[] { 0.2f, -1f, 0.5f, 0.4f }, signal.TrainValues.flatten().data<float>().ToArray());
        AssertClose([-1, -1.0 / 3, 1.0 / 3, 1], signal.TrainCoordinates);
    }

    [Fact]
    public void Psnr_and_snr_follow_their_definitions()
    {
        var target = linspace(-1, 1, 100).reshape(-1, 1);
        target = target * 0.5;
        Assert.Equal(10 * Math.Log10(4 / 0.01), SignalMetrics.Psnr(target + 0.1, target), 4);
        var energy = target.square().sum().item<float>();
        Assert.Equal(10 * Math.Log10(energy / (100 * 0.04)), SignalMetrics.Snr(target - 0.2, target), 4);
    }

    private static void AssertClose(double[] expected, Tensor actual)
    {
        var values = actual.flatten().to(ScalarType.Float64).data<double>().ToArray();
        Assert.Equal(expected.Length, values.Length);
        for (var i = 0; i < values.Length; i++) Assert.True(Math.Abs(expected[i] - values[i]) < 1e-6, $"[{i}]: expected {expected[i]}, got {values[i]}");
    }

    [Fact]
    public void Analytic_shapes_have_exact_distances_and_surface_samples()
    {
        var sphere = AnalyticShape.Sphere(0.6);
        var torus = AnalyticShape.Torus(0.55, 0.2);
        var points = tensor(new float[] { 0, 0, 0, 1, 0, 0, 0.55f, 0, 0, 0, 0, 0.5f }, [4, 3]);
        AssertClose([-0.6, 0.4, -0.05, -0.1], sphere.Distance(points));
        AssertClose([0.35, 0.25, -0.2, Math.Sqrt(0.55 * 0.55 + 0.25) - 0.2], torus.Distance(points));
        using var g = new Generator(3);
        Assert.True(torus.Distance(torus.SurfacePoints(500, g)).abs().max().item<float>() < 1e-6);
        Assert.True(sphere.Distance(sphere.SurfacePoints(500, g)).abs().max().item<float>() < 1e-6);
    }

    /// <summary>The exact SDF scores IoU 1; a sphere of radius 0.5 against 0.6 has IoU (5/6)^3 and Chamfer 0.1 + 0.1.</summary>
    [Fact]
    public void Sdf_metrics_on_analytic_predictions()
    {
        var sphere = AnalyticShape.Sphere(0.6);
        var (iou, chamfer) = SdfMetrics.Evaluate(sphere.Distance, sphere, 41, 1000, seed: 1);
        Assert.Equal(1.0, iou, 6);
        Assert.True(chamfer < 0.02, $"Chamfer of the exact SDF {chamfer}");
        var smaller = AnalyticShape.Sphere(0.5);
        (iou, chamfer) = SdfMetrics.Evaluate(smaller.Distance, sphere, 41, 1000, seed: 1);
        Assert.InRange(iou, Math.Pow(5.0 / 6, 3) - 0.02, Math.Pow(5.0 / 6, 3) + 0.02);
        Assert.InRange(chamfer, 0.19, 0.22);
    }
}
