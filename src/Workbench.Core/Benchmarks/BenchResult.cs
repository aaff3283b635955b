namespace Workbench.Core.Benchmarks;

/// <summary>
/// One measurement of a bench suite. <see cref="Peer"/> names what it was compared with in the same run
/// (another implementation, a C reference, numpy/pywt/h5py), and <see cref="Ratio"/> is value / peer value.
/// </summary>
public sealed record BenchResult(string Name, IReadOnlyDictionary<string, object> Params, double Value, string Unit,
    string? Peer = null, double? PeerValue = null)
{
    public double? Ratio => PeerValue is { } peer && peer != 0 ? Value / peer : null;
}
