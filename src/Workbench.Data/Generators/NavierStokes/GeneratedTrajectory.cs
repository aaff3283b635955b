namespace Workbench.Data.Generators.NavierStokes;

/// <summary>
/// One generated sample: its global index, its vorticity trajectory as float32 in row-major [frames, s, s]
/// (frame i is the field at time i * record interval after the first frame) and the provenance shared by the run
/// (string key/value pairs meant for file attributes).
/// </summary>
public sealed record GeneratedTrajectory(long Index, float[] Values, int[] Shape, IReadOnlyDictionary<string, string> Provenance);
