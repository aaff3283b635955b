namespace Workbench.Sparse.Hadamard;

/// <summary>Scaling applied by the Walsh-Hadamard transform.</summary>
public enum WhtNormalization
{
    /// <summary>y = H x with entries +-1 (H H = N I).</summary>
    None,

    /// <summary>y = H x / sqrt(N) (an orthonormal, energy-preserving transform).</summary>
    Orthonormal,
}
