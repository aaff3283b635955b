namespace Workbench.Core.Progress;

/// <summary>Where long-running work reports how far it got; the CLI picks a terminal or plain-log implementation.</summary>
public interface IProgressSink
{
    void Report(string task, long done, long total, string? detail = null);
    void Message(string text);
}

/// <summary>Discards progress (library default, tests).</summary>
public sealed class SilentProgress : IProgressSink
{
    public static readonly SilentProgress Instance = new();
    public void Report(string task, long done, long total, string? detail = null) { }
    public void Message(string text) { }
}
