namespace Workbench.Data.Hdf5;

/// <summary>A batch of samples as flat C-order float32 arrays with their shapes [B, ...].</summary>
public sealed record DatasetBatch(float[] Inputs, long[] InputShape, float[]? Targets, long[]? TargetShape);
