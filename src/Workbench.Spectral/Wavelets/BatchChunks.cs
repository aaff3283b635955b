using static TorchSharp.torch;

namespace Workbench.Spectral.Wavelets;

/// <summary>
/// Runs a multi-level transform on slices of the batch small enough to stay in cache. Each level makes several passes
/// over its data; on whole large batches every pass also pays for fresh memory from the OS (an 8 x 64 x 256^2 float32
/// batch ran about ten times slower per element than one slice of it).
/// </summary>
internal static class BatchChunks
{
    private const long TargetElements = 1 << 20;

    /// <summary>
    /// Applies <paramref name="transform"/> to consecutive slices along dim 0 of all <paramref name="inputs"/> (which share
    /// that dim) and concatenates each of its outputs along dim 0.
    /// </summary>
    public static Tensor[] Map(Tensor[] inputs, Func<Tensor[], Tensor[]> transform)
    {
        var batch = inputs[0].shape[0];
        var perSample = inputs.Max(t => batch == 0 ? 0 : t.numel() / batch);
        var step = Math.Max(1, TargetElements / Math.Max(1, perSample));
        if (step >= batch) return transform(inputs);

        using var scope = NewDisposeScope();
        var results = new List<Tensor[]>();
        for (long start = 0; start < batch; start += step)
        {
            var length = Math.Min(step, batch - start);
            results.Add(transform(inputs.Select(t => t.narrow(0, start, length)).ToArray()));
        }

        return Enumerable.Range(0, results[0].Length)
            .Select(i => scope.MoveToOuter(cat(results.Select(r => r[i]).ToList(), 0)))
            .ToArray();
    }
}
