using TorchSharp;
using Workbench.Models.Operators.Fno;
using static TorchSharp.torch;

namespace Workbench.Models.Operators.Sfno;

/// <summary>
/// The SFNO input features of w[B, 1, X, Y, T]: w, the x, y, t grids k / n in [0, 1), and sin(pi k t), cos(pi k t) for
/// k = 1..K: [B, 4 + 2K, X, Y, T], on w's device and dtype.
/// </summary>
internal static class PositionalEncoding
{
    public static int Channels(int temporalBases) => 4 + 2 * temporalBases;

    public static Tensor Append(Tensor w, int temporalBases)
    {
        var grids = GridCoordinates.Like(w);
        var t = grids.narrow(1, 2, 1);
        var features = new List<Tensor> { w, grids };
        for (var k = 1; k <= temporalBases; k++)
        {
            features.Add((t * (Math.PI * k)).sin());
            features.Add((t * (Math.PI * k)).cos());
        }
        return cat(features, 1);
    }
}
