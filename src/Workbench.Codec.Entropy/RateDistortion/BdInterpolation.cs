namespace Workbench.Codec.Entropy.RateDistortion;

/// <summary>How log-rate is interpolated over PSNR for the Bjontegaard delta.</summary>
public enum BdInterpolation
{
    /// <summary>Least-squares cubic polynomial, as in Bjontegaard's VCEG-M33.</summary>
    Cubic,
    /// <summary>Piecewise cubic Hermite (Fritsch-Carlson monotone slopes), the recommended modern variant.</summary>
    Pchip,
}
