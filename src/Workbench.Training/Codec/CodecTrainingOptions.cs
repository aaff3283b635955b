using static TorchSharp.torch;

namespace Workbench.Training.Codec;

/// <summary>
/// Rate-distortion training of a learned codec on random crops of PNG images: loss = Lambda 255^2 MSE + bpp
/// (CompressAI's lambdas for qualities 1..8: 0.0018, 0.0035, 0.0067, 0.0130, 0.0250, 0.0483, 0.0932, 0.18), Adam on
/// the transforms with gradient norm clipped to 1 and a late tenfold drop of the rate (<see cref="CodecLearningRate"/>),
/// a second Adam on the entropy bottleneck's quantiles (aux loss).
/// Training runs on <see cref="Device"/> (the CPU when null); the returned model is always on the CPU, where coding runs.
/// <see cref="MaxSeconds"/> ends training early after the step that reaches it (a time-budgeted run; null: Steps only).
/// </summary>
public sealed record CodecTrainingOptions(
    IReadOnlyList<string> Images,
    double Lambda,
    int Steps,
    int BatchSize = 8,
    int PatchSize = 128,
    double LearningRate = 1e-4,
    double AuxLearningRate = 1e-3,
    long Seed = 0,
    int LogEvery = 50,
    Device? Device = null,
    double? MaxSeconds = null)
{
    /// <summary>
    /// The images in ordinal order of their paths, the order patches are drawn by: a shell's glob order depends on its
    /// locale, and one seed must draw the same patches everywhere.
    /// </summary>
    public IReadOnlyList<string> ImagesInDrawOrder => [.. Images.Order(StringComparer.Ordinal)];
}
