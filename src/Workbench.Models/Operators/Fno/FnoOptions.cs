using System.Text.Json.Serialization;
using TorchSharp;
using Workbench.Models.Specs;

namespace Workbench.Models.Operators.Fno;

/// <summary>
/// An FNO over d = Modes.Length axes (1, 2 or 3), time as channels or as the last axis. <paramref name="Modes"/> are
/// the retained modes per axis (per side on the full axes, on the rfft half axis for the last). <paramref name="InitGrid"/>
/// is the grid the variance-preserving init is tuned for, one size per axis (64 each when null; unused by the naive
/// init). <paramref name="BatchNorm"/> adds a BatchNorm after each Fourier layer as in the first FNO release (the one
/// whose parameter counts the paper reports). In configs the kind is fno1d, fno2d or fno3d (see <see cref="FnoSpecJson"/>).
/// </summary>
public sealed record FnoOptions(
    int InChannels,
    int OutChannels,
    int[] Modes,
    int Width = 32,
    int Layers = 4,
    FnoInit Init = FnoInit.Naive,
    int ProjectionWidth = 128,
    bool BatchNorm = false,
    long[]? InitGrid = null) : ModelSpec
{
    /// <summary>The JSON constructor: channels default to one.</summary>
    [JsonConstructor]
    public FnoOptions(int[]? modes, int inChannels = 1, int outChannels = 1, int width = 32, int layers = 4, FnoInit init = FnoInit.Naive,
        int projectionWidth = 128, bool batchNorm = false, long[]? initGrid = null)
        : this(inChannels, outChannels, modes ?? [], width, layers, init, projectionWidth, batchNorm, initGrid)
    {
    }

    [JsonIgnore]
    public int Dims => Modes.Length;

    /// <summary>The init grid, with the default filled in.</summary>
    [JsonIgnore]
    public long[] ResolvedInitGrid => InitGrid ?? Enumerable.Repeat(64L, Modes.Length).ToArray();

    /// <summary>The model's name in messages and configs: fno1d, fno2d, fno3d.</summary>
    [JsonIgnore]
    public string Name => Modes.Length is >= 1 and <= 3 ? $"fno{Modes.Length}d" : "fno";

    public override string Kind => Name;

    public override torch.nn.Module<torch.Tensor, torch.Tensor> Build(TrainingData? data) => new FnoOperator(this);

    public override string? CheckShapes(long[] inputSample, long[] targetSample) => FnoOperator.CheckShapes(this, inputSample, targetSample);

    public override IEnumerable<string> Problems()
    {
        if (Modes.Length is < 1 or > 3) yield return $"modes: expected 1 to 3 mode counts (one per axis), got {Modes.Length}";
        foreach (var p in NonPositive(("in_channels", InChannels), ("out_channels", OutChannels), ("width", Width), ("layers", Layers),
                     ("projection_width", ProjectionWidth)))
            yield return p;
        if (Modes.Any(m => m < 1)) yield return $"modes: expected positive mode counts, got [{string.Join(", ", Modes)}]";
        if (InitGrid is { } grid && (grid.Length != Modes.Length || grid.Any(n => n < 2)))
            yield return $"init_grid: expected {Modes.Length} sizes >= 2, got [{string.Join(", ", grid)}]";
    }

    public bool Equals(FnoOptions? other) => other is not null && InChannels == other.InChannels && OutChannels == other.OutChannels
        && Modes.SequenceEqual(other.Modes) && Width == other.Width && Layers == other.Layers && Init == other.Init
        && ProjectionWidth == other.ProjectionWidth && BatchNorm == other.BatchNorm
        && (InitGrid ?? []).SequenceEqual(other.InitGrid ?? []);

    public override int GetHashCode() => HashCode.Combine(InChannels, OutChannels, Modes.Length, Width, Layers, Init, ProjectionWidth, BatchNorm);
}
