using TorchSharp;
using Workbench.Interactive.Display;

namespace Workbench.Interactive;

/// <summary>
/// What a notebook's first cell calls: loads TorchSharp's natives, registers the formatters, and exposes the
/// settings the headless runner passes through the environment.
/// </summary>
public static class WorkbenchNotebook
{
    /// <summary>Set to 1 by the test runner: notebooks pick small sizes so each runs in seconds.</summary>
    public const string QuickVariable = "WORKBENCH_QUICK";

    /// <summary>Folder under which notebooks create run folders (default: runs/notebooks beside the notebooks folder).</summary>
    public const string RunsVariable = "WORKBENCH_NOTEBOOK_RUNS";

    public static bool Quick => Environment.GetEnvironmentVariable(QuickVariable) is "1" or "true";

    /// <summary>What was loaded, for the first cell's output, which also carries plotly.js for every chart after it.</summary>
    public static NotebookSession Start()
    {
        Workbench.Core.Runtime.NativeEnvironment.Apply();
        var natives = TorchNatives.Preload();
        WorkbenchFormatters.Register();
        using var probe = torch.ones(2).sum();
        var jit = Workbench.Core.Runtime.TorchSharpArguments.KeptAlive
            ? ""
            : "; WARNING: TorchSharp.dll is not the workbench build's (notebooks/README.md), libtorch calls can fail at random";
        return new NotebookSession($"TorchSharp natives from {natives ?? "the default search path"}; torch.ones(2).sum() = {probe.item<float>()}; quick = {Quick}{jit}");
    }

    /// <summary>A run folder path that does not exist yet: RUNS/NAME, or RUNS/NAME-2, -3, ... if taken.</summary>
    public static string NewRunFolder(string name)
    {
        var root = Environment.GetEnvironmentVariable(RunsVariable) is { Length: > 0 } configured
            ? configured
            : Path.Combine("..", "runs", "notebooks");
        var path = Path.GetFullPath(Path.Combine(root, name));
        for (var i = 2; Directory.Exists(path); i++) path = Path.GetFullPath(Path.Combine(root, $"{name}-{i}"));
        return path;
    }
}
