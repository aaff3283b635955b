using System.Text.Json.Nodes;
using TorchSharp;
using Workbench.Models.Specs;

namespace Workbench.Models.Operators.Afno;

/// <summary>
/// AFNO operator on [B, InChannels, GridX, GridY] -> [B, OutChannels, GridX, GridY]. The grid is fixed at construction
/// (the learnable positional embedding has one entry per patch) and must be divisible by <paramref name="Patch"/>;
/// <paramref name="EmbedDim"/> must be divisible by <paramref name="Blocks"/>. In configs <c>grid: n</c> stands for
/// <c>grid_x = grid_y = n</c>.
/// </summary>
public sealed record AfnoOptions(
    int InChannels = 1,
    int OutChannels = 1,
    int GridX = 64,
    int GridY = 64,
    int EmbedDim = 128,
    int Depth = 4,
    int Blocks = 8,
    int Patch = 4,
    double ModeFraction = 1.0,
    double SparsityThreshold = 0.01,
    int HiddenFactor = 1,
    bool DoubleSkip = true,
    int MlpRatio = 4) : ModelSpec
{
    public override string Kind => "afno";

    public override torch.nn.Module<torch.Tensor, torch.Tensor> Build(TrainingData? data) => new AfnoOperator(this);

    public override string? CheckShapes(long[] inputSample, long[] targetSample) => AfnoOperator.CheckShapes(this, inputSample, targetSample);

    public override IEnumerable<string> Problems()
    {
        foreach (var p in NonPositive(("in_channels", InChannels), ("out_channels", OutChannels), ("grid_x", GridX), ("grid_y", GridY),
                     ("embed_dim", EmbedDim), ("depth", Depth), ("blocks", Blocks), ("patch", Patch), ("hidden_factor", HiddenFactor),
                     ("mlp_ratio", MlpRatio)))
            yield return p;
        if (EmbedDim % Math.Max(1, Blocks) != 0) yield return $"embed_dim: {EmbedDim} is not divisible by blocks = {Blocks}";
        if (GridX % Math.Max(1, Patch) != 0 || GridY % Math.Max(1, Patch) != 0)
            yield return $"grid: {GridX} x {GridY} is not divisible by patch = {Patch}";
        if (!(ModeFraction > 0 && ModeFraction <= 1)) yield return $"mode_fraction: expected a value in (0, 1], got {ModeFraction}";
    }

    /// <summary>Rewrites a square <c>grid</c> into <c>grid_x</c> and <c>grid_y</c>.</summary>
    public static void UpgradeSquareGrid(JsonObject json)
    {
        if (json["grid"] is not { } grid || json.ContainsKey("grid_x") || json.ContainsKey("grid_y")) return;
        json["grid_x"] = grid.DeepClone();
        json["grid_y"] = grid.DeepClone();
        json.Remove("grid");
    }
}
