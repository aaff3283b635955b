namespace Workbench.Models.Operators.Afno;

/// <summary>
/// AFNO operator on [B, InChannels, GridX, GridY] -> [B, OutChannels, GridX, GridY]. The grid is fixed at construction
/// (the learnable positional embedding has one entry per patch) and must be divisible by <paramref name="Patch"/>;
/// <paramref name="EmbedDim"/> must be divisible by <paramref name="Blocks"/>.
/// </summary>
public sealed record AfnoOptions(
    int InChannels,
    int OutChannels,
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
    int MlpRatio = 4);
