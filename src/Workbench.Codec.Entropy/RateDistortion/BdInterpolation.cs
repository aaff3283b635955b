namespace Workbench.Codec.Entropy.RateDistortion;

/// <summary>How log-rate is interpolated over PSNR for the Bjontegaard delta.</summary>
public enum BdInterpolation
{
    /// <summary>Least-squares cubic polynomial, as in Bjontegaard's VCEG-M33.</summary>
    Cubic,
    /// <summary>
    /// Piecewise cubic Hermite with Fritsch-Carlson monotone slopes (MathNet's PCHIP, as scipy's PchipInterpolator), the
    /// recommended modern variant.
    /// </summary>
    Pchip,
}
