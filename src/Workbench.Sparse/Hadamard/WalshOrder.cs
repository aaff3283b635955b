namespace Workbench.Sparse.Hadamard;

/// <summary>Order of the output coefficients of the Walsh-Hadamard transform.</summary>
public enum WalshOrder
{
    /// <summary>Natural (Hadamard, Paley-free) order: coefficient k pairs with row k of the Sylvester matrix,
    /// H[k, m] = (-1)^popcount(k AND m).</summary>
    Natural,

    /// <summary>Sequency (Walsh) order: coefficient s pairs with the Walsh function that has s sign changes.
    /// Output s is natural coefficient bitreverse_n(gray(s)) with gray(s) = s XOR (s >> 1).</summary>
    Sequency,
}
