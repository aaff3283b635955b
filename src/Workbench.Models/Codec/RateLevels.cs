using Workbench.Core.Errors;

namespace Workbench.Models.Codec;

/// <summary>
/// The quality levels of a variable-rate codec: <see cref="Count"/> consecutive integer qualities from
/// <see cref="FirstQuality"/>, one gain vector each (<see cref="GainUnits"/>). A quality between two levels lies on
/// the interpolation between them; qualities are counted in hundredths (<see cref="CodecQuality"/>).
/// </summary>
public sealed record RateLevels(int FirstQuality, int Count)
{
    public int LastQuality => FirstQuality + Count - 1;

    public void Validate()
    {
        if (FirstQuality < 1 || Count < 1 || LastQuality > byte.MaxValue)
            throw new ConfigException($"rate levels: expected qualities within 1..255, got {Count} levels from {FirstQuality}.");
    }

    public bool Covers(CodecQuality quality) => quality.Hundredths >= 100 * FirstQuality && quality.Hundredths <= 100 * LastQuality;

    /// <summary>The level at or below <paramref name="quality"/> and the fraction l in [0, 1) of the way to the next one.</summary>
    public (int Level, double Fraction) Position(CodecQuality quality)
    {
        if (!Covers(quality)) throw new ArgumentOutOfRangeException(nameof(quality), $"quality {quality} is outside {this}");
        var offset = quality.Hundredths - 100 * FirstQuality;
        return (offset / 100, offset % 100 / 100.0);
    }

    public override string ToString() => $"qualities {FirstQuality}..{LastQuality}";
}
