namespace Workbench.Models.Operators.Fno;

/// <summary>
/// FNO-3D over (x, y, t). The init grid sizes tune the variance-preserving init (unused by the naive init);
/// <paramref name="BatchNorm"/> adds a BatchNorm3d after each Fourier layer as in the first FNO release.
/// </summary>
public sealed record Fno3dOptions(
    int InChannels,
    int OutChannels,
    int Width = 20,
    int Modes1 = 8,
    int Modes2 = 8,
    int Modes3 = 8,
    int Layers = 4,
    FnoInit Init = FnoInit.Naive,
    int ProjectionWidth = 128,
    bool BatchNorm = false,
    int InitGridX = 64,
    int InitGridY = 64,
    int InitGridT = 40);
