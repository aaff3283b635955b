namespace Workbench.Core.Progress;

/// <summary>
/// Progress as plain log lines, at most one per interval per task plus the final one, for redirected output where
/// terminal progress bars would print nothing. Each line gives the task's rate in items per second and the time left
/// at that rate, both measured from the task's first report.
/// </summary>
public sealed class PlainLogProgress(TextWriter writer, TimeSpan interval, TimeProvider? time = null) : IProgressSink
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly long _started = (time ?? TimeProvider.System).GetTimestamp();
    private readonly Dictionary<string, (TaskPace Pace, TimeSpan LastPrinted)> _tasks = new();
    private readonly object _gate = new();

    public void Report(string task, long done, long total, string? detail = null)
    {
        lock (_gate)
        {
            var now = _time.GetElapsedTime(_started);
            var finished = done >= total;
            if (!_tasks.TryGetValue(task, out var state)) state = (new TaskPace(now, done), now);
            else if (!finished && now - state.LastPrinted < interval) return;

            if (finished) _tasks.Remove(task);
            else _tasks[task] = state with { LastPrinted = now };
            var percent = total > 0 ? 100.0 * done / total : 100.0;
            writer.WriteLine($"[{TaskPace.Clock(now)}] {task}: {done}/{total} ({percent:F0}%{state.Pace.Describe(now, done, total)})" +
                             (detail is null ? "" : " " + detail));
            writer.Flush();
        }
    }

    public void Message(string text)
    {
        lock (_gate)
        {
            writer.WriteLine(text);
            writer.Flush();
        }
    }
}
