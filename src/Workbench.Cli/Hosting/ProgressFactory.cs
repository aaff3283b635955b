using Workbench.Core.Progress;

namespace Workbench.Cli.Hosting;

/// <summary>
/// Progress goes to plain periodic lines: Spectre progress bars print nothing when output is redirected, and
/// plain lines read well in both terminals and job logs.
/// </summary>
public static class ProgressFactory
{
    public static IProgressSink For(TextWriter output) =>
        new PlainLogProgress(output, Console.IsOutputRedirected ? TimeSpan.FromSeconds(10) : TimeSpan.FromSeconds(1));
}
