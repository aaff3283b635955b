using Workbench.Core.Errors;

namespace Workbench.Data.Generators.Radar;

/// <summary>
/// Knobs of the synthetic radar generator (REFERENCES section 7). Lengths and speeds are given for a 128 x 128 frame
/// and scaled with <see cref="Resolution"/>, so the 64 x 64 variant shows the same weather at half the pixels.
/// <see cref="Growth"/> off freezes the weather from the first input frame on: no births, no life cycle, no
/// background evolution, so every later frame is the previous one transported by the velocity field.
/// </summary>
public sealed record RadarOptions
{
    public int Resolution { get; init; } = 128;
    public int InputFrames { get; init; } = 6;
    public int TargetFrames { get; init; } = 6;
    /// <summary>Frames simulated before the first input frame, so cells of every age are present.</summary>
    public int WarmupFrames { get; init; } = 12;
    public bool Growth { get; init; } = true;

    /// <summary>Background: log-normal field exp(mu + sigma g) - offset with g a unit-variance k^-beta Gaussian field.</summary>
    public double SpectralSlope { get; init; } = 3.0;
    public double BackgroundMu { get; init; } = -1.4;
    public double BackgroundSigma { get; init; } = 1.0;
    public double BackgroundOffset { get; init; } = 0.35;
    /// <summary>Lag-one correlation of g between frames (the spectral AR(1)).</summary>
    public double BackgroundMemory { get; init; } = 0.97;

    /// <summary>Expected cell births per frame over a 128 x 128 area.</summary>
    public double BirthRate { get; init; } = 1.5;
    /// <summary>Peaks (kg m^-2) are Pareto(PeakScale, PeakShape): P(I &gt; x) = (PeakScale / x)^PeakShape, capped at PeakCap.</summary>
    public double PeakScale { get; init; } = 8.0;
    public double PeakShape { get; init; } = 1.5;
    public double PeakCap { get; init; } = 80.0;
    public double MinLifetime { get; init; } = 6;
    public double MaxLifetime { get; init; } = 18;
    /// <summary>Range of the longer axis' Gaussian width, pixels at 128^2.</summary>
    public double MinCellSize { get; init; } = 2.0;
    public double MaxCellSize { get; init; } = 5.0;
    public double MaxAspect { get; init; } = 2.5;

    /// <summary>Mean flow speed range, pixels per frame at 128^2, and the largest extra speed of the rotor or shear.</summary>
    public double MinSpeed { get; init; } = 0.3;
    public double MaxSpeed { get; init; } = 2.0;
    public double MaxSwirl { get; init; } = 1.0;

    public int FrameCount => InputFrames + TargetFrames;
    public double Scale => Resolution / 128.0;
    /// <summary>Margin simulated around the frame so that structure flows in from outside.</summary>
    public int Margin => (int)Math.Ceiling((MaxSpeed + MaxSwirl) * Scale * (WarmupFrames + FrameCount) * 0.75) + 4;

    public void Validate()
    {
        if (Resolution < 16) throw new WorkbenchException($"radar resolution: expected at least 16, got {Resolution}");
        if (InputFrames < 1 || TargetFrames < 1) throw new WorkbenchException($"radar frames: expected positive input and target counts, got {InputFrames} and {TargetFrames}");
        if (WarmupFrames < 0) throw new WorkbenchException($"radar warm-up: expected a non-negative frame count, got {WarmupFrames}");
        if (!(MinLifetime > 0 && MaxLifetime >= MinLifetime)) throw new WorkbenchException($"radar lifetimes: expected 0 < min <= max, got {MinLifetime}, {MaxLifetime}");
        if (!(BackgroundMemory is >= 0 and <= 1)) throw new WorkbenchException($"radar background memory: expected a value in [0, 1], got {BackgroundMemory}");
        if (!(PeakScale > 0 && PeakShape > 0)) throw new WorkbenchException("radar peaks: expected positive Pareto scale and shape");
    }
}
