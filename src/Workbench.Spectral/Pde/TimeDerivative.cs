namespace Workbench.Spectral.Pde;

/// <summary>How d_t w is taken from the frames of a trajectory sampled every dt.</summary>
public enum TimeDerivative
{
    /// <summary>
    /// From the temporal Fourier representation: d_t w = irfft(2 pi i f_k rfft(w)) over the T frames, f_k = k / (T dt),
    /// the Nyquist term of an even T dropped. Exact for trigonometric polynomials of period T dt; every frame has a value.
    /// </summary>
    Fourier,

    /// <summary>Backward differentiation of order 1 (backward Euler): frames 1..T-1 have a value.</summary>
    Bdf1,

    /// <summary>Backward differentiation of order 2: frames 2..T-1 have a value.</summary>
    Bdf2,

    /// <summary>Backward differentiation of order 3: frames 3..T-1 have a value.</summary>
    Bdf3,

    /// <summary>Backward differentiation of order 4: frames 4..T-1 have a value.</summary>
    Bdf4,
}
