namespace Workbench.Spectral.Wavelets;

/// <summary>One benchmark measurement, in the shape of a bench JSON result row (name, params, value, unit).</summary>
public sealed record TransformTiming(string Name, IReadOnlyDictionary<string, string> Params, double Value, string Unit);
