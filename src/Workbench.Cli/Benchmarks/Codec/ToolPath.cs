namespace Workbench.Cli.Benchmarks.Codec;

/// <summary>Finds a peer's executable in a list of folders (by default those of PATH, searched in order).</summary>
public static class ToolPath
{
    public static IReadOnlyList<string> SearchFolders(string? given) =>
        given is not null
            ? [given]
            : (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);

    public static string? Find(string name, IReadOnlyList<string> folders) =>
        folders.Select(folder => Path.Combine(folder, name)).FirstOrDefault(IsExecutable);

    private static bool IsExecutable(string path) =>
        File.Exists(path) && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0);
}
