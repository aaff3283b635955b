namespace Workbench.Spectral.Benchmarks;

/// <summary>One benchmark measurement: what was timed, with which parameters, and the value in its unit.</summary>
public sealed record TransformBenchmarkResult(string Name, IReadOnlyDictionary<string, object> Params, double Value, string Unit);
