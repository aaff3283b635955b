namespace Workbench.Training.Refine;

/// <summary>
/// What the refined layer is optimised on: the residual norm (the method; no ground truth), or, as a diagnostic of how
/// far the layer can reach at all, the relative L2 distance to the ground truth (supervised).
/// </summary>
public enum RefineObjective { Residual, Truth }
