namespace Workbench.Core.Progress;

/// <summary>
/// A task's pace, measured from its first report (the work before it is not timed): items per second and, while
/// unfinished, the time left at that rate.
/// </summary>
internal readonly record struct TaskPace(TimeSpan FirstSeen, long FirstDone)
{
    /// <summary>", 12.5 items/s, ETA 00:01:04" (", 12.5 items/s" once finished); empty until an item was timed.</summary>
    public string Describe(TimeSpan now, long done, long total)
    {
        var seconds = (now - FirstSeen).TotalSeconds;
        var items = done - FirstDone;
        if (seconds <= 0 || items <= 0) return "";
        var rate = items / seconds;
        var text = $", {Rate(rate)} items/s";
        return done >= total ? text : $"{text}, ETA {Clock(TimeSpan.FromSeconds((total - done) / rate))}";
    }

    /// <summary>Hours (not wrapped at a day), minutes and seconds: "00:01:04", "31:00:00".</summary>
    public static string Clock(TimeSpan span) => $"{(long)span.TotalHours:00}:{span:mm\\:ss}";

    private static string Rate(double rate) => rate.ToString(rate >= 100 ? "F0" : rate >= 10 ? "F1" : "F2");
}
