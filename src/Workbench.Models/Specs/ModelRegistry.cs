using System.Text.Json;
using System.Text.Json.Nodes;
using Workbench.Models.Nowcasting.UNet;
using Workbench.Models.Nowcasting.Wadepre;
using Workbench.Models.Operators.Afno;
using Workbench.Models.Operators.Fno;
using Workbench.Models.Operators.Sfno;
using Workbench.Models.Operators.T1;

namespace Workbench.Models.Specs;

/// <summary>
/// The one map from a config's <c>kind</c> to the options record that builds the model. <c>Upgrade</c> rewrites the
/// fields of configs written before the options records were the JSON (and fills per-kind defaults) in place.
/// </summary>
public static class ModelRegistry
{
    public sealed record Entry(string Kind, Type SpecType, Action<JsonObject> Upgrade);

    private static readonly Entry[] Entries =
    [
        new("fno1d", typeof(FnoOptions), json => FnoSpecJson.Upgrade(json, 1)),
        new("fno2d", typeof(FnoOptions), json => FnoSpecJson.Upgrade(json, 2)),
        new("fno3d", typeof(FnoOptions), json => FnoSpecJson.Upgrade(json, 3)),
        new("t1", typeof(T1Options), _ => { }),
        new("afno", typeof(AfnoOptions), AfnoOptions.UpgradeSquareGrid),
        new("sfno", typeof(SfnoOptions), SfnoOptions.DropOlderOptionsCopy),
        new("wadepre", typeof(WadepreOptions), _ => { }),
        new("unet_nowcast", typeof(UNetOptions), _ => { }),
    ];

    public static IReadOnlyList<string> Kinds { get; } = Entries.Select(e => e.Kind).ToArray();

    /// <summary>The entry of <paramref name="kind"/>; a JSON error listing the known kinds when there is none.</summary>
    public static Entry Find(string kind) => Entries.FirstOrDefault(e => e.Kind == kind)
        ?? throw new JsonException($"unknown model kind '{kind}' (known: {string.Join(", ", Kinds)})");
}
