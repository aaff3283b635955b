namespace Workbench.Data.Generators.NavierStokes;

/// <summary>
/// The operator-learning task on these trajectories, as in FNO and Spectral-Refiner: the frames at t = 1..10 are the
/// input and the frames at t = 11..T the target. With RecordEvery = 1, frame i of a stored trajectory is t = i, so
/// the input is frames 1..10 and the target frames 11..T; frame 0 (the initial field) is stored but not part of the task.
/// </summary>
public static class FnoTask
{
    public const int InputFrames = 10;

    /// <summary>Frames t = 0..11: the initial field, the ten inputs and at least one target.</summary>
    public const int MinimumFrames = InputFrames + 2;

    public static (Range Input, Range Target) Split(int frameCount)
    {
        if (frameCount < MinimumFrames)
            throw new ArgumentException($"frameCount: the FNO task needs at least {MinimumFrames} frames (t = 0..11), got {frameCount}.");
        return (new Range(1, InputFrames + 1), new Range(InputFrames + 1, frameCount));
    }
}
