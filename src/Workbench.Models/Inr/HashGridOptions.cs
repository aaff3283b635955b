namespace Workbench.Models.Inr;

/// <summary>
/// Instant-NGP multiresolution hash encoding (Müller et al. 2022) with a ReLU decoder. Level l has
/// N_l = floor(MinResolution b^l) cells per axis, b = exp((ln MaxResolution - ln MinResolution) / (Levels - 1)), and a
/// table of min(TableSize, (N_l + 1)^d) entries of <paramref name="FeaturesPerLevel"/> features (dense indexing when
/// the vertices fit, the spatial hash otherwise), initialised U(-1e-4, 1e-4). The decoder is
/// <paramref name="DecoderLayers"/> x <paramref name="DecoderHidden"/> ReLU and a linear output. Train with Adam
/// betas (0.9, 0.99), eps 1e-15, lr 1e-2 (<see cref="AdamBetas"/>).
/// </summary>
public sealed record HashGridOptions(
    int InDim,
    int OutDim,
    int Levels = 16,
    int FeaturesPerLevel = 2,
    long TableSize = 1 << 14,
    int MinResolution = 16,
    int MaxResolution = 512,
    int DecoderHidden = 64,
    int DecoderLayers = 2)
{
    public static readonly (double Beta1, double Beta2, double Eps, double LearningRate) AdamBetas = (0.9, 0.99, 1e-15, 1e-2);

    /// <summary>Cells per axis at each level.</summary>
    public long[] Resolutions()
    {
        var growth = Levels == 1 ? 1.0 : Math.Exp((Math.Log(MaxResolution) - Math.Log(MinResolution)) / (Levels - 1));
        return Enumerable.Range(0, Levels).Select(l => (long)Math.Floor(MinResolution * Math.Pow(growth, l) + 1e-9)).ToArray();
    }

    /// <summary>Table entries at each level: the dense vertex count when it fits, else <see cref="TableSize"/>.</summary>
    public long[] LevelSizes() => Resolutions().Select(n => Math.Min(TableSize, (long)Math.Pow(n + 1, InDim))).ToArray();
}
