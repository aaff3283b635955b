using System.Text.Json;
using Workbench.Data.Generators.NavierStokes;
using Workbench.Spectral.Pde;
using static TorchSharp.torch;

namespace Workbench.Tests.Data.NavierStokes;

/// <summary>
/// Compares sample statistics of our generator with tests/fixtures/navier-stokes/ns_numpy.py, an independent numpy
/// implementation of the recipe run on its own random stream: means must agree within 4 combined standard errors.
/// </summary>
public sealed class NumpyStatisticsTests
{
    private const int Samples = 24;

    [Fact]
    public void Enstrophy_energy_and_spectrum_shape_match_the_numpy_recipe()
    {
        using var scope = NewDisposeScope();
        using var fixture = JsonDocument.Parse(File.ReadAllText(FlowFields.FixturePath("ns_statistics.json")));
        var root = fixture.RootElement;
        var config = root.GetProperty("config");
        var options = new NavierStokesOptions
        {
            Viscosity = config.GetProperty("viscosity").GetDouble(),
            SolverResolution = config.GetProperty("solver_resolution").GetInt32(),
            OutputResolution = config.GetProperty("output_resolution").GetInt32(),
            TimeStep = config.GetProperty("time_step").GetDouble(),
            Horizon = config.GetProperty("horizon").GetDouble(),
            RecordEvery = config.GetProperty("horizon").GetDouble(),
            BatchSize = Samples,
        };
        var referenceSamples = config.GetProperty("samples").GetInt32();
        var trajectories = NavierStokesGenerator.Simulate(options, 2024, Enumerable.Range(0, Samples).Select(i => (long)i).ToArray());
        Compare(root.GetProperty("initial"), trajectories.select(1, 0), referenceSamples, "t = 0");
        Compare(root.GetProperty("final"), trajectories.select(1, -1), referenceSamples, "t = T");
    }

    private static void Compare(JsonElement reference, Tensor fields, int referenceSamples, string when)
    {
        var spectrum = FlowStatistics.RadialEnergySpectrum(fields, 1.0);
        var shape = spectrum / spectrum.sum(1, keepdim: true);
        Check(reference.GetProperty("enstrophy"), FlowStatistics.Enstrophy(fields), referenceSamples, $"enstrophy at {when}");
        Check(reference.GetProperty("energy"), FlowStatistics.KineticEnergy(fields, 1.0), referenceSamples, $"energy at {when}");
        for (var shell = 1; shell <= 6; shell++)
            Check(reference.GetProperty("spectrum_shape"), shape.select(1, shell), referenceSamples, $"spectrum shell {shell} at {when}", shell);
    }

    private static void Check(JsonElement summary, Tensor values, int referenceSamples, string what, int? entry = null)
    {
        double Read(string name) => entry is { } e ? summary.GetProperty(name)[e].GetDouble() : summary.GetProperty(name).GetDouble();
        var referenceMean = Read("mean");
        var referenceStd = Read("std");
        var mean = values.mean().item<double>();
        var std = values.std().item<double>();
        var standardError = Math.Sqrt(referenceStd * referenceStd / referenceSamples + std * std / values.shape[0]);
        Assert.True(Math.Abs(mean - referenceMean) <= 4 * standardError,
            $"{what}: ours {mean:G6} +- {std:G3}, numpy {referenceMean:G6} +- {referenceStd:G3} (4 SE = {4 * standardError:G3})");
    }
}
