namespace Workbench.Models.Operators.Fno;

/// <summary>
/// FNO-2D with time as channels. <paramref name="InitGridX"/> x <paramref name="InitGridY"/> is the grid the
/// variance-preserving init is tuned for (unused by the naive init). <paramref name="BatchNorm"/> adds a BatchNorm2d
/// after each Fourier layer as in the first FNO release (the one whose parameter count the paper reports).
/// </summary>
public sealed record Fno2dOptions(
    int InChannels,
    int OutChannels,
    int Width = 32,
    int Modes1 = 12,
    int Modes2 = 12,
    int Layers = 4,
    FnoInit Init = FnoInit.Naive,
    int ProjectionWidth = 128,
    bool BatchNorm = false,
    int InitGridX = 64,
    int InitGridY = 64);
