using Microsoft.Extensions.Time.Testing;
using Workbench.Core.Progress;

namespace Workbench.Tests.Core;

/// <summary>Oracle: rates and times left worked out by hand from the fake clock's readings.</summary>
public class PlainLogProgressTests
{
    private static (PlainLogProgress Progress, FakeTimeProvider Clock, StringWriter Output) Sink()
    {
        var clock = new FakeTimeProvider();
        var output = new StringWriter();
        return (new PlainLogProgress(output, TimeSpan.FromSeconds(1), clock), clock, output);
    }

    private static string[] Lines(StringWriter output) => output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void Lines_give_the_rate_and_time_left_measured_from_the_first_report()
    {
        var (progress, clock, output) = Sink();
        progress.Report("epoch 1/2", 1, 5, "loss 0.9");
        clock.Advance(TimeSpan.FromSeconds(0.5));
        progress.Report("epoch 1/2", 2, 5, "loss 0.7");
        clock.Advance(TimeSpan.FromSeconds(1.5));
        progress.Report("epoch 1/2", 3, 5, "loss 0.5");
        clock.Advance(TimeSpan.FromSeconds(0.2));
        progress.Report("epoch 1/2", 5, 5, "loss 0.4");

        // 2 items in 2 s after the first report, 2 left; at the end 4 items in 2.2 s.
        Assert.Equal(
        [
            "[00:00:00] epoch 1/2: 1/5 (20%) loss 0.9",
            "[00:00:02] epoch 1/2: 3/5 (60%, 1.00 items/s, ETA 00:00:02) loss 0.5",
            "[00:00:02] epoch 1/2: 5/5 (100%, 1.82 items/s) loss 0.4",
        ], Lines(output));
    }

    [Fact]
    public void Long_tasks_count_hours_past_a_day_and_a_finished_task_name_starts_afresh()
    {
        var (progress, clock, output) = Sink();
        progress.Report("samples", 0, 10_000_000);
        clock.Advance(TimeSpan.FromSeconds(10));
        progress.Report("samples", 100, 10_000_000);
        progress.Report("samples", 10_000_000, 10_000_000);
        clock.Advance(TimeSpan.FromSeconds(5));
        progress.Report("samples", 1, 3);
        clock.Advance(TimeSpan.FromSeconds(4));
        progress.Report("samples", 3, 3);

        // 100 items in 10 s leave 9,999,900 items: 999,990 s = 277 h 46 min 30 s. The second task: 2 items in 4 s.
        Assert.Equal(
        [
            "[00:00:00] samples: 0/10000000 (0%)",
            "[00:00:10] samples: 100/10000000 (0%, 10.0 items/s, ETA 277:46:30)",
            "[00:00:10] samples: 10000000/10000000 (100%, 1000000 items/s)",
            "[00:00:15] samples: 1/3 (33%)",
            "[00:00:19] samples: 3/3 (100%, 0.50 items/s)",
        ], Lines(output));
    }
}
