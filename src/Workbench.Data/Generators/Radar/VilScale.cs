using static TorchSharp.torch;

namespace Workbench.Data.Generators.Radar;

/// <summary>
/// SEVIR's uint8 VIL encoding. Decoding (pixel X to kg m^-2): X &lt;= 5 -> 0; 5 &lt; X &lt;= 18 -> (X - 2) / 90.66;
/// X &gt; 18 -> exp((X - 83.9) / 38.9). <see cref="ToPixels"/> is its inverse, rounded to integers and clipped to 0..255.
/// </summary>
public static class VilScale
{
    private const double LinearSlope = 90.66;
    private const double LogScale = 38.9;
    private const double LogOffset = 83.9;

    public static double ToVil(double pixel) => pixel switch
    {
        <= 5 => 0,
        <= 18 => (pixel - 2) / LinearSlope,
        _ => Math.Exp((pixel - LogOffset) / LogScale),
    };

    /// <summary>VIL (kg m^-2, any shape) to pixel values 0..255 (same dtype, integer-valued).</summary>
    public static Tensor ToPixels(Tensor vil)
    {
        using var scope = NewDisposeScope();
        var linear = vil * LinearSlope + 2;
        var logarithmic = vil.clamp_min(1e-30).log() * LogScale + LogOffset;
        var pixels = where(linear <= 18, linear, logarithmic.clamp_min(18));
        pixels = where(linear <= 5, zeros_like(vil), pixels);
        return pixels.round().clamp(0, 255).MoveToOuterDisposeScope();
    }
}
