using System.Text;
using System.Text.Json;
using TorchSharp;
using Workbench.Core.Errors;
using Workbench.Models.Operators.Sfno;
using Workbench.Models.Operators.T1;
using Workbench.Tests.Shared;
using Workbench.Tests.Spectral;
using Workbench.Training.Runs;
using static TorchSharp.torch;
using SfnoModel = Workbench.Models.Operators.Sfno.Sfno;

namespace Workbench.Tests.Training.Runs;

/// <summary>Checkpoints written under the first releases' parameter names and SFNO's channel-major layout still load.</summary>
[Collection(TrainingRunCollection.Name)]
public sealed class LegacyCheckpointTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("wb-legacy-checkpoint-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>T1's keys as the first releases wrote them.</summary>
    private static string OldT1Key(string key) => key
        .Replace("channel_mixing", "channelMixing").Replace("row_mixing", "rowMixing").Replace("column_mixing", "columnMixing")
        .Replace("lift.weight", "liftWeight").Replace("lift.bias", "liftBias");

    [Theory]
    [InlineData("layers.2.channelMixing", "layers.2.channel_mixing")]
    [InlineData("liftWeight", "lift.weight")]
    [InlineData("feedForward.0.first.bias", "feed_forward.0.first.bias")]
    [InlineData("spectral.0.weight", "spectral.0.weight")]
    public void OldKeysMapToTheirSnakeCaseNames(string old, string current) => Assert.Equal(current, LegacyModuleState.CurrentKey(old));

    [Fact]
    public void AT1CheckpointWithCamelCaseKeysLoads()
    {
        var options = new T1Options(2, 1, Width: 4, Modes1: 3, Modes2: 3, Layers: 2, HeadWidth: 5);
        var saved = new T1Operator(options);
        ModelChecks.FillParameters(saved, 71, 0.5);
        Assert.Contains(saved.named_parameters(), p => p.name == "layers.1.row_mixing");
        var path = WriteLegacy(saved, OldT1Key, (_, value) => value);
        var loaded = new T1Operator(options);
        Checkpoint.Load(path, loaded, optimizers: []);
        AssertSameParameters(saved, loaded);
    }

    [Fact]
    public void AnSfnoCheckpointWithChannelMajorSpectralWeightsLoadsAndGivesTheSameForecast()
    {
        var options = new SfnoOptions(InputSteps: 3, OutputSteps: 4, Width: 4, Modes1: 2, Modes2: 3, ModesT: 2, LatentSteps: 4, Layers: 2,
            TemporalBases: 1, Expansion: 2, ProjectionWidth: 5, OutputModes1: 3, OutputModes2: 2, OutputModesT: 3);
        var saved = new SfnoModel(options);
        ModelChecks.FillParameters(saved, 72, 0.3);
        // The old layer stored [c_in, c_out, 2 m_x, 2 m_y, m_t, 2]; today's [2 m_x, 2 m_y, m_t, c_in, c_out, 2].
        var path = WriteLegacy(saved, key => key.Replace("feed_forward", "feedForward"), (key, value) => key.EndsWith("weight") && value.dim() == 6 ? value.permute(3, 4, 0, 1, 2, 5) : value);
        var loaded = new SfnoModel(options);
        Checkpoint.Load(path, loaded, optimizers: []);
        AssertSameParameters(saved, loaded);
        var x = GradientCheck.Random(73, 2, 3, 8, 6).to(ScalarType.Float32);
        using (no_grad()) Assert.True(saved.forward(x).equal(loaded.forward(x)).all().item<bool>(), "the forecasts differ");

        using var optimizer = optim.Adam(loaded.parameters());
        var error = Assert.Throws<DataFileException>(() => Checkpoint.Load(path, loaded, [optimizer]));
        Assert.Contains("cannot resume training", error.Message);
    }

    /// <summary>A checkpoint as the first releases wrote it: today's state under <paramref name="oldKey"/>, values through <paramref name="layout"/>.</summary>
    private string WriteLegacy(nn.Module model, Func<string, string> oldKey, Func<string, Tensor, Tensor> layout)
    {
        var path = Path.Combine(_folder, "legacy.ckpt");
        using var stream = File.Create(path);
        using var writer = new BinaryWriter(stream, Encoding.UTF8);
        writer.Write("WBCKPT2");
        writer.Write(JsonSerializer.Serialize(new TrainingState(3, 30, 0.5, 2)));
        writer.Write("{}");
        var state = model.state_dict();
        Assert.True(state.Count < 128, "one LEB128 byte holds the entry count");
        writer.Write((byte)state.Count);
        foreach (var (key, value) in state)
        {
            writer.Write(oldKey(key));
            layout(key, value).contiguous().Save(writer);
        }
        return path;
    }

    private static void AssertSameParameters(nn.Module expected, nn.Module actual)
    {
        var loaded = actual.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        foreach (var (name, parameter) in expected.named_parameters())
            Assert.True(parameter.equal(loaded[name]).all().item<bool>(), $"{name} differs after loading");
    }
}
