using Workbench.Core.Errors;
using Workbench.Models.Operators.Fno;
using Workbench.Training.Config;

namespace Workbench.Tests.Training;

public class ExperimentConfigTests
{
    private const string Valid = """
        {
          "name": "t",
          "model": { "kind": "fno1d", "width": 8, "modes": 4, "layers": 1 },
          "data": { "builtin": "heat-smoothing-1d", "samples": 32, "train": "0:24", "validation": "24:32" },
          "optimizer": { "kind": "adam_w", "lr": 0.01, "weight_decay": 0.0001 },
          "schedule": { "kind": "one_cycle" },
          "epochs": 3
        }
        """;

    [Fact]
    public void ValidConfigParsesWithDefaultsAndRoundTrips()
    {
        var config = ExperimentConfigLoader.Parse(Valid, "t.json");
        var model = Assert.IsType<FnoOptions>(config.Model);
        Assert.Equal((8, 1, 1, 32), (model.Width, model.Layers, model.InChannels, model.ProjectionWidth));
        Assert.Equal([4], model.Modes);
        Assert.Equal(OptimizerKind.AdamW, config.Optimizer.Kind);
        Assert.Equal(ScheduleKind.OneCycle, config.Schedule.Kind);
        Assert.Equal(16, config.BatchSize);
        Assert.Equal("24:32", config.Data.Validation);

        var again = ExperimentConfigLoader.Parse(ExperimentConfigLoader.Serialize(config), "again");
        Assert.Equal(ExperimentConfigLoader.Serialize(config), ExperimentConfigLoader.Serialize(again));
    }

    [Theory]
    [InlineData("\"epochs\": 3", "\"epochs\": -1", "t.json: epochs: expected a positive integer, got -1")]
    [InlineData("\"epochs\": 3", "\"epochs\": 3, \"epochz\": 4", "t.json: unknown field 'epochz'")]
    [InlineData("\"layers\": 1", "\"layers\": 1, \"depth\": 2", "t.json: unknown field 'model.depth'")]
    [InlineData("\"lr\": 0.01", "\"lr\": -0.01", "t.json: optimizer.lr: expected a positive number, got -0.01")]
    [InlineData("\"kind\": \"fno1d\"", "\"kind\": \"unet9000\"", "t.json: model: unknown model kind 'unet9000' (known: fno1d, fno2d, fno3d, t1, afno")]
    [InlineData("\"modes\": 4", "\"modes\": [4, 4]", "t.json: model: modes: fno1d expects 1 mode counts, got 2")]
    [InlineData("\"width\": 8", "\"width\": \"eight\"", "t.json: model.width: ")]
    [InlineData("\"kind\": \"fno1d\", ", "", "t.json: model: missing 'kind'")]
    [InlineData("\"kind\": \"adam_w\"", "\"kind\": \"adamax\"", "t.json: optimizer.kind")]
    [InlineData("\"epochs\": 3", "\"epochs\": \"three\"", "t.json: epochs")]
    [InlineData("\"epochs\": 3", "\"epochs\": 3, \"loss\": \"quantile\", \"quantile\": 1", "t.json: quantile: expected a number strictly between 0 and 1, got 1")]
    public void BadConfigsNameTheField(string find, string replace, string expectedStart)
    {
        var text = Valid.Replace(find, replace);
        Assert.NotEqual(Valid, text);
        var error = Assert.Throws<ConfigException>(() => ExperimentConfigLoader.Parse(text, "t.json"));
        Assert.StartsWith(expectedStart, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void MissingRequiredFieldIsNamed()
    {
        var text = Valid.Replace("\"name\": \"t\",", "");
        var error = Assert.Throws<ConfigException>(() => ExperimentConfigLoader.Parse(text, "t.json"));
        Assert.Contains("name", error.Message);
    }

    [Fact]
    public void MalformedJsonIsOneLineError()
    {
        var error = Assert.Throws<ConfigException>(() => ExperimentConfigLoader.Parse("{ \"name\": ", "t.json"));
        Assert.StartsWith("t.json: ", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }
}
