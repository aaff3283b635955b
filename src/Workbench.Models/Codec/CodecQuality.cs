using System.Globalization;
using Workbench.Core.Errors;

namespace Workbench.Models.Codec;

/// <summary>
/// The quality a codec file was coded at, in hundredths, and whether a variable-rate model coded it (any quality its
/// <see cref="RateLevels"/> cover) or a fixed-rate one (one checkpoint per whole quality).
/// </summary>
public readonly record struct CodecQuality(int Hundredths, bool VariableRate)
{
    public static CodecQuality Fixed(byte quality) => new(100 * quality, VariableRate: false);

    public double Value => Hundredths / 100.0;

    public bool IsWhole => Hundredths % 100 == 0;

    /// <summary>A quality given by the user: within 1..255 and with at most two decimals.</summary>
    public static int ToHundredths(double quality)
    {
        var hundredths = Math.Round(quality * 100);
        if (!(quality >= 1 && quality <= byte.MaxValue) || Math.Abs(quality * 100 - hundredths) > 1e-6)
            throw new ConfigException($"codec: a quality is a number in 1..255 with at most two decimals, got {quality.ToString(CultureInfo.InvariantCulture)}");
        return (int)hundredths;
    }

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
