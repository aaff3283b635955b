using System.Text.Json;
using TorchSharp;
using Workbench.Tests.Spectral;
using static TorchSharp.torch;

namespace Workbench.Tests.Models;

/// <summary>Reads tests/fixtures/models/operator_fixtures.json (written by make_operator_fixtures.py).</summary>
internal static class OperatorFixtures
{
    private static readonly Lazy<JsonDocument> Document =
        new(() => JsonDocument.Parse(File.ReadAllText(FixturePaths.Of("models", "operator_fixtures.json"))));

    public static JsonElement Get(string name) => Document.Value.RootElement.GetProperty(name);

    public static Tensor Input(JsonElement fixture) => SpectralFixtures.Real(fixture.GetProperty("input"));

    public static Tensor Output(JsonElement fixture) => SpectralFixtures.Real(fixture.GetProperty("output"));

    public static JsonElement Config(JsonElement fixture, string name) => fixture.GetProperty("config").GetProperty(name);

    /// <summary>Converts the module to float64 and sets every parameter from the fixture; names and shapes must match one to one.</summary>
    public static T Load<T>(T module, JsonElement fixture) where T : nn.Module
    {
        module.to(ScalarType.Float64);
        var stored = fixture.GetProperty("params").EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
        var parameters = module.named_parameters().ToList();
        Assert.Equal(stored.Keys.Order(), parameters.Select(p => p.name).Order());
        using (no_grad())
        {
            foreach (var (name, parameter) in parameters)
            {
                var value = SpectralFixtures.Real(stored[name]);
                Assert.True(value.shape.SequenceEqual(parameter.shape),
                    $"{name}: fixture shape [{string.Join(", ", value.shape)}], module [{string.Join(", ", parameter.shape)}]");
                parameter.copy_(value);
            }
        }
        return module;
    }
}
