using System.Diagnostics;

namespace Workbench.Core.Progress;

/// <summary>
/// Progress as plain log lines, at most one per interval per task plus the final one, for redirected output where
/// terminal progress bars would print nothing.
/// </summary>
public sealed class PlainLogProgress(TextWriter writer, TimeSpan interval) : IProgressSink
{
    private readonly Dictionary<string, long> _lastPrinted = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly object _gate = new();

    public void Report(string task, long done, long total, string? detail = null)
    {
        lock (_gate)
        {
            var now = _clock.ElapsedMilliseconds;
            var finished = done >= total;
            if (!finished && _lastPrinted.TryGetValue(task, out var last) && now - last < interval.TotalMilliseconds) return;
            _lastPrinted[task] = now;
            var percent = total > 0 ? 100.0 * done / total : 100.0;
            writer.WriteLine($"[{_clock.Elapsed:hh\\:mm\\:ss}] {task}: {done}/{total} ({percent:F0}%){(detail is null ? "" : " " + detail)}");
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
