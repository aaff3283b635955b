namespace Workbench.Models.Operators.Fno;

/// <summary>
/// An FNO over d = Modes.Length axes (1, 2 or 3), time as channels or as the last axis. <paramref name="Modes"/> are
/// the retained modes per axis (per side on the full axes, on the rfft half axis for the last). <paramref name="InitGrid"/>
/// is the grid the variance-preserving init is tuned for, one size per axis (64 each when null; unused by the naive
/// init). <paramref name="BatchNorm"/> adds a BatchNorm after each Fourier layer as in the first FNO release (the one
/// whose parameter counts the paper reports).
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
    long[]? InitGrid = null)
{
    public int Dims => Modes.Length;

    /// <summary>The init grid, with the default filled in.</summary>
    public long[] ResolvedInitGrid => InitGrid ?? Enumerable.Repeat(64L, Modes.Length).ToArray();

    /// <summary>The model's name in messages and configs: fno1d, fno2d, fno3d.</summary>
    public string Name => $"fno{Modes.Length}d";
}
