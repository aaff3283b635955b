using System.Text.Json;
using System.Text.Json.Nodes;
using Workbench.Models.Nowcasting.UNet;
using Workbench.Models.Nowcasting.Wadepre;
using Workbench.Models.Operators.Afno;
using Workbench.Models.Operators.Fno;
using Workbench.Models.Operators.Sfno;
using Workbench.Models.Operators.T1;
using Workbench.Models.Specs;
using Workbench.Training.Config;

namespace Workbench.Tests.Models.Specs;

/// <summary>The options records are the model JSON: each kind reads into its record, writes back with kind first, and the
/// fields of older configs read into the same record as their current form.</summary>
public sealed class ModelSpecJsonTests
{
    private static ModelSpec Read(string json) => JsonSerializer.Deserialize<ModelSpec>(json, ExperimentConfigLoader.Json)!;

    private static readonly ModelSpec[] Specs =
    [
        new FnoOptions(2, 1, [7]),
        new FnoOptions(3, 2, [5, 4], Width: 6, Init: FnoInit.VariancePreserving, InitGrid: [32, 16]),
        new FnoOptions(1, 1, [3, 3, 2], BatchNorm: true),
        new T1Options(InChannels: 10, Modes1: 12, Selection: ModeSelectionKind.Energy, Transform: T1Transform.Dft),
        new AfnoOptions(GridX: 32, GridY: 16, ModeFraction: 0.5),
        new SfnoOptions(ModesT: 3, TemporalPadding: false),
        new WadepreOptions(ZnccStart: 0.3, ZnccEnd: 0.3, Wavelet: "db2"),
        new UNetOptions(Width: 8, Depth: 2),
    ];

    public static TheoryData<ModelSpec> OneOfEachKind() => new(Specs);

    [Theory]
    [MemberData(nameof(OneOfEachKind))]
    public void EveryKindRoundTripsWithItsKindFirst(ModelSpec spec)
    {
        var json = JsonSerializer.Serialize(spec, ExperimentConfigLoader.Json);
        var node = JsonNode.Parse(json)!.AsObject();
        Assert.Equal("kind", node.First().Key);
        Assert.Equal(spec.Kind, node["kind"]!.GetValue<string>());
        Assert.Contains(spec.Kind, ModelRegistry.Kinds);
        var again = Read(json);
        Assert.Equal(spec.GetType(), again.GetType());
        Assert.Equal(spec, again);
        Assert.Equal(json, JsonSerializer.Serialize(again, ExperimentConfigLoader.Json));
    }

    [Fact]
    public void TheRegistryCoversEveryKindOnce()
    {
        Assert.Equal(ModelRegistry.Kinds.Count, ModelRegistry.Kinds.Distinct().Count());
        Assert.Equal(Specs.Select(spec => spec.Kind).Order(), ModelRegistry.Kinds.Order());
    }

    [Fact]
    public void DerivedPropertiesAreNotWritten()
    {
        var json = JsonSerializer.Serialize<ModelSpec>(new FnoOptions(1, 1, [4, 4]), ExperimentConfigLoader.Json);
        foreach (var name in new[] { "dims", "name", "resolved_init_grid", "schedule" }) Assert.DoesNotContain($"\"{name}\"", json);
        Assert.Contains("\"modes\": [\n    4,\n    4\n  ]", json.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("""{ "kind": "fno2d", "modes1": 8, "modes2": 6, "init_resolution": 32, "width": 16 }""",
        """{ "kind": "fno2d", "modes": [8, 6], "init_grid": [32, 32], "width": 16 }""")]
    [InlineData("""{ "kind": "fno2d" }""", """{ "kind": "fno2d", "modes": [12, 12] }""")]
    [InlineData("""{ "kind": "fno1d", "width": 8, "modes": 4 }""", """{ "kind": "fno1d", "width": 8, "modes": [4], "projection_width": 32 }""")]
    [InlineData("""{ "kind": "fno1d" }""", """{ "kind": "fno1d", "modes": [16], "projection_width": 128 }""")]
    [InlineData("""{ "kind": "afno", "grid": 32, "patch": 8 }""", """{ "kind": "afno", "grid_x": 32, "grid_y": 32, "patch": 8 }""")]
    public void OlderFieldsReadAsTheirCurrentForm(string older, string current) => Assert.Equal(Read(current), Read(older));

    [Fact]
    public void AnOlderFno2dConfigBuildsTheModelItAlwaysBuilt()
    {
        var spec = Assert.IsType<FnoOptions>(Read("""{ "kind": "fno2d", "in_channels": 10, "modes1": 8, "modes2": 6, "width": 20, "init_resolution": 48 }"""));
        Assert.Equal(new FnoOptions(10, 1, [8, 6], Width: 20, InitGrid: [48, 48]), spec);
        using var model = (FnoOperator)spec.Build(null);
        Assert.Equal(spec, model.Options);
    }

    [Theory]
    [InlineData("""{ "kind": "fno3d", "modes": [4, 4] }""", "modes: fno3d expects 3 mode counts, got 2")]
    [InlineData("""{ "kind": "fno2d", "modes": [4, 4], "modes1": 3 }""", "modes1")]
    [InlineData("""{ "kind": "t1", "modes": 4 }""", "'modes'")]
    [InlineData("""{ "width": 4 }""", "missing 'kind'")]
    [InlineData("""{ "kind": "fno3d" }""", "modes: fno3d expects 3 mode counts, got none")]
    public void BadSpecsAreJsonErrors(string json, string expected) =>
        Assert.Contains(expected, Assert.ThrowsAny<JsonException>(() => Read(json)).Message);

    [Theory]
    [InlineData("""{ "kind": "fno2d", "modes": [0, 4] }""", "modes: expected positive mode counts, got [0, 4]")]
    [InlineData("""{ "kind": "afno", "embed_dim": 12, "blocks": 8 }""", "embed_dim: 12 is not divisible by blocks = 8")]
    [InlineData("""{ "kind": "wadepre", "wavelet": "db99" }""", "wavelet: unknown wavelet 'db99'")]
    [InlineData("""{ "kind": "unet_nowcast", "width": 6, "groups": 4 }""", "width: 6 is not divisible by groups = 4")]
    [InlineData("""{ "kind": "t1", "head_width": 0 }""", "head_width: expected a positive integer, got 0")]
    public void OutOfRangeOptionsAreProblemsAndModelsRefuseThem(string json, string expected)
    {
        var spec = Read(json);
        Assert.Equal(expected, spec.Problems().First());
        var error = Assert.ThrowsAny<Workbench.Core.Errors.WorkbenchException>(() => spec.Build(null).Dispose());
        Assert.Equal($"{spec.Kind}: {expected}", error.Message);
    }
}
